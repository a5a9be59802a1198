// `npx tsx train/try-text-figures.ts`: the text path's body figures alone (extraction-dev 4-gram F1,
// webpages-dev snippet F1), both halves, with and without URLs, in seconds rather than eval:clean's
// minutes (no HTML path, no readability.js): the same numbers as eval:clean's "digest, text dump" rows.
// OUT=file.json writes each page's F1, to list the pages two runs disagree on.
import { writeFileSync } from "node:fs";
import { cleanSource } from "../src/clean/index.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus, snippetPageF1 } from "../eval/lib/extraction-score.ts";
import { HALVES } from "../eval/lib/split.ts";

const extraction = loadExtraction();
const webpages = loadWebpages();
const perPage: Record<string, number> = {};

function body(page: DevPage, withUrl: boolean): string {
  try {
    return cleanSource(devSource(page.id, "text", page.text, withUrl ? page.url : null)).paragraphs.join("\n\n");
  } catch {
    return "";
  }
}

for (const withUrl of [true, false]) {
  const cells = HALVES.map((half) => {
    const ext = extraction.filter((p) => p.half === half).map((p) => {
      const s = scorePage(body(p, withUrl), p.truth!);
      perPage[`${withUrl ? "url" : "no-url"}:extraction:${half}:${p.id}`] = s.f1;
      return s;
    });
    const web = webpages.filter((p) => p.half === half).map((p) => {
      const s = scoreSnippets(body(p, withUrl), p.with ?? [], p.without ?? []);
      perPage[`${withUrl ? "url" : "no-url"}:webpages:${half}:${p.id}`] = snippetPageF1(s);
      return s;
    });
    return `${half}: extraction ${scoreCorpus(ext).f1.toFixed(4)} webpages ${snippetCorpus(web).f1.toFixed(4)}`;
  });
  console.log(`${withUrl ? "with URL   " : "without URL"} ${cells.join(" | ")}`);
}
if (process.env.OUT) writeFileSync(process.env.OUT, JSON.stringify(perPage, null, 1));
