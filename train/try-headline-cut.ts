// `npx tsx train/try-headline-cut.ts`: what find-headline's cut takes (cl48). A headline found inside the
// located run drops every run line above it as page-header ("a banner paragraph that came first"). On the
// TUNING half of extraction-dev and webpages-dev (text and HTML, with URL), committed weights: how many
// pages the cut touches, and how many article lines (extraction: half the line's 4-grams in the true body;
// webpages: a must-have snippet) and furniture lines (the rest) it drops. HALF=check: the counts only.
// Stop 48 (cl48): the cut is right almost always (tuning: 173 pages cut, 143 lines scoring >= 0 dropped,
// 2 of them article, both HTML), but an HTML page whose known headline (og:title / h1 / <title>) is
// printed twice took the later copy ("nearer the body wins ties"), below the article's first paragraphs
// (fb251ea8: the title again as the heading of a document list; 07bd9a41: headline, byline, standfirst,
// then headline and byline again above the body), and the cut took the paragraphs. Now a later copy wins
// a tie only when no kept body line stands between the two (src/clean/rules/title.ts). Pages cut /
// article lines cut, tuning · checking: webpages HTML 25 / 2 -> 23 / 0 · 28 / 1 -> 27 / 0; text paths
// unchanged (15 / 0, 132 / 0 · 32 / 4, 120 / 5: the text dumps' learned headline pick, not this tie).
// eval:clean webpages HTML tuning .947 -> .951 (R .921 -> .929), checking .932 -> .933 (R .933 -> .935),
// the same without URLs; pages changed: tuning fb251ea8 (0 -> 3 of 3 snippets) and 07bd9a41 (2 -> 3),
// checking one (2 -> 3); no page lower. extraction-dev, text dumps and eval:headlines unchanged (HTML 97.6 · 96.3,
// furniture headlines 0); eval:dates HTML tuning 93.9 unchanged, checking 93.1 -> 93.7 (one page dated).
import { prepare, defaultRules } from "../src/clean/index.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { shingles } from "../eval/lib/extraction-score.ts";

const half = process.env.HALF === "check" ? "check" : "tune";
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const at = defaultRules.findIndex((r) => r.name === "find-headline");
const tally: Record<string, { pages: number; article: number; furniture: number; articlePages: number }> = {};
for (const page of [...loadExtraction(), ...loadWebpages()].filter((p: DevPage) => p.half === half)) {
  const truth = page.truth !== undefined ? new Set(shingles(page.truth).keys()) : null;
  for (const path of ["text", "html"] as const) {
    const { doc } = prepare(devSource(page.id, path, path === "html" ? page.html : page.text, page.url));
    for (const rule of defaultRules.slice(0, at)) rule.apply(doc);
    const before = doc.start;
    defaultRules[at]!.apply(doc);
    if (doc.start === before || doc.noArticle) continue;
    const t = (tally[`${page.set} ${path}`] ??= { pages: 0, article: 0, furniture: 0, articlePages: 0 });
    t.pages++;
    let article = 0;
    const shown: string[] = [];
    for (let i = before; i < doc.title; i++) {
      const l = doc.lines[i]!;
      if (doc.scores && doc.scores[i]! < 0) continue; // cut lines the block model had dropped anyway don't count
      let isArticle: boolean;
      if (truth) {
        const sh = [...shingles(l.text).keys()];
        isArticle = l.words >= 4 && sh.length > 0 && sh.filter((s) => truth.has(s)).length / sh.length >= 0.5;
      } else isArticle = (page.with ?? []).some((w) => collapse(l.text).includes(collapse(w)));
      if (isArticle) article++;
      else t.furniture++;
      shown.push(`      ${isArticle ? "ARTICLE" : "other  "} ${doc.scores?.[i]?.toFixed(2)} ${l.text.slice(0, 90)}`);
    }
    t.article += article;
    if (article) t.articlePages++;
    if (half === "tune" && shown.length) console.log(`${page.set} ${path} ${page.id.slice(0, 16)} start ${before} -> headline ${doc.title} "${doc.lines[doc.title]!.text.slice(0, 60)}"\n${shown.join("\n")}`);
  }
}
console.log(`${half} half: pages whose headline cut the run, and the kept-scoring lines cut:`, tally);
