// Whether two sentences of a story state one fact in two outlets' words ("PETER Capaldi has been announced
// as the new Doctor Who" / "Peter Capaldi has been named the new Doctor"), from what a reader would see as
// the same: shared names, numbers and rare words of the story. A logistic model learned on hand-labelled
// sentence pairs of events-dev's tuning half (train/train-same-fact.ts; labels in train/labels/) decides.
import { loadModel, logit } from "../model/logistic.ts";
import { log1pCount } from "../model/log-table.ts";
import { readSentence } from "../text/names-numbers.ts";
import modelJson from "./same-fact-model.json" with { type: "json" };

/** What the model compares of a sentence. */
export interface FactSketch {
  /** Its content terms' ids (the story's vocabulary), ascending, each once. */
  terms: Int32Array;
  /** Its names (a person, a place, an organisation: src/text/names-numbers.ts), lower-cased, sorted, each once. */
  names: string[];
  /** Its numbers ("2,000" and "2000" alike; "seven" as "7"), sorted, each once. */
  numbers: string[];
  /** Its place in its article (0: the opening sentence). */
  position: number;
}

export const FACT_FEATURES = [
  // Share of the shorter sentence's terms the other has, by count and by the story's IDF.
  "shared-terms",
  "shared-idf",
  // Cosine of the two sentences' IDF-weighted term sets.
  "cosine",
  "shared-names",
  "names-only-one",
  "shared-numbers",
  // Both give numbers and none agrees: two figures, two facts (or one fact told two ways).
  "numbers-disagree",
  "min-terms",
  "length-ratio",
  // Both open their articles: two outlets' first sentences mostly tell the event itself.
  "openings",
] as const;

const model = loadModel(modelJson, FACT_FEATURES);

/**
 * A sentence's sketch, given its term ids (ascending and distinct: its vector's ids). Its names are read with
 * the sentence alone as the text (a sentence-start word is a name unless the sentence writes it in lower case):
 * reading each article's sentences with it, as the clustering reads an article, cost 1.8x the summariser's CPU
 * on events-dev's stories for no better detector (leave-one-event-out F1 0.640 against 0.644).
 */
export function sketch(text: string, terms: Int32Array, position: number): FactSketch {
  const { names, numbers } = readSentence(text);
  return { terms, names, numbers, position };
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! === b[j]!) n++, i++, j++;
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** The model's features of a pair, in FACT_FEATURES' order, into `out`; `idf` by term id. */
export function factFeatures(a: FactSketch, b: FactSketch, idf: ArrayLike<number>, out: Float64Array = new Float64Array(FACT_FEATURES.length)): Float64Array {
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  let shared = 0;
  let sharedIdf = 0;
  let smallIdf = 0;
  let dot = 0;
  let smallSquares = 0;
  const s = small.terms;
  const l = large.terms;
  for (let i = 0, j = 0; i < s.length; i++) {
    const w = idf[s[i]!]!;
    smallIdf += w;
    smallSquares += w * w;
    while (j < l.length && l[j]! < s[i]!) j++;
    if (j < l.length && l[j] === s[i]) shared++, (sharedIdf += w), (dot += w * w);
  }
  let largeIdf = 0;
  let largeSquares = 0;
  for (let j = 0; j < l.length; j++) {
    const w = idf[l[j]!]!;
    largeIdf += w;
    largeSquares += w * w;
  }
  const names = sharedCount(a.names, b.names);
  const numbers = sharedCount(a.numbers, b.numbers);
  out[0] = s.length > 0 ? shared / s.length : 0;
  out[1] = smallIdf > 0 ? sharedIdf / Math.min(smallIdf, largeIdf) : 0;
  out[2] = dot > 0 ? dot / Math.sqrt(smallSquares * largeSquares) : 0;
  out[3] = log1pCount(names);
  out[4] = log1pCount(a.names.length + b.names.length - 2 * names);
  out[5] = log1pCount(numbers);
  out[6] = a.numbers.length > 0 && b.numbers.length > 0 && numbers === 0 ? 1 : 0;
  out[7] = log1pCount(s.length);
  out[8] = l.length > 0 ? s.length / l.length : 0;
  out[9] = 1 / (1 + Math.max(a.position, b.position));
  return out;
}

const features = new Float64Array(FACT_FEATURES.length);

/** The model's log-odds that the two sentences state one fact. */
export function sameFactLogit(a: FactSketch, b: FactSketch, idf: ArrayLike<number>): number {
  return logit(model, factFeatures(a, b, idf, features));
}

const BAR = Math.log(model.threshold / (1 - model.threshold));

/** Fewer shared terms than this and two sentences are never one fact (and are not worth a look). */
export const MIN_SHARED = 2;

/** Whether the model takes the two sentences for one fact (its threshold, chosen on the tuning half). */
export function statesSameFact(a: FactSketch, b: FactSketch, idf: ArrayLike<number>): boolean {
  const x = factFeatures(a, b, idf, features);
  if (x[0]! * Math.min(a.terms.length, b.terms.length) < MIN_SHARED - 0.5) return false;
  return logit(model, x) >= BAR;
}

/**
 * The same-fact model over one story's candidates, for selection: a sentence's sketch is made when first
 * needed; two sentences one article holds (a copy of either counts) are left to the other checks.
 */
export class FactCheck {
  /** Sketches made so far, by candidate; made only for the sentences selection asks about. */
  private readonly sketches = new Map<number, FactSketch>();
  /** The articles holding a text that has copies, by its first copy's index (any other text is only in its own article); made when first needed. */
  private holders: Map<number, number[]> | null = null;

  constructor(
    private readonly candidates: ReadonlyArray<{ text: string; article: number; position: number; duplicateOf: number | null }>,
    private readonly ids: ReadonlyArray<{ ids: Int32Array }>,
    private readonly idf: ArrayLike<number>,
  ) {}

  /** Whether candidates `a` and `b` tell one fact in two outlets' words. */
  same(a: number, b: number): boolean {
    if (this.oneArticle(a, b)) return false;
    return statesSameFact(this.sketch(a), this.sketch(b), this.idf);
  }

  private oneArticle(a: number, b: number): boolean {
    const holders = (this.holders ??= copiesHeld(this.candidates));
    const [x, y] = [this.candidates[a]!, this.candidates[b]!];
    const hx = holders.get(x.duplicateOf ?? a);
    const hy = holders.get(y.duplicateOf ?? b);
    if (!hx && !hy) return x.article === y.article;
    if (!hx) return hy!.includes(x.article);
    if (!hy) return hx.includes(y.article);
    return hx.some((k) => hy.includes(k));
  }

  private sketch(i: number): FactSketch {
    let made = this.sketches.get(i);
    if (!made) {
      const c = this.candidates[i]!;
      made = sketch(c.text, this.ids[i]!.ids, c.position);
      this.sketches.set(i, made);
    }
    return made;
  }
}

/** The articles holding each text that has copies, by its first copy's index. */
function copiesHeld(candidates: ReadonlyArray<{ article: number; duplicateOf: number | null }>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < candidates.length; i++) {
    const d = candidates[i]!.duplicateOf;
    if (d === null) continue;
    const held = out.get(d);
    if (held) held.push(candidates[i]!.article);
    else out.set(d, [candidates[d]!.article, candidates[i]!.article]);
  }
  return out;
}
