// The bundle-count trade, the build's side (docs/scaling.md, stops 57 and 58): one articles folder built
// with the bundle policy's count and with other counts (DIGEST_TEST_BUNDLES), then, in turns, one new
// article added and taken away again: each such build rebuilds the bundle or two the article falls in, and
// Pagefind's CPU for it (the build's --timings, read from /proc) is what a bundle's size costs a one-new
// build. The reader's side is scripts/bench-search-requests.ts over the sites this leaves.
//   npx tsx scripts/bench-search-bundles.ts --articles DIR --extra FILE --work DIR [--counts policy,34] [--rounds 4] [--root TREE]
// Each count's site is left in WORK/<count>/site.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    articles: { type: "string" },
    extra: { type: "string" },
    work: { type: "string" },
    counts: { type: "string", default: "policy,34" },
    rounds: { type: "string", default: "4" },
    root: { type: "string", default: resolve(import.meta.dirname, "..") },
  },
});
if (!values.articles || !values.extra || !values.work) throw new Error("usage: bench-search-bundles.ts --articles DIR --extra FILE --work DIR [--counts policy,34] [--rounds N] [--root TREE]");
const counts = values.counts!.split(",");
const rounds = Number(values.rounds);

interface Figures {
  wallMs: number;
  siteCpuMs: number;
  pagefindCpuMs: number;
  bundles: number;
  rebuilt: number;
}

function build(count: string): Figures {
  const dir = join(values.work!, count);
  const timings = join(dir, "timings.json");
  const env = { ...process.env };
  delete env.DIGEST_TEST_BUNDLES;
  if (count !== "policy") env.DIGEST_TEST_BUNDLES = count;
  const started = performance.now();
  execFileSync(process.execPath, [join(values.root!, "bin/digest.js"), "build", "--input", join(dir, "articles"), "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--cache", join(dir, "cache"), "--quiet", "--timings", timings], { env, stdio: ["ignore", "ignore", "ignore"] });
  const wallMs = performance.now() - started;
  const t = JSON.parse(readFileSync(timings, "utf8")) as { stageCpuMs: Record<string, number>; site: { searchCpuMs: number | null; bundles: number; rebuilt: number } | null };
  return { wallMs, siteCpuMs: t.stageCpuMs.site ?? NaN, pagefindCpuMs: t.site?.searchCpuMs ?? NaN, bundles: t.site?.bundles ?? 0, rebuilt: t.site?.rebuilt ?? 0 };
}

const show = (f: Figures) => `${f.rebuilt} of ${f.bundles} bundles rebuilt, Pagefind ${f.pagefindCpuMs} ms CPU, site stage ${f.siteCpuMs.toFixed(0)} ms CPU, build ${(f.wallMs / 1000).toFixed(2)} s wall`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

for (const count of counts) {
  const dir = join(values.work!, count);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(values.articles!, join(dir, "articles"), { recursive: true });
  console.log(`${count}: cold: ${show(build(count))}`);
  console.log(`${count}: unchanged: ${show(build(count))}`);
}
const seen = new Map<string, Figures[]>(counts.map((c) => [c, []]));
for (let round = 0; round < rounds; round++) {
  // Added, then taken away: both rebuild what the one article touches. The counts take turns first.
  for (const step of ["added", "removed"]) {
    for (let k = 0; k < counts.length; k++) {
      const count = counts[(k + round) % counts.length]!;
      const target = join(values.work!, count, "articles", basename(values.extra!));
      if (step === "added") cpSync(values.extra!, target);
      else if (existsSync(target)) rmSync(target);
      const f = build(count);
      seen.get(count)!.push(f);
      console.log(`round ${round + 1}, ${count}, article ${step}: ${show(f)}`);
    }
  }
}
for (const count of counts) {
  const all = seen.get(count)!;
  console.log(`${count}: medians of ${all.length}: Pagefind ${median(all.map((f) => f.pagefindCpuMs))} ms CPU, site stage ${median(all.map((f) => f.siteCpuMs)).toFixed(0)} ms CPU, rebuilt ${median(all.map((f) => f.rebuilt))} of ${all[0]?.bundles} bundles`);
}
