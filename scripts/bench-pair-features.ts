// npx tsx scripts/bench-pair-features.ts --steps FILE --roots A,B [--rounds 8]: the pair features of every
// candidate of the articles bench-cluster-steps.ts keeps in FILE (its DIR.steps.v8), worked out by two
// checkouts' compiled PairScorer in one process, alternated round by round (A B, B A, …): CPU ms per round,
// the medians, and in how many rounds B's is lower. The profiles and candidates are B's, made once. Checks
// that both give the same features to the last bit, and that both checkouts' clusterings hand the follow-up
// model the same pairs with the same features (its trainer's hook). Never part of the tests.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import type * as Cluster from "../src/cluster/index.ts";
import type * as Candidates from "../src/cluster/candidates.ts";
import type * as Days from "../src/cluster/days.ts";
import type { FollowUpOptions } from "../src/cluster/followups.ts";
import type * as Similarity from "../src/cluster/similarity.ts";
import type { DatedArticle } from "../src/types.ts";

const { values } = parseArgs({ options: { steps: { type: "string" }, roots: { type: "string" }, rounds: { type: "string", default: "8" } } });
if (!values.steps || !values.roots) throw new Error("--steps FILE and --roots A,B are needed");
const roots = values.roots.split(",").map((r) => resolve(r));
if (roots.length !== 2) throw new Error("--roots takes two checkouts");
const load = async <T>(root: string, path: string) => (await import(pathToFileURL(join(root, "dist/src/cluster", path)).href)) as T;
const [a, b] = roots as [string, string];
const { scoredCandidates, defaultClusterOptions } = await load<typeof Cluster>(b, "index.js");
const { candidatePairs } = await load<typeof Candidates>(b, "candidates.js");
const { dayOrNull } = await load<typeof Days>(b, "days.js");
const scorers = [await load<typeof Similarity>(a, "similarity.js"), await load<typeof Similarity>(b, "similarity.js")];
const articles = deserialize(readFileSync(resolve(values.steps))) as DatedArticle[];

const s = scoredCandidates(articles, defaultClusterOptions);
const pairs = candidatePairs(s.profiles, s.spans.map((span) => dayOrNull(span.first)), defaultClusterOptions);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const out = new Float64Array(scorers[1]!.PAIR_FEATURES.length);
const run = (sim: typeof Similarity, hash?: ReturnType<typeof createHash>) => {
  const scorer = new sim.PairScorer();
  const start = cpu();
  for (let k = 0; k < pairs.length; k++) if (scorer.features(s.profiles[pairs.a[k]!]!, s.profiles[pairs.b[k]!]!, out)) hash?.update(new Uint8Array(out.buffer));
  return cpu() - start;
};
const hashes = scorers.map((sim) => {
  const h = createHash("sha256");
  run(sim, h);
  return h.digest("hex");
});
console.log(`${pairs.length} candidate pairs; features ${hashes[0] === hashes[1] ? "the same" : "DIFFER"} (${hashes[1]!.slice(0, 16)})`);

const rounds = Number(values.rounds);
const ms: number[][] = [[], []];
for (let r = 0; r < rounds; r++) for (const i of r % 2 ? [0, 1] : [1, 0]) ms[i]!.push(Math.round(run(scorers[i]!)));
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
const lower = ms[1]!.filter((x, r) => x < ms[0]![r]!).length;
roots.forEach((root, i) => console.log(`${root}: ${ms[i]!.join(" ")} ms, median ${median(ms[i]!)}`));
console.log(`${b} lower in ${lower} of ${rounds} rounds`);

// The follow-up model's inputs, pair by pair, through each checkout's whole clustering.
const followUps = await Promise.all(
  roots.map(async (root) => {
    const cluster = await load<typeof Cluster>(root, "index.js");
    const h = createHash("sha256");
    let n = 0;
    const options: Cluster.ClusterOptions & FollowUpOptions = {
      ...cluster.defaultClusterOptions,
      onFollowUpPair: (later, earlier, features) => {
        n++;
        h.update(`${later} ${earlier} `);
        h.update(new Uint8Array(features.buffer, features.byteOffset, features.byteLength));
      },
    };
    cluster.clusterArticles(articles, options);
    return `${n} pairs ${h.digest("hex").slice(0, 16)}`;
  }),
);
console.log(`follow-up pairs weighed: ${followUps[0] === followUps[1] ? `the same (${followUps[1]})` : `DIFFER (${followUps.join(" / ")})`}`);
