// `[SHOW=1] npx tsx train/try-headline-near-forms.ts` (hl70, stop 70): the text-dump pages whose gold headline (og:title,
// else <h1>, else <title>) no dump line agrees with (token F1 >= 0.6), counted per half by the near forms a candidate
// made from the dump's lines could take: two adjacent lines joined (a kicker over its headline, a headline broken in
// two), one line's part at a separator (" | ", " - ", ": ", " – ", " • ": a site's name or a section glued on), a line's
// first or last 1-3 words cut (a label or site's name glued on without a separator). Counts only what the dump holds,
// whatever the models would pick. SHOW=1 lists the tuning half's pages a form reaches. Writes nothing.
import { goldHeadline, loadDates, loadExtraction, loadWebpages, distinctPages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";

const SEPARATOR = /\s+(?:[|•·»›~/]{1,2}|[-–—]{1,2}|::)\s+|\s*\|\s*|:\s+/u;
const pages = distinctPages(loadExtraction(), loadWebpages(), loadDates());
const counts: Record<string, Record<string, number>> = { tune: {}, check: {} };
const add = (h: string, k: string) => (counts[h]![k] = (counts[h]![k] ?? 0) + 1);
const shown: string[] = [];
for (const p of pages) {
  const gold = goldHeadline(p.html);
  if (!gold) continue;
  const lines = p.text.split("\n").map((l) => l.trim()).filter(Boolean);
  add(p.half, "pages with a gold");
  if (lines.some((l) => headlineF1(l, gold) >= AGREES)) continue;
  add(p.half, "no line agrees");
  const reached: string[] = [];
  const joined = lines.findIndex((l, i) => i + 1 < lines.length && lines[i + 1]!.split(/\s+/).length <= 30 && l.split(/\s+/).length <= 30 && headlineF1(`${l} ${lines[i + 1]}`, gold) >= AGREES);
  if (joined >= 0) reached.push(`joined ${JSON.stringify(`${lines[joined]} ⏎ ${lines[joined + 1]}`.slice(0, 140))}`);
  const part = lines.flatMap((l) => (l.split(/\s+/).length <= 40 ? l.split(SEPARATOR).map((x) => x.trim()).filter((x) => x && x !== l) : [])).find((x) => headlineF1(x, gold) >= AGREES);
  if (part) reached.push(`part ${JSON.stringify(part.slice(0, 140))}`);
  const cut = lines.flatMap((l) => {
    const w = l.split(/\s+/);
    if (w.length < 4 || w.length > 40) return [];
    return [1, 2, 3].flatMap((k) => (w.length - k >= 3 ? [w.slice(k).join(" "), w.slice(0, -k).join(" ")] : []));
  }).find((x) => headlineF1(x, gold) >= AGREES);
  if (cut) reached.push(`cut ${JSON.stringify(cut.slice(0, 140))}`);
  for (const r of reached) add(p.half, `reached: ${r.split(" ")[0]}`);
  if (reached.length > 0) add(p.half, "reached by any form");
  if (p.half === "tune" && reached.length > 0) shown.push(`${p.id} gold ${JSON.stringify(gold)}\n   ${reached.join("\n   ")}`);
}
console.log(JSON.stringify(counts, null, 1));
if (process.env.SHOW) console.log(shown.join("\n"));
