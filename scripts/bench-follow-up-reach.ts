// npx tsx scripts/bench-follow-up-reach.ts DIR --day YYYY-MM-DD [--follow-up-idf window|background]: which
// stories a one-new build links again in the follow-up step (followups.ts), by the rule the build uses and by
// a finer one. Clusters DIR.steps.v8's articles (scripts/bench-cluster-steps.ts) without the last article of
// --day, then all of them, with one row store (as scripts/bench-cluster-reuse.ts), and compares the stored
// follow-up records (follow-up-reuse.ts). "Day rule" (the build's, knownLinks): a story is linked again when
// its print is new or a story of a day in its reach (2 to 60 days back) is new or gone. "Key rule" (not built):
// only when such a new or gone story holds one of its keys (the 30 heaviest of each centroid, followups.ts
// StoryKeys), since a later story's candidates, their scores, the posting cap and the winner come only from
// the stories its keys' postings hold within its reach. The keys of both versions are read in the full
// batch's profiles: exact with --follow-up-idf background (an article's follow-up vectors are its own), a
// lower bound with the window's (an old version's keys are taken with the new window's weights). Counts, not times.
import { parseArgs } from "node:util";
import { clusterArticles, defaultClusterOptions, type RowStore, type StoredFollowUps, type StoredGroups, type StoredPairs } from "../src/cluster/index.ts";
import { buildProfiles, FOLLOW_UP_IDF, type FollowUpIdf } from "../src/cluster/profile.ts";
import { centroid, followUpVectors, Sums } from "../src/cluster/follow-up-features.ts";
import { spanOf } from "../src/cluster/time.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { DatedArticle, StoryCluster } from "../src/types.ts";
import { heldIndex, stepsArticles } from "./steps-batch.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { day: { type: "string" }, "follow-up-idf": { type: "string" } } });
const mode = (values["follow-up-idf"] ?? FOLLOW_UP_IDF) as FollowUpIdf;
const articles = stepsArticles(positionals[0] ?? "");
const dateOf = (a: DatedArticle) => a.evidence.date ?? a.evidence.pageDate;
const held = heldIndex(articles, values.day);
const [pairs, groups, links] = [new Map<string, StoredPairs>(), new Map<string, StoredGroups>(), new Map<string, StoredFollowUps>()];
const store: RowStore = {
  get: (k) => structuredClone(pairs.get(k)),
  put: (k, v) => void pairs.set(k, structuredClone(v)),
  groups: { get: (k) => structuredClone(groups.get(k)), put: (k, v) => void groups.set(k, structuredClone(v)) },
  followUps: { get: (k) => structuredClone(links.get(k)), put: (k, v) => void links.set(k, structuredClone(v)) },
};
const stats = { reused: 0, linked: 0 };
const run = (batch: DatedArticle[]) => clusterArticles(batch.map((a) => ({ ...a })), { ...defaultClusterOptions, rows: store, followUpIdf: mode, followUpStats: stats });
const before = run(articles.filter((_, i) => i !== held));
const was = structuredClone([...links.values()][0]!);
[stats.reused, stats.linked] = [0, 0];
const after = run(articles);
const now = [...links.values()][0]!;

// The stored records list the dated stories by day, then by their index among the clusters (follow-up-reuse.ts).
const storyDay = (c: StoryCluster) => Math.min(...c.members.map((m) => dayOrNull(spanOf(m.evidence).first) ?? Infinity));
const inStoredOrder = (cs: StoryCluster[], stored: StoredFollowUps) => {
  const order = cs.map((c, s) => ({ c, s, day: storyDay(c) })).filter((x) => Number.isFinite(x.day)).sort((x, y) => x.day - y.day || x.s - y.s);
  if (order.length !== stored.days.length || order.some((x, k) => x.day !== stored.days[k])) throw new Error("the stored follow-up records are not in the stories' order");
  return order.map((x) => x.c.members.map((m) => m.path));
};
const [wasMembers, nowMembers] = [inStoredOrder(before, was), inStoredOrder(after, now)];

// Every version's keys in the full batch's profiles (ids are ranks: one vocabulary for both).
const days = articles.map((a) => dayOrNull(spanOf(a.evidence).first));
const profiles = buildProfiles(articles, defaultClusterOptions.keyTerms, false, undefined, { days, windowDays: defaultClusterOptions.windowDays, minDocuments: 100, followUps: mode });
const index = new Map(articles.map((a, i) => [a.path, i]));
const sums = new Sums();
const keysOf = (paths: string[]): Set<number> => {
  const c = centroid(paths.map((p) => index.get(p)!).sort((x, y) => x - y), profiles, sums, (p) => followUpVectors(p).words);
  const at = Array.from({ length: c.to - c.from }, (_, k) => c.from + k).sort((x, y) => c.weights[y]! - c.weights[x]! || c.ids[x]! - c.ids[y]!);
  return new Set(at.slice(0, defaultClusterOptions.keyTerms).map((k) => c.ids[k]!));
};
const wasSet = new Set(was.prints);
const nowSet = new Set(now.prints);
const moved: Array<{ day: number; keys: Set<number> }> = [];
now.prints.forEach((p, k) => void (wasSet.has(p) || moved.push({ day: now.days[k]!, keys: keysOf(nowMembers[k]!) })));
was.prints.forEach((p, k) => void (nowSet.has(p) || moved.push({ day: was.days[k]!, keys: keysOf(wasMembers[k]!) })));
const { windowDays, followUpDays } = defaultClusterOptions;
let [byDay, byKey, changed] = [0, 0, 0];
const tally = new Map<number, number>();
now.prints.forEach((p, k) => {
  const day = now.days[k]!;
  if (!wasSet.has(p)) {
    changed++;
    return;
  }
  const reach = moved.filter((m) => m.day >= day - followUpDays && m.day < day - windowDays);
  if (reach.length === 0) return;
  byDay++;
  const keys = keysOf(nowMembers[k]!);
  if (reach.some((m) => [...m.keys].some((id) => keys.has(id)))) {
    byKey++;
    tally.set(day, (tally.get(day) ?? 0) + 1);
  }
});
console.log(`${articles.length} articles, held back ${articles[held]!.path} (${dateOf(articles[held]!)}); follow-up IDF ${mode}; ${now.prints.length} dated stories`);
console.log(`stories new or changed ${changed} (gone ${was.prints.filter((p) => !nowSet.has(p)).length}); the build linked again ${stats.linked}, took ${stats.reused}`);
console.log(`day rule: ${changed + byDay} linked again (${changed} changed + ${byDay} in a changed day's reach); key rule: ${changed + byKey} (${changed} + ${byKey} sharing a key with a changed story in reach; by day ${[...tally].sort((a, b) => a[0] - b[0]).map(([d, c]) => `${d}:${c}`).join(" ")})`);
