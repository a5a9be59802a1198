// Single-stage throughput on one core, in this process's CPU time (median of 3 passes after a warm-up):
// cleaning page text dumps, cleaning HTML pages, summarising clean BBC articles. From ../shared/corpus.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { summarise } from "../src/summarise/index.ts";
import type { SourceFile } from "../src/types.ts";
import { devSource, savedHtmlPages } from "../eval/lib/dev-source.ts";
import { cleanAll, cpuRate } from "../eval/lib/clean-speed.ts";

export interface StageRates {
  cleanTextPagesPerSecond: number;
  cleanHtmlPagesPerSecond: number;
  summariseArticlesPerSecond: number;
  counts: { textDumps: number; htmlPages: number; articles: number };
}

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);

export function stageRates(corpus: string): StageRates {
  const dumps = ["webpages-dev.jsonl", "extraction-dev.jsonl", "dates-dev.jsonl"].flatMap((f) => jsonl<{ text_dump?: string }>(join(corpus, f)).map((r) => r.text_dump).filter((t): t is string => !!t));
  const texts: SourceFile[] = dumps.map((text, i) => devSource(`t${i}.txt`, "text", text));
  const pages = savedHtmlPages(corpus).map((p) => devSource(`${p.dir}-${p.index}.html`, "html", p.text));
  const bbc = jsonl<{ title: string; text: string }>(join(corpus, "bbc-dev.jsonl"));
  return {
    cleanTextPagesPerSecond: cpuRate(texts.length, () => cleanAll(texts)),
    cleanHtmlPagesPerSecond: cpuRate(pages.length, () => cleanAll(pages)),
    summariseArticlesPerSecond: cpuRate(bbc.length, () => {
      for (const a of bbc) summarise([{ title: a.title, text: a.text }], { sentences: 3 });
    }),
    counts: { textDumps: texts.length, htmlPages: pages.length, articles: bbc.length },
  };
}
