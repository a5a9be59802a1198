// npx tsx scripts/bench-follow-up-narrowing.ts DIR [--runs N] [--day YYYY-MM-DD]: the follow-up step's
// link search (src/cluster/followups.ts linkFollowUps) after one new article, with the last build's links
// narrowing the stories linked again (follow-up-reuse.ts narrowLinks) and without (every candidate of a
// story linked again weighed), alternating in one warm process on the articles of DIR.steps.v8
// (scripts/bench-cluster-steps.ts). The article held back is the last of --day (path order). Prints the
// median CPU ms of each over N alternations and whether both give the links a cold linking gives.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { clusterArticles, defaultClusterOptions, type RowStore, type StoredFollowUps } from "../src/cluster/index.ts";
import { buildProfiles } from "../src/cluster/profile.ts";
import { spanOf } from "../src/cluster/time.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { dayOrder } from "../src/cluster/candidates.ts";
import { pairPrint } from "../src/cluster/rows.ts";
import { knownLinks, narrowLinks, nothingKnown, storyPrint, UNKNOWN } from "../src/cluster/follow-up-reuse.ts";
import { linkFollowUps } from "../src/cluster/followups.ts";
import { joinSpans, type TimeSpan } from "../src/cluster/time.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "7" }, day: { type: "string", default: "2025-03-22" } } });
const file = `${resolve(positionals[0] ?? "")}.steps.v8`;
if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/bench-cluster-steps.ts first`);
const articles = (deserialize(readFileSync(file)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
let held = articles.length - 1;
while (held >= 0 && (articles[held]!.evidence.date ?? articles[held]!.evidence.pageDate) !== values.day) held--;
if (held < 0) throw new Error(`no article of ${values.day}`);
const options = defaultClusterOptions;
const links = new Map<string, StoredFollowUps>();
const store: RowStore = { get: () => undefined, put: () => {}, followUps: { get: (k) => links.get(k), put: (k, v) => void links.set(k, v) } };
clusterArticles(articles.filter((_, i) => i !== held).map((a) => ({ ...a })), { ...options, rows: store });
const stored = [...links.values()][0]!;
const clusters = clusterArticles(articles.map((a) => ({ ...a })), options);

// What clusterArticles hands the follow-up step: profiles, stories as indices in path order, their spans and prints.
const spans = articles.map((a) => spanOf(a.evidence));
const days = spans.map((s) => dayOrNull(s.first)!);
const termKeys = new Array<string>(articles.length);
const prints = new Array<string>(articles.length);
const profiles = buildProfiles(articles.map((a) => ({ ...a })), options.keyTerms, false, dayOrder(days), { days, windowDays: options.windowDays, minDocuments: 100 }, { termKeys, prints });
const index = new Map(articles.map((a, i) => [a.path, i]));
const groups = clusters.map((c) => c.members.map((m) => index.get(m.path)!).sort((x, y) => x - y));
const storySpans = groups.map((g) => g.map((i) => spans[i]!).reduce((x: TimeSpan, y) => joinSpans(x, y)));
const pairPrints = articles.map((_, i) => pairPrint(termKeys[i]!, days[i]!, prints[i]!));
const storyDays = storySpans.map((s) => dayOrNull(s.first));
const storyPrints = groups.map((g, s) => storyPrint(storyDays[s]!, g, articles.map((a) => a.path), pairPrints));
const known = knownLinks(stored, storyPrints, storyDays, options.windowDays, options.followUpDays);
if (!known) throw new Error("stored links not sound");

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = JSON.stringify([...linkFollowUps(groups, storySpans, profiles, options)]);
const times = { narrowed: [] as number[], all: [] as number[] };
let same = true;
let narrowedCount = 0;
for (let r = 0; r < Number(values.runs); r++) {
  for (const kind of r % 2 ? (["all", "narrowed"] as const) : (["narrowed", "all"] as const)) {
    const narrowing = kind === "narrowed" ? narrowLinks(stored, storyPrints, storyDays) : nothingKnown(groups.length).narrowing;
    const reuse = { known, narrowing, capped: new Float64Array(groups.length), narrowed: 0 };
    const start = cpuMs();
    const got = linkFollowUps(groups, storySpans, profiles, options, reuse);
    times[kind].push(cpuMs() - start);
    same &&= JSON.stringify([...got]) === cold;
    if (kind === "narrowed") narrowedCount = reuse.narrowed;
  }
}
const linked = [...known].filter((k, s) => k === UNKNOWN && storyDays[s] !== null).length;
console.log(`${groups.length} stories, ${linked} linked again, ${narrowedCount} of them narrowed`);
for (const kind of ["all", "narrowed"] as const) console.log(`  ${kind.padEnd(9)} ${median(times[kind]).toFixed(1)} ms CPU  [${times[kind].map((x) => x.toFixed(0)).join(" ")}]`);
console.log(same ? "both == cold linking" : "DIFFERS from cold linking");
