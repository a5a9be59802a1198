// Single-stage throughput on one core (`npx tsx scripts/bench-stages.ts` prints them alone): cleaning page text dumps, cleaning HTML pages, summarising clean
// BBC articles, from ../shared/corpus, every page of each set, always the same pages in the same order.
//
// What the rate is: items / CPU seconds of the thread that does the work (the process's CPU time,
// helper threads included, is printed beside it), for one pass over the set, in the
// compiled code `digest` runs (dist/, which bench.ts compiles first; the TypeScript sources under tsx
// read every imported name through a getter and run slower). One warm-up pass first (a build cleans
// thousands of pages in one process: the compiler's start is spread over them), then PASSES passes,
// the stages taking turns so that each meets the same machine; the figure is the median pass, printed
// beside the slowest and fastest.
//
// Why so many passes: on the shared machine one pass of the same code over the same pages took from
// 1x to 1.6x the CPU time of another, from the load of other processes (the cores are shared below
// this machine too, which CPU time cannot see); the median of three moved more than 1.5x between
// runs. The process's CPU time moved more still: the collector's and compiler's helper threads took
// from 0.1 s to 1.5 s beside an HTML pass of 2.3-3.9 s, run to run, while they work beside the
// cleaning thread on the other core. Nothing is left out of the thread's time: a collection it waits
// for, or a busy neighbour, counts in the spread.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { SourceFile } from "../src/types.ts";
import { devSource, savedHtmlPages } from "../eval/lib/dev-source.ts";
import { median } from "./bench-run.ts";

export const PASSES = 7;

/** One stage's rate: the median pass, and the slowest and fastest passes, in items per CPU second. */
export interface StageRate {
  rate: number;
  slowest: number;
  fastest: number;
}

export interface StageRates {
  cleanTextPagesPerSecond: number;
  cleanHtmlPagesPerSecond: number;
  summariseArticlesPerSecond: number;
  /** What the rates count: the measuring thread's CPU time (Linux), else the whole process's. */
  clock: "thread" | "process";
  /** The same medians per CPU second of the whole process, helper threads included. */
  process: { cleanText: number; cleanHtml: number; summarise: number };
  spread: { cleanText: StageRate; cleanHtml: StageRate; summarise: StageRate };
  passes: number;
  counts: { textDumps: number; htmlPages: number; articles: number };
}

type CleanModule = typeof import("../src/clean/index.ts");
type SummariseModule = typeof import("../src/summarise/index.ts");

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const root = resolve(import.meta.dirname, "..");
const compiled = <T>(dist: string, module: string): Promise<T> => import(pathToFileURL(join(dist, module)).href) as Promise<T>;

/**
 * `textOnly`: the text dumps' pass alone (the other rates read 0), for paired A/B runs of text cleaning
 * that fit more pairs in the time (`TEXT_ONLY=1` on the command line).
 */
export async function stageRates(corpus: string, passes = PASSES, dist = join(root, "dist"), textOnly = false): Promise<StageRates> {
  const { cleanSource } = await compiled<CleanModule>(dist, "src/clean/index.js");
  const { summarise } = await compiled<SummariseModule>(dist, "src/summarise/index.js");
  const dumps = ["webpages-dev.jsonl", "extraction-dev.jsonl", "dates-dev.jsonl"].flatMap((f) => jsonl<{ text_dump?: string }>(join(corpus, f)).map((r) => r.text_dump).filter((t): t is string => !!t));
  const texts: SourceFile[] = dumps.map((text, i) => devSource(`t${i}.txt`, "text", text));
  const pages = savedHtmlPages(corpus).map((p) => devSource(`${p.dir}-${p.index}.html`, "html", p.text));
  const bbc = jsonl<{ title: string; text: string }>(join(corpus, "bbc-dev.jsonl"));
  const cleanAll = (files: readonly SourceFile[]) => () => {
    for (const f of files) {
      try {
        cleanSource(f);
      } catch {
        // refused: its time counts all the same
      }
    }
  };
  const stages = [
    { count: texts.length, run: cleanAll(texts) },
    { count: pages.length, run: cleanAll(pages) },
    {
      count: bbc.length,
      run: () => {
        for (const a of bbc) summarise([{ title: a.title, text: a.text }], { sentences: 3 });
      },
    },
  ];
  if (textOnly) for (const s of stages.slice(1)) (s.count = 0, (s.run = () => {}));
  for (const s of stages) s.run();
  const us: number[][] = stages.map(() => []);
  const processUs: number[][] = stages.map(() => []);
  const clock = threadMicroseconds() === null ? "process" : "thread";
  for (let k = 0; k < passes; k++) {
    stages.forEach((s, i) => {
      const t0 = threadMicroseconds();
      const c0 = process.cpuUsage();
      s.run();
      const c = process.cpuUsage(c0);
      const t = threadMicroseconds();
      processUs[i]!.push(c.user + c.system);
      us[i]!.push(t !== null && t0 !== null ? t - t0 : c.user + c.system);
    });
  }
  const [text, html, summary] = stages.map((s, i) => rateOf(s.count, us[i]!));
  const [pText, pHtml, pSummary] = stages.map((s, i) => rateOf(s.count, processUs[i]!).rate);
  return {
    cleanTextPagesPerSecond: text!.rate,
    cleanHtmlPagesPerSecond: html!.rate,
    summariseArticlesPerSecond: summary!.rate,
    clock,
    process: { cleanText: pText!, cleanHtml: pHtml!, summarise: pSummary! },
    spread: { cleanText: text!, cleanHtml: html!, summarise: summary! },
    passes,
    counts: { textDumps: texts.length, htmlPages: pages.length, articles: bbc.length },
  };
}

/**
 * CPU time of this thread (the one that cleans), from Linux's count for it in clock ticks (10 ms: a
 * pass takes a second or more); null elsewhere. Node 20 has no call for it.
 */
function threadMicroseconds(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** Items per CPU second of the median pass, the slowest and the fastest. */
export function rateOf(count: number, microseconds: readonly number[]): StageRate {
  const per = (u: number) => count / (u / 1e6);
  return { rate: per(median([...microseconds])), slowest: per(Math.max(...microseconds)), fastest: per(Math.min(...microseconds)) };
}

// `npx tsx scripts/bench-stages.ts [DIST]` (after `npm run compile`): these rates alone, as the bench
// prints them; of another compiled copy with DIST (a copy of dist/ kept from another commit, for A/B).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { loadavg } = await import("node:os");
  const r = await stageRates(join(root, "../shared/corpus"), PASSES, resolve(process.argv[2] ?? join(root, "dist")), process.env.TEXT_ONLY === "1");
  const line = (what: string, x: StageRate) => console.log(`${what}: ${x.rate.toFixed(0)}/s (passes ${x.slowest.toFixed(0)}-${x.fastest.toFixed(0)})`);
  line(`clean, ${r.counts.textDumps} text dumps`, r.spread.cleanText);
  if (process.env.TEXT_ONLY !== "1") {
    line(`clean, ${r.counts.htmlPages} HTML pages`, r.spread.cleanHtml);
    line(`summarise, ${r.counts.articles} articles`, r.spread.summarise);
  }
  console.log(`median of ${r.passes} passes after a warm-up, CPU time of the ${r.clock === "thread" ? "cleaning thread" : "process"}; per CPU second of the whole process: text ${r.process.cleanText.toFixed(0)}/s, HTML ${r.process.cleanHtml.toFixed(0)}/s; load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}
