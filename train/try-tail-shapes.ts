// `npx tsx train/try-tail-shapes.ts` (tx79, stop 79, issue 8): the hand tails' lines (TEXT_TAILS: the first 8 furniture
// labels under each hand body, train/lib/clean-items.ts handLabelled), counted by shape (prose, long, short, a short
// sentence) and by whether a furniture lexicon group hits them; FROM=lexicon counts HAND_TAIL_FROM=lexicon's subset,
// SHOW=1 prints each page's tail lines. Hand labels are tuning-half pages only (hand-bodies.ts throws otherwise).
// tx79: 1,336 tail labels on 173 pages; the first tail line is short in 140 pages (97 with no lexicon hit), prose in 11;
// by shape short 1,028 (326 with a lexicon hit), long 127, prose 109 (33), short sentences 72 (14). FROM=lexicon keeps
// 867 labels on 138 pages (35 pages' first 8 tail lines name no furniture: teaser questions, other stories' headlines).
import { loadDates, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { halfOf } from "../eval/lib/split.ts";
import { handLabelled, prepared } from "./lib/clean-items.ts";
import { handTruths } from "./lib/hand-bodies.ts";
import { LEXICON_GROUPS, GROUP_BITS } from "../src/clean/lexicon.ts";
import { endsSentence } from "../src/clean/line-features.ts";

const pages = [...loadWebpages(), ...loadDates()].filter((p) => halfOf(p.id) === "tune");
const truths = handTruths(pages);
const byId = new Map(pages.map((p) => [p.id, p]));
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const SHOW = process.env.SHOW === "1";
for (const [id, truth] of truths) {
  const page = byId.get(id)!;
  const doc = prepared(page, "text");
  if (!doc) continue;
  const { hand } = handLabelled(page, truth, doc, { tail: true, tailK: 8, cap: false, from: process.env.FROM === "lexicon" ? "lexicon" : undefined });
  let pos = 0;
  if (SHOW) console.log(`== ${id} ${page.set}`);
  for (let i = 0; i < hand.length; i++) {
    if (!hand[i]) continue;
    pos++;
    const l = doc.lines[i]!;
    const groups = LEXICON_GROUPS.filter((_, g) => l.lexicon & GROUP_BITS[g]!);
    const shape = l.prose ? "prose" : l.words >= 10 && endsSentence(l.text) ? "long-sentence" : l.words >= 10 ? "long-other" : endsSentence(l.text) ? "short-sentence" : "short";
    bump(`shape ${shape}`);
    bump(`shape ${shape} lex=${groups.length > 0}`);
    if (pos === 1) bump(`first ${shape} lex=${groups.length > 0}`);
    for (const g of groups) bump(`group ${g}`);
    if (SHOW) console.log(`  ${pos} ${shape.padEnd(14)} ${groups.join(",").padEnd(16)} ${l.text.slice(0, 110)}`);
  }
  bump(pos === 0 ? "pages without tail" : "pages with tail");
}
for (const [k, v] of [...counts].sort()) console.log(`${k.padEnd(40)} ${v}`);
