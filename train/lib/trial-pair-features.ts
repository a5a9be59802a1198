// Pair features that src does not compute, for a full train:merge trial (`EXTRA=f+g npm run train:merge`,
// train-merge.ts): each reads one set's candidates (ScoredPairs) and gives a pair's value from its two
// articles' indices. Trials only: a feature that is kept moves into src/cluster/similarity.ts.
import { PAIR_FEATURES, type ScoredPairs } from "../../src/cluster/index.ts";
import { readMentions } from "../../src/cluster/mentions.ts";
import { covered, size, type Profile, type SparseVector } from "../../src/cluster/profile.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { evidenceFeatures } from "./evidence-features.ts";

const PAIR_WIDTH = PAIR_FEATURES.length;
const shrink10 = (m: number) => Math.sqrt(m / (m + 10));

export type TrialFeature = (a: number, b: number) => number;

/** +1 when two sets share an item, -1 when both hold some and share none, 0 when one is empty. */
const agreeSets = <T>(a: Set<T>, b: Set<T>) => (a.size === 0 || b.size === 0 ? 0 : [...a].some((x) => b.has(x)) ? 1 : -1);
const agreeBits = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a & b ? 1 : -1);

export function trialPairFeatures(s: ScoredPairs): Record<string, TrialFeature> {
  const n = s.order.length;
  const near: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < s.pairs.length; k++) {
    near[s.pairs.a[k]!]!.push(s.pairs.b[k]!);
    near[s.pairs.b[k]!]!.push(s.pairs.a[k]!);
  }
  const index = new Map<number, number>();
  for (let k = 0; k < s.pairs.length; k++) index.set(s.pairs.a[k]! * n + s.pairs.b[k]!, k);
  const pairIndex = (a: number, b: number) => index.get(a * n + b)!;
  // Each article's vector with every id's weight scaled by 1 - the share of its candidates that hold the id:
  // what every neighbour holds (the topic) counts for nothing, what few hold (the event) for more.
  const scaledVectors = (pick: (p: Profile) => SparseVector): Array<Map<number, number>> =>
    s.profiles.map((p, i) => {
      const own = pick(p);
      const count = new Map<number, number>();
      for (let k = own.from; k < own.to; k++) count.set(own.ids[k]!, 0);
      for (const j of near[i]!) {
        const v = pick(s.profiles[j]!);
        for (let k = v.from; k < v.to; k++) {
          const c = count.get(v.ids[k]!);
          if (c !== undefined) count.set(v.ids[k]!, c + 1);
        }
      }
      const d = Math.max(1, near[i]!.length);
      const m = new Map<number, number>();
      for (let k = own.from; k < own.to; k++) m.set(own.ids[k]!, own.weights[k]! * (1 - count.get(own.ids[k]!)! / d));
      return m;
    });
  const local = (pick: (p: Profile) => SparseVector): TrialFeature => {
    let scaled: Array<Map<number, number>> | null = null;
    return (a, b) => {
      scaled ??= scaledVectors(pick);
      const [u, w] = [scaled[a]!, scaled[b]!];
      let dot = 0;
      for (const [id, x] of u) dot += x * (w.get(id) ?? 0);
      return dot;
    };
  };
  // The days, years, months and other numbers the headline and the first two sentences state.
  let lead: Array<{ days: Set<string>; years: Set<number>; months: number; numbers: Set<string> }> | null = null;
  const leadTimes = () =>
    (lead ??= s.order.map((a) => {
      const m = readMentions(a.title, a.paragraphs.flatMap((x) => splitSentences(x)).slice(0, 2));
      return { days: new Set(m.days), years: new Set(m.years), months: m.months, numbers: new Set(m.numbers.filter((x) => !/^(19|20)\d\d$/.test(x))) };
    }));
  return {
    // mg42: text evidence of one event (quotes, rare capitalised pairs, amounts, speakers) or of two (evidence-features.ts).
    ...evidenceFeatures(s.order),
    /** Word / name / lead cosine products with the scaled weights (not renormalised). */
    localWords: local((p) => p.words),
    localNames: local((p) => p.names),
    localLead: local((p) => p.lead),
    /** log(1 + the shorter article's distinct words): how much evidence the pair can have. */
    minWords: (a, b) => Math.log1p(Math.min(size(s.profiles[a]!.words), size(s.profiles[b]!.words))),
    /** The word / lead cosine shrunk for short articles (as similarity.ts shrinks the numbers' cosine, with a prior of 10 entries). */
    wordsShrunk: (a, b) => s.features[pairIndex(a, b) * PAIR_WIDTH]! * shrink10(size(s.profiles[a]!.words)) * shrink10(size(s.profiles[b]!.words)),
    leadShrunk: (a, b) => s.features[pairIndex(a, b) * PAIR_WIDTH + 1]! * shrink10(size(s.profiles[a]!.lead)) * shrink10(size(s.profiles[b]!.lead)),
    /**
     * The weighed share of each report's blocking keys (its most distinctive terms, profile.ts) that the
     * other report's words give anywhere, the smaller of the two (keysCovMin) or the larger (keysCovMax):
     * two outlets' reports of one event each give the other's rare terms, if not in the same sentences.
     */
    keysCovMin: (a, b) => Math.min(covered(s.profiles[a]!.keys, s.profiles[b]!.words), covered(s.profiles[b]!.keys, s.profiles[a]!.words)),
    keysCovMax: (a, b) => Math.max(covered(s.profiles[a]!.keys, s.profiles[b]!.words), covered(s.profiles[b]!.keys, s.profiles[a]!.words)),
    /** Whether the leads' numbers other than years agree (+1 one shared, -1 both state some and share none, 0 one states none). */
    leadNumbers: (a, b) => {
      const t = leadTimes();
      return agreeSets(t[a]!.numbers, t[b]!.numbers);
    },
    /** -1 when the leads state days, years or months and one of them conflicts, +1 when one agrees, else 0. */
    leadDate: (a, b) => {
      const t = leadTimes();
      const [x, y] = [t[a]!, t[b]!];
      const v = [agreeSets(x.days, y.days), agreeSets(x.years, y.years), agreeBits(x.months, y.months)];
      return v.includes(-1) ? -1 : v.includes(1) ? 1 : 0;
    },
  };
}
