// npx tsx scripts/bench-cluster-terms.ts DIR [--rounds N]: the profiles step (buildProfiles) with and without
// the carried terms (src/cluster/carried-terms.ts, src/cache/cluster-terms.ts), in one process, on the cleaned
// and dated articles scripts/bench-cluster-steps.ts kept as DIR.steps.v8, with a weight store that keeps nothing
// (every day weighed). Per round, alternating: no terms store
// (as before the carried terms), a cold build's (no file: every record read, the file written), and one new
// article's (the file of all but the last article: its runs read back, one record read, its entries added).
// Prints the CPU ms of each, and whether the profiles' ids and weights are the same. Never part of the tests.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { buildProfiles, type Profile } from "../src/cluster/profile.ts";
import { dayOrder } from "../src/cluster/candidates.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { spanOf } from "../src/cluster/time.ts";
import { diskTerms, ENTRIES_FILE, TERMS_FILE } from "../src/cache/cluster-terms.ts";
import type { WeightStore } from "../src/cluster/index.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "3" } } });
const all = (deserialize(readFileSync(`${resolve(positionals[0] ?? "")}.steps.v8`)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
const dir = mkdtempSync(join(tmpdir(), "bench-terms-"));
const warnings: string[] = [];
// A weight store that keeps nothing (every day weighed, as in a cold build), with or without the carried terms.
const weightsOnly = (): WeightStore => ({ get: () => undefined, put: () => {}, prune: () => {} });
const store = (): WeightStore => ({ ...weightsOnly(), terms: diskTerms(dir, "bench", (w) => warnings.push(w)) });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function profiles(articles: DatedArticle[], weights: WeightStore): { ms: number; out: Profile[] } {
  const days = articles.map((a) => dayOrNull(spanOf(a.evidence).first));
  const termKeys = new Array<string>(articles.length);
  const prints = new Array<string>(articles.length);
  const start = cpu();
  const out = buildProfiles(articles, 30, false, dayOrder(days), { days, windowDays: 2, minDocuments: 100 }, { termKeys, prints, weights });
  return { ms: cpu() - start, out };
}

const sig = (ps: Profile[]) => JSON.stringify(ps.map((p) => [Array.from(p.words.ids.subarray(p.words.from, p.words.to)), Array.from(p.words.weights.subarray(p.words.from, p.words.to)), Array.from(p.keys.ids.subarray(p.keys.from, p.keys.to)), Array.from(p.names.ids.subarray(p.names.from, p.names.to))]));
const rows: string[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const none = profiles(all, weightsOnly());
  const fresh = () => [TERMS_FILE, ENTRIES_FILE].forEach((f) => rmSync(join(dir, f), { force: true }));
  fresh();
  const cold = profiles(all, store());
  // The file of all but the last article written whole, then the last one added to it.
  fresh();
  profiles(all.slice(0, -1), store());
  const oneNew = profiles(all, store());
  const same = sig(none.out) === sig(cold.out) && sig(cold.out) === sig(oneNew.out);
  rows.push(`round ${r + 1}: no store ${none.ms.toFixed(0)} ms, cold ${cold.ms.toFixed(0)} ms, one new ${oneNew.ms.toFixed(0)} ms; profiles the same: ${same}`);
  console.log(rows[rows.length - 1]);
}
if (warnings.length) console.log(warnings.join("\n"));
rmSync(dir, { recursive: true, force: true });
