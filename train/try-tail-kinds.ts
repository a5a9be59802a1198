// `npx tsx train/try-tail-kinds.ts`: tx66 (stop 66, issue 8): what the text path's kept furniture and dropped article
// cost by KIND, on the TUNING half only, out of fold (each page scored by the fold model fitted without it, the
// committed decode, then the real rules after locate-article, as try-oof-errors.ts). Kinds of kept furniture by voice
// and frame (train/lib/tail-kinds.ts: a comment's name-and-time frame and the lines under it, an author box's career
// sentence, a listing's run of headline- or date-shaped lines, captions, section markers, other) and by place (before,
// inside, after the gold body); kinds of dropped article by the cleaner's cause. Cost: the corpus F1 gained if the
// kind's lines alone were set right (an oracle per kind), for extraction-dev (4-gram F1), the hand-labelled webpages-dev
// pages (4-gram F1 against the hand body) and webpages-dev's snippets. Bodies here are the kept lines joined, so the
// base figures differ a little from the eval's. Writes nothing.
// tx66, committed method (F1 of the kept lines extraction .9561, hand .8653, webpages .9068; gain if set right): kept
// furniture extraction +.0165 (other +.0087, listings +.0046, comments +.0009), hand +.0928 (after the body +.0615:
// comments +.0258 on 284 lines / 10,438 tokens, listings +.0177, other +.0290 (one page's appended other reports the
// most), captions +.0046, author boxes +.0004), webpages +.0429 (other +.0278, listings +.0053, comments and frames
// +.0044, author boxes +.0009); lost article extraction +.0143 (end early +.0078, inner cut +.0052), hand +.0293,
// webpages +.0414 (inner cut +.0155, start late +.0114, end early +.0073). The trial's voice features (commit b2ef601,
// reverted; DECODE= its decode) leave the comments kept (hand 10,438 -> 9,987 tokens): the hand gain (.8653 -> .8818)
// is listings and shorter runs, and webpages loses at the end (end early 265 -> 459 tokens).
import { blockModels, scoreBlocks } from "../src/clean/block-model.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus, tokens, type PageScore, type SnippetCounts } from "../eval/lib/extraction-score.ts";
import { foldOf, labelsOf } from "./lib/clean-items.ts";
import { rulesAfterLocate, textItemsByHalf, outOfFoldBlocks } from "./lib/text-items.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { handTruths } from "./lib/hand-bodies.ts";
import { loadWebpages } from "../eval/lib/clean-corpus.ts";
import { tailKinds } from "./lib/tail-kinds.ts";

const after = rulesAfterLocate();
const { tune } = textItemsByHalf(process.env.URL !== "0");
const folds = outOfFoldBlocks(tune);
// DECODE='{…}': another decode (a trial run's, when the committed weights no longer load with the trial's features).
const committed = { decode: process.env.DECODE ? (JSON.parse(process.env.DECODE) as ReturnType<typeof blockModels>["decode"]) : blockModels(false).decode };
const HAND = handTruths(loadWebpages().filter((p) => p.half === "tune"));

function clone(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
}

type Gold = "extraction" | "hand" | "webpages";
interface PageRun {
  gold: Gold;
  text: string[];
  kept: boolean[];
  /** Per line: the class it would be set right by (furniture kind / lost cause), or "" when right. */
  cls: string[];
  score: (body: string) => PageScore | SnippetCounts;
}
const runs: PageRun[] = [];
const tokensBy: Record<Gold, Record<string, number>> = { extraction: {}, hand: {}, webpages: {} };
const linesBy: Record<Gold, Record<string, number>> = { extraction: {}, hand: {}, webpages: {} };
const showKind = process.env.SHOW;

for (const it of tune) {
  const models = { ...folds[foldOf(it.page.id)]!, decode: committed.decode };
  const score = Float64Array.from(scoreBlocks(it.doc, models).score);
  const doc = clone(it.doc);
  for (const r of [locateScored(score, committed.decode), ...after]) r.apply(doc);
  const kept = doc.lines.map((l, i) => l.drop === null && i !== doc.title && i >= doc.start && i < doc.end);
  const golds: { gold: Gold; y: ArrayLike<number>; score: (b: string) => PageScore | SnippetCounts }[] = [];
  if (it.page.set === "extraction") golds.push({ gold: "extraction", y: it.labels, score: (b) => scorePage(b, it.page.truth!) });
  else {
    golds.push({ gold: "webpages", y: it.labels, score: (b) => scoreSnippets(b, it.page.with ?? [], it.page.without ?? []) });
    const h = HAND.get(it.page.id);
    if (h !== undefined) golds.push({ gold: "hand", y: labelsOf({ ...it.page, truth: h, with: [], without: [] }, it.doc), score: (b) => scorePage(b, h) });
  }
  for (const g of golds) {
    let first = -1, last = -1;
    for (let i = 0; i < g.y.length; i++) if (g.y[i] === 1 || g.y[i] === 2) ((first = first < 0 ? i : first), (last = i));
    const kinds = tailKinds(doc.lines, last);
    const cls = doc.lines.map((l, i) => {
      const y = g.y[i]!;
      if (y === 0 && kept[i]) return `kept ${kinds[i]} ${i < first ? "before" : i > last ? "after" : "inside"}`;
      if ((y === 1 || (y === 2 && g.gold !== "webpages")) && !kept[i]) {
        return `lost ${i === doc.title ? "headline" : i < doc.start ? "start-late" : i >= doc.end ? "end-early" : `inner:${l.drop}`}`;
      }
      return "";
    });
    cls.forEach((c, i) => {
      if (!c) return;
      const w = Math.max(1, tokens(doc.lines[i]!.text).length);
      tokensBy[g.gold][c] = (tokensBy[g.gold][c] ?? 0) + w;
      linesBy[g.gold][c] = (linesBy[g.gold][c] ?? 0) + 1;
      if (showKind && c.includes(showKind)) console.log(`${g.gold} ${it.page.id.slice(0, 8)} ${i} ${c} | ${doc.lines[i]!.text.slice(0, 120)}`);
    });
    runs.push({ gold: g.gold, text: doc.lines.map((l) => l.text), kept, cls, score: g.score });
  }
}

function corpus(gold: Gold, flip: (c: string) => boolean): number {
  const pages = runs.filter((r) => r.gold === gold).map((r) => r.score(r.text.filter((_, i) => (r.cls[i] && flip(r.cls[i]!) ? !r.kept[i] : r.kept[i])).join("\n\n")));
  return gold === "webpages" ? snippetCorpus(pages as SnippetCounts[]).f1 : scoreCorpus(pages as PageScore[]).f1;
}
const groups = (c: string): string[] => {
  const [side, kind, place] = c.split(" ");
  return side === "kept" ? [c, `kept ${kind}`, `kept * ${place}`, "kept *"] : [c, "lost *"];
};
for (const gold of ["extraction", "hand", "webpages"] as const) {
  const base = corpus(gold, () => false);
  const all = new Set<string>();
  for (const r of runs) if (r.gold === gold) for (const c of r.cls) if (c) for (const k of groups(c)) all.add(k);
  const rows = [...all].map((k) => ({ k, gain: corpus(gold, (c) => groups(c).includes(k)) - base, tok: Object.entries(tokensBy[gold]).filter(([c]) => groups(c).includes(k)).reduce((s, [, v]) => s + v, 0), lines: Object.entries(linesBy[gold]).filter(([c]) => groups(c).includes(k)).reduce((s, [, v]) => s + v, 0) }));
  console.log(`${gold} (tuning, out of fold): F1 of the kept lines ${base.toFixed(4)}, pages ${runs.filter((r) => r.gold === gold).length}`);
  for (const r of rows.sort((a, b) => b.gain - a.gain)) if (r.gain > 0.00005 || r.k.split(" ").length === 2) console.log(`  +${r.gain.toFixed(4)}  ${r.k.padEnd(34)} lines ${String(r.lines).padStart(5)} tokens ${String(r.tok).padStart(6)}`);
}
