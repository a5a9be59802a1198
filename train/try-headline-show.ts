// `ID=<id> npx tsx train/try-headline-show.ts`: one TUNING page's dump lines (first 12, the lines
// agreeing with the gold, and the window around the body's anchor) with their drop, whether each is a
// candidate, and its score. Refuses checking-half pages (they are not looked at to tune). Writes nothing.
import { bodyAnchor, cannotBeHeadline } from "../src/clean/headline-features.ts";
import { headlineChoices, headlineScores } from "../src/clean/headline-model.ts";
import { goldHeadline, loadDates, loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { AGREES, headlineF1 } from "../eval/lib/extraction-score.ts";
import { headlineDoc } from "../eval/lib/headline-doc.ts";

const id = process.env.ID ?? "";
const page = [...loadExtraction(), ...loadWebpages(), ...loadDates()].find((p) => p.id.startsWith(id));
if (!page) throw new Error("no such page");
if (page.half !== "tune") throw new Error("a checking-half page: not shown");
const gold = goldHeadline(page.html);
const doc = headlineDoc(page, process.env.NOURL ? null : page.url);
const cands = doc.noArticle ? [] : headlineChoices(doc);
const scores = doc.noArticle ? [] : headlineScores(doc, cands);
const anchor = doc.noArticle ? -1 : bodyAnchor(doc);
console.log(`${page.set} ${page.id} ${page.url}\ngold ${JSON.stringify(gold)}; anchor ${anchor}, start ${doc.start}, end ${doc.end}, title ${doc.title}`);
const show = new Set<number>();
for (let i = 0; i < Math.min(12, doc.lines.length); i++) show.add(i);
doc.lines.forEach((l, i) => headlineF1(l.text, gold) >= AGREES && show.add(i));
for (let i = Math.max(0, anchor - 12); i < Math.min(doc.lines.length, anchor + 6); i++) show.add(i);
let last = -1;
for (const i of [...show].sort((a, b) => a - b)) {
  if (i !== last + 1) console.log("   ...");
  last = i;
  const l = doc.lines[i]!;
  const k = cands.findIndex((c) => c.index === i);
  const mark = (headlineF1(l.text, gold) >= AGREES ? "G" : " ") + (i === doc.title ? "T" : " ") + (i === anchor ? "A" : " ");
  console.log(`${mark} ${String(i).padStart(4)} ${(l.drop ?? "kept").padEnd(14)} ${k >= 0 ? scores[k]!.toFixed(2).padStart(6) : cannotBeHeadline(l) ? "  hard" : "     -"} ${JSON.stringify(l.text.slice(0, 110))}`);
}
