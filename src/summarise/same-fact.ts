// Whether two sentences of a story state one fact in two outlets' words ("PETER Capaldi has been announced
// as the new Doctor Who" / "Peter Capaldi has been named the new Doctor"), from what a reader would see as
// the same: shared names, numbers and rare words of the story. A logistic model learned on hand-labelled
// sentence pairs of events-dev's tuning half (train/train-same-fact.ts; labels in train/labels/) decides.
import { loadModel, logit } from "../model/logistic.ts";
import { log1pCount } from "../model/log-table.ts";
import { STOP_WORDS } from "../text/words.ts";
import modelJson from "./same-fact-model.json" with { type: "json" };

/** What the model compares of a sentence. */
export interface FactSketch {
  /** Its content terms' ids (the story's vocabulary), ascending, each once. */
  terms: Int32Array;
  /** Capitalised words inside it (a name, a place, an organisation), lower-cased, sorted, each once. */
  names: string[];
  /** Its numbers, digits only ("2,000" and "2000" alike; "seven" as "7"), sorted, each once. */
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

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10",
  eleven: "11", twelve: "12", twenty: "20", thirty: "30", forty: "40", fifty: "50", hundred: "100", thousand: "1000",
  // Ordinals as "11th" reads ("first" and "second" say too much else: "the first time", "second-degree").
  third: "3", fourth: "4", fifth: "5", sixth: "6", seventh: "7", eighth: "8", ninth: "9", tenth: "10", eleventh: "11", twelfth: "12",
};

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu;

/** A sentence's sketch, given its term ids, ascending and distinct (its vector's ids). */
export function sketch(text: string, terms: Int32Array, position: number): FactSketch {
  const names = new Set<string>();
  const numbers = new Set<string>();
  const tokens = text.match(TOKEN) ?? [];
  for (let k = 0; k < tokens.length; k++) {
    const raw = tokens[k]!.replace(/[.,'’-]+$/u, "");
    if (/\p{N}/u.test(raw)) {
      const digits = raw.replace(/[^\p{N}]/gu, "");
      if (digits) numbers.add(digits.replace(/^0+(?=\d)/, ""));
      continue;
    }
    const lower = raw.toLowerCase();
    const word = NUMBER_WORDS[lower];
    if (word) {
      numbers.add(word);
      continue;
    }
    if (raw.length < 2 || !/^\p{Lu}/u.test(raw) || STOP_WORDS.has(lower)) continue;
    // A sentence's first word is capitalised anyway: a name only when the next word is capitalised too.
    if (k === 0 && !/^\p{Lu}/u.test(tokens[1] ?? "")) continue;
    names.add(lower.replace(/['’]s$/u, ""));
  }
  return { terms, names: [...names].sort(), numbers: [...numbers].sort(), position };
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
  private readonly sketches: Array<FactSketch | undefined>;
  /** Per candidate, the articles holding its text when it has copies (else just its own). */
  private readonly holders: Array<readonly number[]>;

  constructor(
    private readonly candidates: ReadonlyArray<{ text: string; article: number; position: number; duplicateOf: number | null }>,
    private readonly ids: ReadonlyArray<{ ids: Int32Array }>,
    private readonly idf: ArrayLike<number>,
  ) {
    this.sketches = new Array<FactSketch | undefined>(candidates.length);
    const copies = new Map<number, number[]>();
    for (let i = 0; i < candidates.length; i++) {
      const d = candidates[i]!.duplicateOf;
      if (d !== null) copies.set(d, [...(copies.get(d) ?? [candidates[d]!.article]), candidates[i]!.article]);
    }
    this.holders = candidates.map((c, i) => copies.get(c.duplicateOf ?? i) ?? [c.article]);
  }

  /** Whether candidates `a` and `b` tell one fact in two outlets' words. */
  same(a: number, b: number): boolean {
    const [x, y] = [this.holders[a]!, this.holders[b]!];
    if (x.some((k) => y.includes(k))) return false;
    return statesSameFact(this.sketch(a), this.sketch(b), this.idf);
  }

  private sketch(i: number): FactSketch {
    const c = this.candidates[i]!;
    return (this.sketches[i] ??= sketch(c.text, this.ids[i]!.ids, c.position));
  }
}
