// `npx tsx train/try-closing-lines.ts` (tx78, stop 78, issue 8): on the TUNING half only, how well the text block
// models' second step and single features part a body's closing article line (the last line labelled article) from the
// furniture under it (the first 3 lines labelled furniture below it), as an AUC over those pairs of classes: the
// committed scores, this tree's END_FEATURES (src/clean/block-features.ts) and a few local features. BASE_ROOT=dir adds
// the second-step score of another tree's models (e.g. /work/wt/base78). In-sample for the tree's own weights.
import { contextFeatures, contextNames, featureNames, localFeatures, slugTerms } from "../src/clean/block-features.ts";
import { scoreBlocks } from "../src/clean/block-model.ts";
import { textItemsByHalf } from "./lib/text-items.ts";

const { tune } = textItemsByHalf(true);
const other = process.env.BASE_ROOT ? ((await import(`${process.env.BASE_ROOT}/src/clean/block-model.ts`)) as { scoreBlocks: typeof scoreBlocks }) : null;
const names = [...featureNames(false), ...contextNames(false)];
// The END_FEATURES are read where the tree has them (the trial's commit), left out where it does not.
const pick = ["own", "topic", "run-end", "above-5", "below-5", "prose-below-3", "run-terms", "ends-sentence", "log-words", "prose", "region-distance", "markers-from-run"].filter((k) => names.includes(k));
const closing: Record<string, number[]> = {}, under: Record<string, number[]> = {};
for (const k of [...pick, "score", "base-score"]) (closing[k] = []), (under[k] = []);
let pages = 0;
for (const item of tune) {
  const { labels, doc } = item;
  let last = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1 || labels[i] === 2) last = i;
  if (last < 0) continue;
  const below: number[] = [];
  for (let i = last + 1; i < labels.length && below.length < 3; i++) if (labels[i] === 0 || labels[i] === 5) below.push(i);
  if (below.length === 0) continue;
  pages++;
  const { local, score } = scoreBlocks(doc);
  const base = other ? other.scoreBlocks(doc).score : null;
  const rows = localFeatures(doc, false);
  const ctx = contextFeatures(Array.from(local), doc.lines, false, null, 0, slugTerms(doc.meta.url));
  const value = (i: number, k: string): number => {
    if (k === "score") return score[i]!;
    if (k === "base-score") return base ? base[i]! : 0;
    const j = names.indexOf(k);
    return j < featureNames(false).length ? rows[i]![j]! : ctx[i]![j - featureNames(false).length]!;
  };
  for (const k of Object.keys(closing)) {
    closing[k]!.push(value(last, k));
    for (const i of below) under[k]!.push(value(i, k));
  }
}
/** P(a closing line's value > a furniture line's), ties half. */
function auc(a: number[], b: number[]): number {
  let s = 0;
  for (const x of a) for (const y of b) s += x > y ? 1 : x === y ? 0.5 : 0;
  return s / (a.length * b.length);
}
console.log(`tuning half: ${pages} text pages with a closing article line and furniture under it; ${under.own!.length} furniture lines`);
for (const k of Object.keys(closing)) if (k !== "base-score" || other) console.log(`  ${k.padEnd(18)} AUC ${auc(closing[k]!, under[k]!).toFixed(3)}`);
