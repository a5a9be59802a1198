// `npx tsx train/try-headline-filtered.ts`: the text-dump headline misses whose agreeing line never became a candidate
// although it stands inside the window (try-headline-errors.ts' "not-candidate filtered"), counted by what turned it
// away: which clause of cannotBeHeadline (headline-features.ts, in its order) or which drop. Both halves as counts (the
// checking half is not looked at line by line); SHOW=1 lists the tuning half's lines. Writes nothing.
import { bodyAnchor, headlineRefusal } from "../src/clean/headline-features.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";



const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
for (const withUrl of [true, false]) {
  const counts: Record<string, Map<string, number>> = { tune: new Map(), check: new Map() };
  const shown: string[] = [];
  for (const page of pages) {
    const gold = goldHeadline(page.html);
    if (!gold) continue;
    const doc = headlineDoc(page, withUrl ? page.url : null);
    if (doc.noArticle || (doc.title >= 0 && headlineF1(doc.lines[doc.title]!.text, gold) >= AGREES)) continue;
    const anchor = bodyAnchor(doc);
    const right = doc.lines.flatMap((l, i) => (headlineF1(l.text, gold) >= AGREES && i >= Math.min(anchor, doc.start) - 100 && i < anchor + 20 ? [i] : []));
    if (right.length === 0) continue;
    const why = right.map((i) => {
      const l = doc.lines[i]!;
      const refusal = headlineRefusal(l);
      if (refusal !== null) return `rule ${refusal}`;
      if (l.drop !== null && !["page-header", "locate-article", "page-footer", "photo-caption"].includes(l.drop)) return `drop ${l.drop}`;
      return null;
    });
    if (why.some((w) => w === null)) continue;
    const key = [...new Set(why as string[])].sort().join(" + ");
    const h = page.half;
    counts[h]!.set(key, (counts[h]!.get(key) ?? 0) + 1);
    if (h === "tune") shown.push(`  ${page.id} [${key}] ${JSON.stringify(doc.lines[right[0]!]!.text.slice(0, 90))}`);
  }
  console.log(`text dumps ${withUrl ? "with" : "without"} the URL:`);
  for (const h of ["tune", "check"]) console.log(`  ${h}: ${[...counts[h]!.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join("; ") || "none"}`);
  if (process.env.SHOW) console.log(shown.join("\n"));
}
