// `npx tsx train/try-gate-margin.ts`: how near the article gate (src/clean/rules/article-gate.ts) comes to
// refusing real articles: its probability on every text dump of extraction-, webpages- and dates-dev's
// TUNING half (HALF=check: the checking half), with the URL and without, counted under its threshold and
// under 2 and 5 times it, beside the pages locate-article refuses. Committed weights; writes nothing.
// Figures (cl48) in train/try-lost-bodies.ts's header.
import { prepare, defaultRules } from "../src/clean/index.ts";
import { articleGateModel, articleGateRow, gateProbability } from "../src/clean/rules/article-gate.ts";
import { logit } from "../src/model/logistic.ts";
import { loadDates, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
const half = process.env.HALF === "check" ? "check" : "tune";
const m = articleGateModel();
for (const [name, pages] of [["extraction", loadExtraction()], ["webpages", loadWebpages()], ["dates", loadDates()]] as const) {
  for (const withUrl of [true, false]) {
    const ps: number[] = [];
    let refusedCore = 0;
    for (const page of pages.filter((p) => p.half === half)) {
      const { doc } = prepare(devSource(page.id, "text", page.text, withUrl ? page.url : null));
      for (const r of defaultRules) {
        if (r.name === "article-gate") { const x = articleGateRow(doc); if (x) ps.push(gateProbability(m, x)); }
        r.apply(doc);
      }
      if (doc.noArticle && doc.noArticle.includes("no block")) refusedCore++;
    }
    const below = (k: number) => ps.filter((p) => p < m.threshold * k).length;
    console.log(`${half} ${name} ${withUrl ? "url" : "no-url"}: ${ps.length} judged, refused by gate ${below(1)}, under 2x threshold ${below(2)}, under 5x ${below(5)}; refused by locate ${refusedCore}; threshold ${m.threshold}`);
  }
}
