// `P='<pattern>' [SHOW=1] npx tsx train/try-headline-new-clause.ts` (hl69): what a new hard clause of cannotBeHeadline would
// turn away before it is written: the window's candidate lines (bodyAnchor − 100 … +20, not turned away today) whose text
// matches the pattern P (Unicode flag), with and without the URL, each half as counts: lines agreeing with the gold /
// not, of them the shipped picks right / wrong, and pages. SHOW=1 lists the tuning half's lines (+ agrees, P the pick);
// the checking half only as counts. Default P: stop 69's glued credit. Writes nothing.
import { bodyAnchor, cannotBeHeadline } from "../src/clean/headline-features.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";
const USABLE = new Set(["page-header", "locate-article", "page-footer", "photo-caption"]);
const P = new RegExp(process.env.P ?? "\\p{Ll}{3}(?:\\p{Lu}{4,}|\\p{Lu}{2,}\\p{N}+)$", "u");
const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
for (const withUrl of [true, false]) {
  const c = { tune: [0, 0, 0, 0, 0], check: [0, 0, 0, 0, 0] };
  for (const page of pages) {
    const gold = goldHeadline(page.html);
    if (!gold) continue;
    const doc = headlineDoc(page, withUrl ? page.url : null);
    if (doc.noArticle) continue;
    const anchor = bodyAnchor(doc);
    const from = Math.max(0, Math.min(anchor, doc.start) - 100), to = Math.min(doc.lines.length, anchor + 20);
    const h = page.half as "tune" | "check";
    let hit = false;
    for (let i = from; i < to; i++) {
      const l = doc.lines[i]!;
      if (cannotBeHeadline(l) || (l.drop !== null && !USABLE.has(l.drop))) continue;
      if (!P.test(l.text)) continue;
      hit = true;
      const agrees = headlineF1(l.text, gold) >= AGREES;
      c[h][agrees ? 0 : 1]++;
      if (i === doc.title) c[h][agrees ? 2 : 3]++;
      if (h === "tune" && process.env.SHOW) console.log(`  ${agrees ? "+" : " "}${i === doc.title ? "P" : " "} ${page.id.slice(0, 16)} ${i - anchor} ${JSON.stringify(l.text.slice(0, 90))}`);
    }
    if (hit) c[h][4]++;
  }
  console.log(`${withUrl ? "with" : "without"} URL: lines agreeing / not · picks right / wrong · pages`, JSON.stringify(c));
}
