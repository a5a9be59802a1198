// Candidate pairs scored on two threads at once. In a cold build one core is idle while this thread
// clusters; the pairs are the longest step. The profiles and postings are made in shared memory, the
// articles to visit are cut into chunks, and this thread and a helper (src/parallel/pairs.ts) each take
// the next chunk not yet taken (an atomic counter) until none is left. A chunk's edges are those a visit
// of its articles alone finds, so the chunks' edges in chunk order are exactly the edges of one visit of
// all of them, whoever scored each chunk: the output does not depend on the threads or their timing.
// A chunk the helper took and has not delivered in time is scored here again.
import { probability, type LogisticModel } from "../model/logistic.ts";
import type { WeightedEdges } from "./agglomerate.ts";
import { CandidateVisitor, type CandidateOptions, type Postings } from "./candidates.ts";
import { profilesOf, type Profile, type ProfileTable } from "./profile.ts";
import { PAIR_FEATURES, PairScorer } from "./similarity.ts";

/** What a helper thread needs to score chunks of candidate pairs: every array that is written to is shared. */
export interface SharedPairJob {
  table: ProfileTable;
  postings: Postings;
  days: ReadonlyArray<number | null>;
  /** The first articles, in the order visited; chunk c is order[c * chunk] … order[(c + 1) * chunk - 1]. */
  order: Int32Array;
  chunk: number;
  /** Shared: [0] the next chunk to take; [1 + c] chunk c's state (TAKEN_HERE, TAKEN_THERE, DELIVERED, FAILED). */
  control: Int32Array;
  candidates: CandidateOptions;
  /**
   * The pair model as JSON text: parsed on each thread, its weights are arrays of doubles; a structured
   * clone's arrays made the helper's scoring a third slower.
   */
  model: string;
  minEdge: number;
}

/** One chunk's likely pairs (first articles in visit order, each one's second articles ascending), its first articles' capped keys, and how many pairs it scored. */
export interface ChunkEdges {
  chunk: number;
  a: Int32Array<ArrayBuffer>;
  b: Int32Array<ArrayBuffer>;
  weight: Float32Array<ArrayBuffer>;
  capped: Float64Array<ArrayBuffer>;
  scored: number;
}

/** A thread that scores chunks beside this one; `begin` returns null when it cannot take the job. */
export interface PairHelper {
  begin(job: SharedPairJob): HelperRun | null;
}

export interface HelperRun {
  /** The next chunk the helper has sent, undefined when none is waiting (never blocks). */
  receive(): ChunkEdges | undefined;
  close(): void;
}

const TAKEN_HERE = 1;
const TAKEN_THERE = 2;
const DELIVERED = 3;
/** The helper failed on the chunk: this thread scores it. */
const FAILED = 4;

/** How long this thread waits for a chunk the helper took before it scores the chunk itself. */
const HELPER_WAIT_MS = 30_000;

function chunkCount(job: Pick<SharedPairJob, "order" | "chunk">): number {
  return Math.ceil(job.order.length / job.chunk);
}

/** Scores the chunks of pairs this thread takes. */
class ChunkScorer {
  private readonly visitor: CandidateVisitor;
  private readonly scorer = new PairScorer();
  private readonly scratch = new Float64Array(PAIR_FEATURES.length);
  private readonly model: LogisticModel;

  constructor(
    private readonly profiles: readonly Profile[],
    private readonly job: SharedPairJob,
  ) {
    this.visitor = new CandidateVisitor(profiles, job.days, job.candidates, job.postings);
    this.model = JSON.parse(job.model) as LogisticModel;
  }

  /** The next chunk no thread has taken, marked as this thread's (`mark`), or -1 when all are taken. */
  take(mark: number): number {
    const { control } = this.job;
    const c = Atomics.add(control, 0, 1);
    if (c >= chunkCount(this.job)) return -1;
    Atomics.store(control, 1 + c, mark);
    return c;
  }

  score(c: number): ChunkEdges {
    const { order, chunk, minEdge } = this.job;
    const { profiles, scorer, scratch, model } = this;
    const from = c * chunk;
    const to = Math.min(order.length, from + chunk);
    const capped = new Float64Array(to - from);
    let edges: WeightedEdges = { a: new Int32Array(256), b: new Int32Array(256), weight: new Float32Array(256), length: 0 };
    let scored = 0;
    let visited = 0;
    this.visitor.visit(
      order,
      from,
      to,
      (i, j) => {
        scored++;
        if (!scorer.features(profiles[i]!, profiles[j]!, scratch)) return;
        const p = probability(model, scratch, 0);
        if (p < minEdge) return;
        if (edges.length === edges.a.length) edges = grown(edges);
        edges.a[edges.length] = i;
        edges.b[edges.length] = j;
        edges.weight[edges.length++] = p;
      },
      // Called once for each first article, in order.
      (_i, mask) => {
        capped[visited++] = mask;
      },
    );
    return { chunk: c, a: edges.a.slice(0, edges.length), b: edges.b.slice(0, edges.length), weight: edges.weight.slice(0, edges.length), capped, scored };
  }
}

function grown(e: WeightedEdges): WeightedEdges {
  const size = e.a.length * 2;
  const out = { a: new Int32Array(size), b: new Int32Array(size), weight: new Float32Array(size), length: e.length };
  out.a.set(e.a);
  out.b.set(e.b);
  out.weight.set(e.weight);
  return out;
}

/** The helper's side: takes chunks until none is left, sending each one's edges as it is done. */
export function scorePairChunks(job: SharedPairJob, send: (edges: ChunkEdges) => void): void {
  // Nothing left (this thread came late): the profiles need not be made.
  if (Atomics.load(job.control, 0) >= chunkCount(job)) return;
  const scorer = new ChunkScorer(profilesOf(job.table), job);
  for (let c = scorer.take(TAKEN_THERE); c >= 0; c = scorer.take(TAKEN_THERE)) {
    let state = FAILED;
    try {
      send(scorer.score(c));
      state = DELIVERED;
    } finally {
      Atomics.store(job.control, 1 + c, state);
      Atomics.notify(job.control, 1 + c);
    }
  }
}

/**
 * This thread's side: the edges and capped keys of every chunk, scored here or by the helper (`run`), in
 * chunk order: the same as one visit of job.order, scored here alone.
 */
export function scoreSharedPairs(profiles: readonly Profile[], job: SharedPairJob, run: HelperRun | null): ChunkEdges[] {
  const scorer = new ChunkScorer(profiles, job);
  const count = chunkCount(job);
  const out = new Array<ChunkEdges | undefined>(count);
  try {
    for (let c = scorer.take(TAKEN_HERE); c >= 0; c = scorer.take(TAKEN_HERE)) out[c] = scorer.score(c);
    const deadline = performance.now() + HELPER_WAIT_MS;
    for (let c = 0; c < count; c++) {
      if (out[c]) continue;
      // Taken by the helper (its mark may not be written yet): wait until it is delivered, or give up.
      for (let state = Atomics.load(job.control, 1 + c); state !== DELIVERED && state !== FAILED; state = Atomics.load(job.control, 1 + c)) {
        const left = deadline - performance.now();
        if (left <= 0) break;
        Atomics.wait(job.control, 1 + c, state, left);
      }
      if (run) for (let edges = run.receive(); edges; edges = run.receive()) out[edges.chunk] ??= edges;
    }
  } finally {
    run?.close();
  }
  // Not delivered in time (or lost): scored here.
  for (let c = 0; c < count; c++) out[c] ??= scorer.score(c);
  return out as ChunkEdges[];
}
