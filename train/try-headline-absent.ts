// `npx tsx train/try-headline-absent.ts`: the pages whose gold headline (eval:headlines' og:title / h1 / title) no line of the
// text dump agrees with (token F1 >= 0.6), counted per half by what the dump holds instead: the gold split over three
// adjacent lines, 80% of its words inside one longer line, agreement once a " | Site" suffix is cut, the page's <h1> another
// text that the dump shows; and the best line's F1. SHOW=1 lists the tuning half's pages (the checking half only as counts).
// Writes nothing.
import { goldHeadline, shownHeadline, loadDates, loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineTokens } from "../src/clean/headline.ts";
const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
const counts: Record<string, Record<string, number>> = { tune: {}, check: {} };
const add = (h: string, k: string) => (counts[h]![k] = (counts[h]![k] ?? 0) + 1);
for (const p of pages) {
  const gold = goldHeadline(p.html);
  if (!gold) continue;
  const lines = p.text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => headlineF1(l, gold) >= AGREES)) continue;
  add(p.half, "absent");
  const stripped = gold.replace(/\s+[|–—:-]\s+[^|–—-]{1,40}$/u, "");
  if (stripped !== gold && lines.some((l) => headlineF1(l, stripped) >= AGREES)) add(p.half, "agrees once its suffix is cut");
  const g = new Set(headlineTokens(gold));
  const rec = (l: string) => { const t = headlineTokens(l); return g.size ? t.filter((x) => g.has(x)).length / g.size : 0; };
  if (lines.some((l) => rec(l) >= 0.8)) add(p.half, "80% of its words inside one longer line");
  if (lines.some((l, i) => i + 2 < lines.length && headlineF1(`${l} ${lines[i + 1]} ${lines[i + 2]}`, gold) >= AGREES)) add(p.half, "three adjacent lines");
  const h1 = shownHeadline(p.html);
  if (h1 && headlineF1(h1, gold) < AGREES && lines.some((l) => headlineF1(l, h1) >= AGREES)) add(p.half, "the <h1> (another text) is in the dump");
  const best = Math.max(...lines.map((l) => headlineF1(l, gold)));
  add(p.half, best >= 0.4 ? "best line F1 0.4-0.6" : best >= 0.2 ? "best line F1 0.2-0.4" : "best line F1 < 0.2");
}
console.log(JSON.stringify(counts, null, 1));
if (process.env.SHOW) for (const p of pages) {
  if (p.half !== "tune") continue;
  const gold = goldHeadline(p.html);
  if (!gold) continue;
  const lines = p.text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => headlineF1(l, gold) >= AGREES)) continue;
  const g = new Set(headlineTokens(gold));
  const rec = (l: string) => { const t = headlineTokens(l); return g.size ? t.filter((x) => g.has(x)).length / g.size : 0; };
  const best = lines.map((l, i) => [rec(l), headlineF1(l, gold), i] as const).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0]!;
  console.log(`${p.id} gold ${JSON.stringify(gold)} h1 ${JSON.stringify(shownHeadline(p.html))}\n   best line ${best[2]} recall ${best[0].toFixed(2)} f1 ${best[1].toFixed(2)} ${JSON.stringify(lines[best[2]]!.slice(0, 160))}`);
}
