// `npx tsx train/try-clean-figures.ts`: the figures eval:clean and eval:headlines print for the cleaning
// models (bodies from text dumps and HTML on extraction-dev and webpages-dev, headlines from text dumps,
// text dumps without their URL and HTML on all three sets, furniture headlines), as one JSON line
// "FIGURES {...}" per half, without readability.js or speed: what train/try-clean-perturbed.ts reads off
// a copy of the tree holding retrained weights. Same scoring as the evals (same pages, same functions).
import { cleanSource } from "../src/clean/index.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1, isFurnitureHeadline, scoreCorpus, scorePage, scoreSnippets, snippetCorpus } from "../eval/lib/extraction-score.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { HALVES, type Half } from "../eval/lib/split.ts";

export interface CleanFigures {
  textExtraction: number;
  textWebpages: number;
  htmlExtraction: number;
  htmlWebpages: number;
  /** Share of pages (all three sets, a shared page once) whose headline agrees, in %. */
  headlineText: number;
  headlineNoUrl: number;
  headlineHtml: number;
  furniture: number;
}

function run(page: DevPage, format: "text" | "html", withUrl = true): { body: string; title: string } {
  try {
    const a = cleanSource(devSource(page.id, format, format === "html" ? page.html : page.text, withUrl ? page.url : null));
    return { body: a.paragraphs.join("\n\n"), title: a.title };
  } catch {
    return { body: "", title: "" };
  }
}

const extraction = loadExtraction();
const webpages = loadWebpages();
const figures = Object.fromEntries(HALVES.map((h) => [h, {} as CleanFigures])) as Record<Half, CleanFigures>;
for (const h of HALVES) {
  for (const format of ["text", "html"] as const) {
    const pages = extraction.filter((p) => p.half === h).map((p) => scorePage(run(p, format).body, p.truth!));
    // PAGES=1: each checking page's extraction F1 too (which pages a retraining moves).
    if (process.env.PAGES && h === "check") console.log(`PAGES ${format} ${extraction.filter((p) => p.half === h).map((p, i) => `${p.id.slice(0, 6)}:${pages[i]!.f1.toFixed(3)}`).join(" ")}`);
    const snippets = webpages.filter((p) => p.half === h).map((p) => scoreSnippets(run(p, format).body, p.with ?? [], p.without ?? []));
    figures[h][format === "text" ? "textExtraction" : "htmlExtraction"] = scoreCorpus(pages).f1;
    figures[h][format === "text" ? "textWebpages" : "htmlWebpages"] = snippetCorpus(snippets).f1;
  }
}
// eval:headlines' "all" column: the sets in this order, a page two sets share counted once (its first row).
const seen = new Set<string>();
const tally = Object.fromEntries(HALVES.map((h) => [h, { n: 0, text: 0, noUrl: 0, html: 0, furniture: 0 }]));
for (const p of [...extraction, ...webpages, ...loadDates()]) {
  const gold = goldHeadline(p.html);
  if (!gold || seen.has(p.id)) continue;
  seen.add(p.id);
  const t = tally[p.half]!;
  t.n++;
  for (const [key, title] of [["text", run(p, "text").title], ["noUrl", run(p, "text", false).title], ["html", run(p, "html").title]] as const) {
    const agrees = headlineF1(title, gold) >= AGREES;
    if (agrees) t[key]++;
    else if (isFurnitureHeadline(title)) t.furniture++;
  }
}
for (const h of HALVES) {
  const t = tally[h]!;
  Object.assign(figures[h], { headlineText: (100 * t.text) / t.n, headlineNoUrl: (100 * t.noUrl) / t.n, headlineHtml: (100 * t.html) / t.n, furniture: t.furniture });
  console.log(`FIGURES ${h} ${JSON.stringify(figures[h])}`);
}
