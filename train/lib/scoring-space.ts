// The summary scoring weights' search space, one definition for the trainings that search it
// (train-summary-scoring.ts for stories of one article, train-summary-merged.ts for stories of several).
import { defaultTuning } from "../../src/summarise/index.ts";

/** The weights learned, in the order coordinate ascent visits them. */
export const SCORING = ["position", "positionDecay", "centrality", "title", "directed", "backward", "fullLength", "lambda", "sameFact"] as const;
export type ScoringWeights = Record<(typeof SCORING)[number], number>;

/** The hand-set weights of defaultTuning: the start, and the guards' reference. */
export const HAND_SET: ScoringWeights = Object.fromEntries(SCORING.map((k) => [k, defaultTuning[k]])) as ScoringWeights;

/** The values coordinate ascent tries for each weight. */
export const GRID: Record<keyof ScoringWeights, readonly number[]> = {
  position: [0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1, 1.3, 1.6],
  positionDecay: [0.25, 0.5, 0.75, 1, 1.5, 2],
  centrality: [0, 0.2, 0.4, 0.65, 0.8, 1, 1.3, 1.6],
  title: [0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1],
  directed: [0, 0.2, 0.4, 0.6, 0.8, 1, 1.3, 1.6, 2],
  backward: [0, 0.15, 0.3, 0.5, 0.7, 1],
  fullLength: [8, 12, 16, 20, 25, 30, 40],
  lambda: [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1],
  sameFact: [0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.01],
};
export const MAX_ROUNDS = 4;
/** The multi-outlet weights (support, agreement) the searches hold while they move the scoring weights. */
export const GUARD_SUPPORT = 0.6;
export const GUARD_AGREEMENT = 0.4;

/** A value coordinate ascent tried for one weight: the objective there (higher is better) and the side guard's measure. */
export interface Tried {
  v: number;
  value: number;
  side: number;
}

export interface AscentOptions {
  /** The objective at the start weights (higher is better: a trainer that minimises passes its negative). */
  score: number;
  /** The smallest rise of the objective that moves a weight (smaller rises are the half's noise). */
  minGain: number;
  /** A tried value whose side measure falls below this is passed over (−Infinity: no side guard). */
  sideFloor: number;
  measure: (w: ScoringWeights) => { value: number; side: number };
  /** The trainer's guards, asked only of values that would move a weight. */
  passes: (w: ScoringWeights) => boolean;
  /** One tried value as the round's log line shows it. */
  describe: (t: Tried) => string;
  log: (line: string) => void;
}

/**
 * Coordinate ascent over GRID, in SCORING's order, for up to MAX_ROUNDS rounds: each weight moved to the best value
 * that rises by `minGain` and passes the guards (ties to the smaller value). Moves `current`; returns the objective there.
 */
export function coordinateAscent(current: ScoringWeights, o: AscentOptions): number {
  let score = o.score;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    let moved = false;
    for (const name of SCORING) {
      const tried: Tried[] = GRID[name].map((v) => (v === current[name] ? { v, value: score, side: Infinity } : { v, ...o.measure({ ...current, [name]: v }) }));
      const order = [...tried].sort((a, b) => b.value - a.value || a.v - b.v);
      let taken: Tried | null = null;
      for (const t of order) {
        if (t.value < score + o.minGain) break;
        if (t.side < o.sideFloor) continue;
        if (o.passes({ ...current, [name]: t.v })) {
          taken = t;
          break;
        }
      }
      o.log(`round ${round} ${name.padEnd(13)} ${tried.map(o.describe).join(" ")}${taken ? ` -> ${taken.v}` : ""}`);
      if (taken) {
        current[name] = taken.v;
        score = taken.value;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return score;
}
