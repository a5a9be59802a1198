// A pool thread's part of clustering's pairs step (./pairs.ts): it scores the candidate pairs of the
// articles it is sent and writes the answer into the shared buffer it came with, where the thread that
// sent it, waiting without its event loop (clustering runs to its end at once), reads it.
import { scorePairsJob, type PairsJob } from "../cluster/index.ts";

/** What a thread is sent: the job, the buffer for the answer, and how many pairs the buffer holds. */
export interface SentPairs {
  job: PairsJob;
  answer: SharedArrayBuffer;
  capacity: number;
}

/** The answer buffer's first Int32: the sender waits on it. */
export const WAITING = 0;
export const DONE = 1;
/** More pairs than the buffer holds, or the scoring failed: the sender scores them itself. */
export const NOT_ANSWERED = 2;
/** The sender stopped waiting and scored them itself: nothing is written. */
export const GIVEN_UP = 3;

/** The buffer: state, pairs, pairs scored, then the capped masks (Float64, one per visited article) and the pairs' a, b (Int32) and weight (Float32). */
export const HEADER_BYTES = 16;

export function answerViews(answer: SharedArrayBuffer, visited: number, capacity: number): { header: Int32Array; capped: Float64Array; a: Int32Array; b: Int32Array; weight: Float32Array } {
  const at = HEADER_BYTES + 8 * visited;
  return {
    header: new Int32Array(answer, 0, 4),
    capped: new Float64Array(answer, HEADER_BYTES, visited),
    a: new Int32Array(answer, at, capacity),
    b: new Int32Array(answer, at + 4 * capacity, capacity),
    weight: new Float32Array(answer, at + 8 * capacity, capacity),
  };
}

export function scorePairs(items: SentPairs[]): null[] {
  for (const { job, answer, capacity } of items) {
    const views = answerViews(answer, job.visit.length, capacity);
    if (Atomics.load(views.header, 0) !== WAITING) continue;
    let done = false;
    try {
      const found = scorePairsJob(job);
      if (found.length <= capacity) {
        views.capped.set(found.capped);
        views.a.set(found.a);
        views.b.set(found.b);
        views.weight.set(found.weight);
        views.header[1] = found.length;
        views.header[2] = found.scored;
        done = true;
      }
    } finally {
      Atomics.compareExchange(views.header, 0, WAITING, done ? DONE : NOT_ANSWERED);
      Atomics.notify(views.header, 0);
    }
  }
  return items.map(() => null);
}
