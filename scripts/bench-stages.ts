// Single-stage throughput on this thread (one core): cleaning page text dumps, cleaning HTML pages,
// summarising clean BBC articles. In-process, from ../shared/corpus.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { summarise } from "../src/summarise/index.ts";
import type { SourceFile } from "../src/types.ts";
import { devSource } from "../eval/lib/dev-source.ts";

export interface StageRates {
  cleanTextPagesPerSecond: number;
  cleanHtmlPagesPerSecond: number;
  summariseArticlesPerSecond: number;
  counts: { textDumps: number; htmlPages: number; articles: number };
}

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);

/** Items per second of `fn` over `items`, after one warm-up pass, over at least `minSeconds`. */
function rate<T>(items: T[], fn: (item: T) => void, minSeconds = 2): number {
  for (const item of items) fn(item);
  let done = 0;
  const start = performance.now();
  while ((performance.now() - start) / 1000 < minSeconds) {
    for (const item of items) fn(item);
    done += items.length;
  }
  return done / ((performance.now() - start) / 1000);
}

export function stageRates(corpus: string): StageRates {
  const dumps = ["webpages-dev.jsonl", "extraction-dev.jsonl", "dates-dev.jsonl"].flatMap((f) => jsonl<{ text_dump?: string }>(join(corpus, f)).map((r) => r.text_dump).filter((t): t is string => !!t));
  const texts: SourceFile[] = dumps.map((text, i) => devSource(`t${i}.txt`, "text", text));
  const pages: SourceFile[] = ["extraction-html", "webpages-html", "dates-html"].flatMap((dir) =>
    readdirSync(join(corpus, dir))
      .filter((n) => n.endsWith(".html.gz"))
      .sort()
      .map((n, i): SourceFile => devSource(`${dir}-${i}.html`, "html", gunzipSync(readFileSync(join(corpus, dir, n))).toString("utf8"))),
  );
  const bbc = jsonl<{ title: string; text: string }>(join(corpus, "bbc-dev.jsonl"));
  const clean = (file: SourceFile) => {
    try {
      cleanSource(file);
    } catch {
      // a rejected page counts too: the work was done
    }
  };
  return {
    cleanTextPagesPerSecond: rate(texts, clean),
    cleanHtmlPagesPerSecond: rate(pages, clean),
    summariseArticlesPerSecond: rate(bbc, (a) => summarise([{ title: a.title, text: a.text }], { sentences: 3 })),
    counts: { textDumps: texts.length, htmlPages: pages.length, articles: bbc.length },
  };
}
