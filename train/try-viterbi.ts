// `npx tsx train/try-viterbi.ts`: a line-sequence decoder for the text path instead of locate-article's
// run (core, growth, inner cut, sandwich): four states per line (above the article, article kept,
// article dropped, below), a line's gain as article its block log-odds past a bias times √(1+words),
// a dropped line inside the article costing `hole` per √(1+words), each switch from kept to dropped
// costing `switch`; the best path by Viterbi. Settings searched on out-of-fold block scores of the
// tuning pages (as train:clean chooses its decode), then the checking half with the committed models.
// GRID='{"bias":[…],"hole":[…],"switch":[…],"flip":[true]}' (flip: furniture-shaped lines count against
// the article, as in locate-article); ALL=1 prints every setting. Tried (tb30), with URL, hand short-line
// rule, ext / web (mean): committed decode, out-of-fold tuning .9532 / .8932 (.9232), checking .9303 /
// .8831 (.9067); best of 36 settings (bias 0, hole 0, switch 0) .9552 / .8832 (.9192), checking .9049 /
// .8814 (.8931); with bias -2 or -1 the path takes in too much (webpages .83-.87). Not adopted: one best
// path over the whole page has no patience (it crosses any stretch of furniture that a later run repays).
import { blockModels, scoreBlocks, type BlockModels, type DecodeSettings } from "../src/clean/block-model.ts";
import { articleRun, locateScored } from "../src/clean/rules/locate.ts";
import { lineKind } from "../src/clean/rules/context.ts";
import { LONG_PARAGRAPH } from "../src/clean/block-features.ts";
import { dropLine, type TextDoc } from "../src/clean/doc.ts";
import { objective, trainBlocks } from "./train-clean.ts";
import { foldOf, type Item } from "./lib/clean-items.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import { textItems } from "./lib/text-items.ts";

const { withUrl, learnedShort, tune, check, after } = textItems();
const folds: Omit<BlockModels, "decode">[] = [];
trainBlocks(tune, "text", folds);
const committed = blockModels(false);
const scores = new Map<Item, Float64Array>();
for (const it of tune) scores.set(it, Float64Array.from(scoreBlocks(it.doc, { ...folds[foldOf(it.page.id)]!, decode: committed.decode }).score));
for (const it of check) scores.set(it, Float64Array.from(scoreBlocks(it.doc, committed).score));

interface Vit { bias: number; hole: number; switch: number; article: number; flip: boolean }

function viterbi(doc: TextDoc, s: Float64Array, v: Vit): number[] | null {
  const n = s.length;
  const NEG = -1e18;
  // states: 0 above, 1 kept, 2 dropped inside, 3 below
  const back = new Int8Array(n * 4);
  let prev = [0, NEG, NEG, NEG];
  for (let i = 0; i < n; i++) {
    const w = Math.sqrt(1 + Math.min(LONG_PARAGRAPH, doc.lines[i]!.words));
    let keep = (s[i]! - v.bias) * w;
    if (v.flip && keep > 0 && s[i]! > Math.min(0, v.bias) && lineKind(doc.lines[i]!) === "bad") keep = -keep;
    const hole = -v.hole * w;
    const cur = [NEG, NEG, NEG, NEG];
    const set = (to: number, from: number, val: number) => { if (val > cur[to]!) { cur[to] = val; back[i * 4 + to] = from; } };
    // above
    set(0, 0, prev[0]!);
    // kept: from above (start), kept, dropped
    set(1, 0, (i === 0 ? 0 : prev[0]!) + keep);
    set(1, 1, prev[1]! + keep);
    set(1, 2, prev[2]! + keep);
    // dropped inside: from kept (a switch) or dropped
    set(2, 1, prev[1]! - v.switch + hole);
    set(2, 2, prev[2]! + hole);
    // below: from kept or below
    set(3, 1, prev[1]!);
    set(3, 3, prev[3]!);
    prev = cur;
  }
  let state = prev[1]! >= prev[3]! ? 1 : 3;
  if (Math.max(prev[1]!, prev[3]!) <= 0) return null;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = state;
    state = back[i * 4 + state]!;
  }
  return path;
}

function locateViterbi(s: Float64Array, v: Vit): CleanRule {
  return {
    name: "locate-article",
    apply(doc) {
      doc.scores = s;
      const found = articleRun(doc, s, committed.decode);
      doc.core = found?.core ?? null;
      doc.sandwiched = [];
      const path = viterbi(doc, s, v);
      let best = -Infinity;
      if (path) path.forEach((st, i) => st === 1 && doc.lines[i]!.drop === null && (best = Math.max(best, s[i]!)));
      if (!path || best < v.article) {
        doc.noArticle = "no article text found";
        for (let i = 0; i < doc.lines.length; i++) dropLine(doc, i, "locate-article");
        doc.start = doc.end = 0;
        return;
      }
      const start = path.indexOf(1), end = path.lastIndexOf(1) + 1;
      path.forEach((st, i) => st !== 1 && dropLine(doc, i, st === 0 ? "page-header" : st === 3 ? "page-footer" : "locate-article"));
      doc.start = start;
      doc.end = end;
    },
  };
}

const fmt = (o: ReturnType<typeof objective>) => `ext ${o.extraction.toFixed(4)} web ${o.webpages.toFixed(4)} mean ${o.mean.toFixed(4)}`;
const tuneObj = (rule: (it: Item) => CleanRule) => objective(tune, (it) => [rule(it), ...after]);
const checkObj = (rule: (it: Item) => CleanRule) => objective(check, (it) => [rule(it), ...after]);
const baseRule = (d: DecodeSettings) => (it: Item) => locateScored(scores.get(it)!, d);
console.log(`${withUrl ? "URL" : "no URL"} short ${learnedShort ? "learned" : "hand"}`);
console.log(`committed decode: tune ${fmt(tuneObj(baseRule(committed.decode)))} | check ${fmt(checkObj(baseRule(committed.decode)))}`);
let best: { v: Vit; o: ReturnType<typeof objective> } | null = null;
const grid = JSON.parse(process.env.GRID ?? '{"bias":[-2,-1,0],"hole":[0,0.5,1,2],"switch":[0,2,5],"flip":[true]}') as { bias: number[]; hole: number[]; switch: number[]; flip: boolean[] };
for (const flip of grid.flip) for (const bias of grid.bias) for (const hole of grid.hole) for (const sw of grid.switch) {
  const v: Vit = { bias, hole, switch: sw, article: -4, flip };
  const o = tuneObj((it) => locateViterbi(scores.get(it)!, v));
  if (process.env.ALL) console.log(`  ${JSON.stringify(v)} ${fmt(o)}`);
  if (!best || o.mean > best.o.mean + 1e-9) best = { v, o };
}
console.log(`viterbi ${JSON.stringify(best!.v)}: tune ${fmt(best!.o)} | check ${fmt(checkObj((it) => locateViterbi(scores.get(it)!, best!.v)))}`);
