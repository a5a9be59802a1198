// `npx tsx train/try-headline-turned-away.ts`: every line inside the headline window (bodyAnchor − 100 … +20) that a
// hard rule turns away (a clause of cannotBeHeadline, named by headline-features.ts `headlineRefusal`
// or a drop that makes it unusable), counted by clause: lines that agree with the gold (token F1 >= .6), the pages
// they stand on, and of those the pages whose shipped pick is wrong (what letting the clause's lines in could win at
// most), against the lines that do not agree (what it would let in). Both halves as counts, with and without the URL;
// SHOW=clause lists that clause's tuning-half lines (agreeing ones marked +). Writes nothing.
import { bodyAnchor, headlineRefusal } from "../src/clean/headline-features.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";

const USABLE = new Set(["page-header", "locate-article", "page-footer", "photo-caption"]);


interface Tally { agree: number; other: number; pages: Set<string>; wrongPages: Set<string> }
const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
const show = process.env.SHOW ?? "";
for (const withUrl of [true, false]) {
  const tallies = { tune: new Map<string, Tally>(), check: new Map<string, Tally>() };
  const shown: string[] = [];
  for (const page of pages) {
    const gold = goldHeadline(page.html);
    if (!gold) continue;
    const doc = headlineDoc(page, withUrl ? page.url : null);
    if (doc.noArticle) continue;
    const wrong = !(doc.title >= 0 && headlineF1(doc.lines[doc.title]!.text, gold) >= AGREES);
    const anchor = bodyAnchor(doc);
    const from = Math.max(0, Math.min(anchor, doc.start) - 100), to = Math.min(doc.lines.length, anchor + 20);
    const h = page.half as "tune" | "check";
    for (let i = from; i < to; i++) {
      const l = doc.lines[i]!;
      const key = headlineRefusal(l) ?? (l.drop !== null && !USABLE.has(l.drop) ? `drop ${l.drop}` : null);
      if (key === null) continue;
      const t = tallies[h].get(key) ?? { agree: 0, other: 0, pages: new Set(), wrongPages: new Set() };
      tallies[h].set(key, t);
      const agrees = headlineF1(l.text, gold) >= AGREES;
      if (agrees) (t.agree++, t.pages.add(page.id), wrong && t.wrongPages.add(page.id));
      else t.other++;
      if (h === "tune" && key === show) shown.push(`  ${agrees ? "+" : " "} ${page.id} ${i - anchor} ${JSON.stringify(l.text.slice(0, 90))}`);
    }
  }
  console.log(`text dumps ${withUrl ? "with" : "without"} the URL (clause: agreeing lines / pages / pages picked wrong · other lines):`);
  for (const h of ["tune", "check"] as const) {
    const rows = [...tallies[h].entries()].sort((a, b) => b[1].agree + b[1].other - a[1].agree - a[1].other);
    console.log(`  ${h}: ${rows.map(([k, t]) => `${k} ${t.agree}/${t.pages.size}/${t.wrongPages.size} · ${t.other}`).join("; ")}`);
  }
  if (show) console.log(shown.join("\n"));
}
