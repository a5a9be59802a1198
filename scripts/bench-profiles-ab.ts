// npx tsx scripts/bench-profiles-ab.ts DIR BASE [--rounds N]: buildProfiles of this checkout against BASE's
// (another checkout's src/cluster/profile.ts), alternating A B / B A in one warm process, over the cleaned and
// dated articles of DIR.steps.v8 (scripts/bench-cluster-steps.ts), as clustering calls it (by day, IDF windows,
// terms keys and prints). Prints each round's CPU ms, the medians, in how many rounds this one was cheaper,
// and whether both give the same vectors, keys and prints. Never part of the tests.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { buildProfiles, type Profile } from "../src/cluster/profile.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { dayOrder } from "../src/cluster/candidates.ts";
import { spanOf } from "../src/cluster/time.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "10" } } });
const dir = resolve(positionals[0] ?? "");
const base = resolve(positionals[1] ?? "");
const other = (await import(`${base}/src/cluster/profile.ts`)) as { buildProfiles: typeof buildProfiles };
const articles = (deserialize(readFileSync(`${dir}.steps.v8`)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
const days = articles.map((a) => dayOrNull(spanOf(a.evidence).first));
const byDay = dayOrder(days);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const run = (build: typeof buildProfiles) => {
  const termKeys = new Array<string>(articles.length);
  const prints = new Array<string>(articles.length);
  const t = cpu();
  const profiles = build(articles, 30, false, byDay, { days, windowDays: 2, minDocuments: 100 }, { termKeys, prints });
  return { ms: cpu() - t, profiles, termKeys, prints };
};
const dump = (r: { profiles: Profile[]; termKeys: string[]; prints: string[] }) =>
  JSON.stringify([r.termKeys, r.prints, r.profiles.map((p) => [p.keys.ids.slice(p.keys.from, p.keys.to), p.words.ids.slice(p.words.from, p.words.to), p.actors.ids.slice(p.actors.from, p.actors.to)].map((x) => Array.from(x)))]);
const mine: number[] = [];
const theirs: number[] = [];
let same = true;
for (let r = 0; r < Number(values.rounds); r++) {
  const order = r % 2 === 0 ? [other.buildProfiles, buildProfiles] : [buildProfiles, other.buildProfiles];
  const out = order.map((b) => run(b));
  const [b, m] = r % 2 === 0 ? out : [out[1]!, out[0]!];
  theirs.push(b!.ms);
  mine.push(m!.ms);
  if (r === 0) same = dump(b!) === dump(m!);
  console.log(`round ${r + 1}: base ${b!.ms.toFixed(0)} ms, this ${m!.ms.toFixed(0)} ms`);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(`medians: base ${median(theirs).toFixed(0)} ms, this ${median(mine).toFixed(0)} ms; this cheaper in ${mine.filter((m, k) => m < theirs[k]!).length} of ${mine.length}; ${same ? "same vectors, keys and prints" : "OUTPUTS DIFFER"}`);
