// npx tsx scripts/bench-cluster-reach.ts DIR [--day YYYY-MM-DD]… [--time all|near --day D]: how far one changed day
// reaches in clustering, on the cleaned and dated articles scripts/bench-cluster-steps.ts keeps as DIR.steps.v8.
// For each --day (default: the corpus's middle and last day) it prints, with r the largest IDF radius
// (profile.ts idfRadius) and w the merge window: the articles whose profile may change (days within r), whose
// pairs are looked for again (r + w), whose profiles those pairs read (r + 2w), and whose records those
// profiles' IDF counts (2r + 2w); the stories that may change (a member within r + 2w) and those that cannot;
// and, for follow-ups (60-day reach), how many stories that cannot change are candidates (enough shared key
// weight) of a story that may: the centroids a build taking unchanged stories whole would still need, and
// the size of a store of every story's centroid. `--time`: one profile step, in this fresh process, over
// all the articles or over those within 2r + 2w of the day (the ceiling of reading only what a change reaches;
// alternate runs of each). An estimate for design, not part of the tests.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { buildProfiles, idfRadius, type Profile } from "../src/cluster/profile.ts";
import { clusterArticles, defaultClusterOptions } from "../src/cluster/index.ts";
import { spanOf } from "../src/cluster/time.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { day: { type: "string", multiple: true }, time: { type: "string" } } });
const file = `${resolve(positionals[0] ?? "")}.steps.v8`;
if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/bench-cluster-steps.ts first`);
const articles = (deserialize(readFileSync(file)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
const days = articles.map((a) => dayOrNull(spanOf(a.evidence).first));
if (days.some((d) => d === null)) throw new Error("undated articles: every window counts them, nothing is out of reach");
const dayOf = (i: number) => days[i]!;
const sortedDays = Int32Array.from(days as number[]).sort();
const o = defaultClusterOptions;
const w = o.windowDays;
const minDocuments = 100;
let r = w;
for (let at = 0; at < sortedDays.length; at++) r = Math.max(r, idfRadius(sortedDays, at, w, minDocuments));
const [first, last] = [sortedDays[0]!, sortedDays[sortedDays.length - 1]!];
const changes = (values.day ?? []).map((d) => dayOrNull(d)!);
if (changes.length === 0) changes.push(Math.floor((first + last) / 2), last);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function profilesOf(keep: number[]): Profile[] {
  const sub = keep.map((i) => articles[i]!);
  const d = keep.map(dayOf);
  const layout = Int32Array.from(sub.keys()).sort((x, y) => d[x]! - d[y]! || x - y);
  return buildProfiles(sub, o.keyTerms, false, layout, { days: d, windowDays: w, minDocuments }, { termKeys: new Array<string>(sub.length), prints: new Array<string>(sub.length) });
}

if (values.time) {
  const c = changes[0]!;
  const keep = articles.map((_, i) => i).filter((i) => values.time === "all" || Math.abs(dayOf(i) - c) <= 2 * r + 2 * w);
  const t = cpuMs();
  profilesOf(keep);
  console.log(`profile step, ${values.time}: ${keep.length} articles, ${(cpuMs() - t).toFixed(0)} ms CPU`);
  process.exit(0);
}

const profiles = profilesOf(articles.map((_, i) => i));
const index = new Map(articles.map((a, i) => [a.path, i]));
const stories = clusterArticles(articles.map((a) => ({ ...a })), o).map((s) => s.members.map((m) => index.get(m.path)!));
// Each story's centroid (its members' word vectors summed, normalised) and its key terms, as the follow-ups take them.
const centroids = stories.map((members) => {
  const sum = new Map<number, number>();
  for (const m of members) {
    const v = profiles[m]!.words;
    for (let k = v.from; k < v.to; k++) sum.set(v.ids[k]!, (sum.get(v.ids[k]!) ?? 0) + v.weights[k]!);
  }
  const norm = Math.sqrt([...sum.values()].reduce((x, y) => x + y * y, 0)) || 1;
  return new Map([...sum].map(([id, x]) => [id, x / norm]));
});
const keys = centroids.map((c) => [...c].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, o.keyTerms));
const storyDay = stories.map((members) => Math.min(...members.map(dayOf)));
const holders = new Map<number, number[]>();
keys.forEach((ks, s) => ks.forEach(([id]) => (holders.get(id) ?? holders.set(id, []).get(id)!).push(s)));
const entries = centroids.reduce((x, c) => x + c.size, 0);
console.log(`${articles.length} articles on days ${first}…${last}, ${stories.length} stories; IDF radius r = ${r}, window w = ${w}; centroids ${entries} entries (${((entries * 12) / 1e6).toFixed(1)} MB at 12 bytes)`);
for (const c of changes) {
  const within = (k: number) => articles.filter((_, i) => Math.abs(dayOf(i) - c) <= k).length;
  const near = stories.map((members) => members.some((m) => Math.abs(dayOf(m) - c) <= r + 2 * w));
  // Stories whose centroid may change (a member's profile may: within r).
  const moved = stories.map((members) => members.some((m) => Math.abs(dayOf(m) - c) <= r));
  // Far stories a moved story's follow-up search scores (the same test as followups.ts linkStories).
  const needed = new Set<number>();
  stories.forEach((_, s) => {
    if (!moved[s]) return;
    const score = new Map<number, number>();
    for (const [id, weight] of keys[s]!) {
      const inRange = (holders.get(id) ?? []).filter((e) => storyDay[e]! >= storyDay[s]! - o.followUpDays && storyDay[e]! < storyDay[s]! - w);
      if (inRange.length > o.postingCap) continue;
      for (const e of inRange) score.set(e, (score.get(e) ?? 0) + weight * keys[e]!.find(([x]) => x === id)![1]);
    }
    for (const [e, x] of score) if (x >= o.minKeyScore && !near[e]) needed.add(e);
  });
  const farEntries = centroids.reduce((x, cs, s) => x + (near[s] ? 0 : cs.size), 0);
  console.log(`change on day ${c}: profiles may change ${within(r)}, pairs looked for ${within(r + w)}, profiles read for them ${within(r + 2 * w)}, records counted ${within(2 * r + 2 * w)} of ${articles.length}; stories that may change ${near.filter(Boolean).length}, that cannot ${near.filter((x) => !x).length} (${farEntries} centroid entries), centroids that may change ${moved.filter(Boolean).length}, and the stories that cannot change which the follow-up search of one of those scores: ${needed.size}`);
}

// What one article really changes: the stories (members, follow-up) of the batch without the article of
// `--day`'s held back (the last of that day in path order) against those with it, by their distance in days.
for (const c of changes) {
  let held = articles.length - 1;
  while (held >= 0 && dayOf(held) !== c) held--;
  if (held < 0) continue;
  const without = clusterArticles(articles.filter((_, i) => i !== held).map((a) => ({ ...a })), o);
  const withIt = clusterArticles(articles.map((a) => ({ ...a })), o);
  const print = (cs: typeof withIt) => {
    const byId = new Map(cs.map((s) => [s.id, s]));
    return new Map(cs.map((s) => [s.members.map((m) => m.path).filter((p) => p !== articles[held]!.path).join(" "), `${s.members.length} ${s.followUpOf ? byId.get(s.followUpOf)!.members.map((m) => m.path).filter((p) => p !== articles[held]!.path).join(" ") : "-"}`]));
  };
  const [before, after] = [print(without), print(withIt)];
  const distances = new Map<number, number>();
  for (const [members, what] of after) {
    if (before.get(members) === what) continue;
    const far = Math.min(...members.split(" ").filter(Boolean).map((p) => Math.abs(dayOf(index.get(p)!) - c)));
    distances.set(far, (distances.get(far) ?? 0) + 1);
  }
  console.log(`article ${articles[held]!.path} (day ${c}) held back and added: ${[...distances.values()].reduce((x, y) => x + y, 0)} stories differ (members or follow-up), by their nearest member's distance in days: ${[...distances].sort((x, y) => x[0] - y[0]).map(([d, n]) => `${d}: ${n}`).join(", ")}`);
}
