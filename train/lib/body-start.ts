// The learned body-start trial's parts (train/try-body-start.ts, bs58): the candidate lines for the body's first
// line around the located anchor, their features, the doc with its anchor moved, and the teacher's line.
import type { Line, TextDoc } from "../../src/clean/doc.ts";
import { bodyAnchor } from "../../src/clean/headline-features.ts";
import { headlineChoices, headlineScores } from "../../src/clean/headline-model.ts";
import { logit, type LogisticModel } from "../../src/model/logistic.ts";
import { shingles } from "../../eval/lib/extraction-score.ts";
import { coverOf, foldOf } from "./clean-items.ts";
import { deckFeatures } from "./deck-features.ts";
import { readFileSync } from "node:fs";

export const MIN_WORDS = 8;
const WINDOW = Number(process.env.WINDOW ?? 30);

export const START_FEATURES = [
  "is-anchor", "above-anchor", "log-distance", "score", "score-next3", "score-prev3", "log-words", "prose", "kept",
  "above-run", "in-core", "headline-shape", "stops", "caps", "headline-above", "long-lines-between", "body-overlap",
  "kept-below", "ends-sentence", "dated-above", "first-long", "log-sentences", "below-headline-anchor", "first-below-anchor",
  "headline-score", "headline-pick", "headline-above-score", "headline-pick-above", "headline-pick-just-above",
  // sf59: DECK_MODEL=file (try-deck.ts' OUT) adds the standfirst model's log-odds of the line and of the nearest line of 8+ words above it.
  ...(process.env.DECK_MODEL ? (["deck-odds", "deck-odds-above"] as const) : []),
] as const;
const deckModels = process.env.DECK_MODEL ? (JSON.parse(readFileSync(process.env.DECK_MODEL, "utf8")) as { full: LogisticModel; folds: LogisticModel[] }) : null;
/** The page a doc was read from, for the standfirst model's fold (a tuning page is scored by the model fitted without its fold). */
export const deckPage = new WeakMap<TextDoc, { id: string; half: string }>();
function deckOdds(doc: TextDoc, i: number): number {
  if (!deckModels || i < 0 || doc.lines[i]!.words < MIN_WORDS) return -8;
  const p = deckPage.get(doc);
  const m = p && p.half === "tune" ? deckModels.folds[foldOf(p.id)]! : deckModels.full;
  return Math.max(-8, Math.min(8, logit(m, deckFeatures(doc, i))));
}

/** The headline models' scores of the lines (NaN for a line that is no candidate) and their pick, as located. */
export function headlineView(doc: TextDoc): { score: Float64Array; pick: number } {
  const score = new Float64Array(doc.lines.length).fill(Number.NaN);
  const cands = headlineChoices(doc);
  const z = headlineScores(doc, cands);
  let pick = -1, best = -Infinity;
  cands.forEach((c, k) => {
    score[c.index] = z[k]!;
    if (z[k]! >= best) (best = z[k]!, (pick = c.index));
  });
  return { score, pick };
}

const clamp = (v: number): number => Math.max(-20, Math.min(20, v));

export function startFeatures(doc: TextDoc, i: number, a: number, firstLong: number, hv: { score: Float64Array; pick: number }): number[] {
  const lines = doc.lines;
  const l = lines[i]!;
  const s = doc.scores;
  const sc = (j: number) => (s && j >= 0 && j < lines.length ? clamp(s[j]!) : 0);
  const mean = (from: number, to: number) => {
    let sum = 0, k = 0;
    for (let j = Math.max(0, from); j < Math.min(lines.length, to); j++) (sum += sc(j), k++);
    return k ? sum / k : 0;
  };
  const [cf, ct] = doc.core ?? [doc.start, doc.end];
  const hs = (j: number) => (j >= 0 && j < lines.length && !Number.isNaN(hv.score[j]!) ? Math.max(-10, Math.min(10, hv.score[j]!)) : -10);
  let headlineAbove = 0, datedAbove = 0;
  for (let j = Math.max(0, i - 3); j < i; j++) {
    const o = lines[j]!;
    if (o.headline && o.words >= 3 && o.words <= 20) headlineAbove = 1;
    if (o.dated || o.bylineOrDate) datedAbove = 1;
  }
  let between = 0;
  for (let j = Math.min(i, a) + 1; j < Math.max(i, a); j++) if (lines[j]!.words >= MIN_WORDS) between++;
  // Share of the line's content words the kept core lines below it use.
  const below = new Set<number>();
  for (let j = Math.max(i + 1, cf); j < Math.min(ct, i + 60); j++) if (lines[j]!.drop === null) for (const t of lines[j]!.terms) below.add(t);
  let shared = 0;
  for (const t of l.terms) if (below.has(t)) shared++;
  let keptBelow = 0;
  for (let j = i + 1; j <= i + 10 && j < lines.length; j++) if (lines[j]!.drop === null) keptBelow++;
  return [
    i === a ? 1 : 0, i < a ? 1 : 0, Math.log1p(Math.abs(i - a)), sc(i), mean(i + 1, i + 4), mean(i - 3, i), Math.log1p(l.words),
    l.prose ? 1 : 0, l.drop === null ? 1 : 0, l.drop === "page-header" ? 1 : 0, i >= cf && i < ct ? 1 : 0, l.headline ? 1 : 0,
    l.stops, l.caps, headlineAbove, Math.log1p(between) * (i < a ? -1 : 1), l.terms.length ? shared / l.terms.length : 0,
    keptBelow / 10, /[.!?…»"”]$/.test(l.text.trim()) ? 1 : 0, datedAbove, i === firstLong ? 1 : 0, Math.log1p(l.sentences),
    i > a && lines[a]!.headline && !lines[a]!.prose ? 1 : 0, i > a && between === 0 ? 1 : 0,
    hs(i), i === hv.pick ? 1 : 0, Math.max(hs(i - 1), hs(i - 2), hs(i - 3)), hv.pick >= 0 && hv.pick < i ? 1 : 0, hv.pick >= 0 && hv.pick < i && hv.pick >= i - 3 ? 1 : 0,
    ...(deckModels ? [deckOdds(doc, i), deckOdds(doc, longAbove(doc, i))] : []),
  ];
}

function longAbove(doc: TextDoc, i: number): number {
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) if (doc.lines[j]!.words >= MIN_WORDS) return j;
  return -1;
}

export function candidates(doc: TextDoc, a: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, a - WINDOW); i < Math.min(doc.lines.length, a + WINDOW + 1); i++) {
    const l: Line = doc.lines[i]!;
    if (i === a || (l.words >= MIN_WORDS && !l.glued && l.drop !== "page-footer")) out.push(i);
  }
  return out;
}

/** The doc with its core starting on line t (kept), the rest as located (try-headline-anchor.ts). */
export function anchoredAt(doc: TextDoc, t: number): TextDoc {
  const lines = doc.lines.map((l) => ({ ...l }));
  lines[t]!.drop = null;
  const [, to] = doc.core ?? [doc.start, doc.end];
  return { ...doc, lines, core: [t, to > t ? to : lines.length], start: Math.min(doc.start, t), end: Math.min(lines.length, Math.max(doc.end, t + 2)) };
}


/** The teacher's first line: the first line of 8+ words whose 4-gram shingles the true body holds at half or more. */
export function teacherLine(doc: TextDoc, body: string | null): number {
  if (!body) return -1;
  const sh = shingles(body);
  return doc.lines.findIndex((l) => l.words >= MIN_WORDS && coverOf(l.text, sh) >= 0.5);
}

/** The ranker's pick for the body's first line, or the located anchor when no line beats it by `margin`. */
export function predictedStart(doc: TextDoc, model: LogisticModel, margin: number): number {
  const a = bodyAnchor(doc);
  const cands = candidates(doc, a);
  const firstLong = cands.find((i) => doc.lines[i]!.words >= MIN_WORDS) ?? -1;
  const hv = headlineView(doc);
  let best = a, top = -Infinity, base = 0;
  for (const i of cands) {
    const z = logit(model, startFeatures(doc, i, a, firstLong, hv));
    if (i === a) base = z;
    if (z > top) (top = z, (best = i));
  }
  return top - base > margin ? best : a;
}
