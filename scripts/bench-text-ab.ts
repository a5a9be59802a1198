// Text-dump cleaning of two compiled copies in ONE process, their passes interleaved (A B, then B A, ...):
// `npx tsx scripts/bench-text-ab.ts DIST_A DIST_B [ROUNDS] [--html]`. Separate runs of bench-stages.ts (one copy a
// process) met a load that moved between them: at load 15-26 one copy's median moved 613-853 pages/s run
// to run, more than a 5% change. Here both copies meet the same minutes; each pair's ratio of the cleaning
// thread's CPU time cancels most of the drift. Prints each copy's median rate, in how many pairs B was
// faster, the median of the pairs' CPU ratios A/B and the ratio of the summed CPU times. With `--html`
// (after the rounds), the dev HTML pages instead of the text dumps (stop 66).
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import type { SourceFile } from "../src/types.ts";
import { devSource, savedHtmlPages } from "../eval/lib/dev-source.ts";
import { median } from "./bench-run.ts";

type CleanModule = typeof import("../src/clean/index.ts");

const root = resolve(import.meta.dirname, "..");
const corpus = join(root, "../shared/corpus");
const [distA, distB] = [process.argv[2], process.argv[3]].map((d) => {
  if (!d) throw new Error("usage: bench-text-ab.ts DIST_A DIST_B [ROUNDS]");
  return resolve(d);
});
const rounds = Number(process.argv.slice(4).find((a) => !a.startsWith("--")) ?? 12);
const load = async (dist: string) => ((await import(pathToFileURL(join(dist, "src/clean/index.js")).href)) as CleanModule).cleanSource;
const cleanA = await load(distA!);
const cleanB = await load(distB!);
const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const dumps = ["webpages-dev.jsonl", "extraction-dev.jsonl", "dates-dev.jsonl"].flatMap((f) => jsonl<{ text_dump?: string }>(join(corpus, f)).map((r) => r.text_dump).filter((t): t is string => !!t));
const html = process.argv.includes("--html");
const texts: SourceFile[] = html ? savedHtmlPages(corpus).map((p) => devSource(`${p.dir}-${p.index}.html`, "html", p.text)) : dumps.map((text, i) => devSource(`t${i}.txt`, "text", text));

/** CPU time of this thread in microseconds (Linux, 10 ms ticks), else the process's. */
function cpu(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    const c = process.cpuUsage();
    return c.user + c.system;
  }
}

function pass(clean: CleanModule["cleanSource"]): number {
  const t0 = cpu();
  for (const f of texts) {
    try {
      clean(f);
    } catch {
      // refused: its time counts all the same
    }
  }
  return cpu() - t0;
}

// Two warm-up passes each.
for (let k = 0; k < 2; k++) (pass(cleanA), pass(cleanB));
const a: number[] = [], b: number[] = [];
for (let k = 0; k < rounds; k++) {
  if (k % 2 === 0) (a.push(pass(cleanA)), b.push(pass(cleanB)));
  else (b.push(pass(cleanB)), a.push(pass(cleanA)));
}
const rate = (us: number) => (texts.length / (us / 1e6)).toFixed(0);
const ratios = a.map((x, i) => x / b[i]!);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
console.log(
  `${texts.length} ${html ? "HTML pages" : "text dumps"}, ${rounds} pairs: A ${rate(median([...a]))}/s, B ${rate(median([...b]))}/s; B faster in ${ratios.filter((r) => r > 1).length}; ` +
    `CPU A/B median ${median([...ratios]).toFixed(3)}, summed ${(sum(a) / sum(b)).toFixed(3)}; load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`,
);
