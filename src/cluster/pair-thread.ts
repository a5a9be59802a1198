// The candidate pairs scored on two threads: a build's first clustering (no pair to take from the last
// build) scores every candidate, some 40% of clustering, while the second core waits. The articles, in
// the visit order, are cut into chunks; this thread takes chunks from the front and the other thread
// from the back (each its own stretch of days, whose vectors stay in its processor cache), each claiming
// a chunk in a shared array before scoring it, until they meet. The chunks' edges are joined in chunk
// order, so the edges are those one thread gives, in the same order, whoever scored which chunk and
// however late the other thread started: a thread that has not started yet scores nothing.
//
// The profiles' arrays and the postings are in shared memory (buildProfiles' `share`, postingsOf's
// `shared`), so the other thread reads them without a copy: it makes its profiles from the table of where
// each article's vectors lie (profilesFrom) while this thread makes the postings.
// Clustering is synchronous: this thread waits for the other's last chunk with Atomics.wait and reads
// the chunks' edges with receiveMessageOnPort, never through the event loop.
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { probability, type LogisticModel } from "../model/logistic.ts";
import { CandidateVisitor, postingsOf, type CandidateOptions, type Postings } from "./candidates.ts";
import { PAIR_FEATURES, PairScorer } from "./similarity.ts";
import { profilesFrom, type Profile, type ProfileTable } from "./profile.ts";
import type { WeightedEdges } from "./agglomerate.ts";

/** A second thread serving `servePairThread` at the other end of `port`. */
export interface PairThread {
  port: MessagePort;
  close(): void;
}

/** Articles a chunk holds: about 1% of a 10,000-article batch's scoring each. */
const CHUNK = 128;
/** A chunk's claim: nobody's yet, this thread's, the other thread's, the other thread's with its edges sent. */
const FREE = 0;
const HERE = 1;
const THERE = 2;
const SENT = 3;
/** How long this thread waits for the other's chunk before it scores the chunk itself (a thread stopped or starved). */
const WAIT_MS = 2000;

/** The profiles, sent as soon as they are read (the other thread makes its own while this one makes the postings). */
interface ProfilesMessage {
  kind: "profiles";
  table: ProfileTable;
}

interface Job {
  kind: "pairs";
  job: number;
  postings: Postings;
  days: Array<number | null>;
  order: Int32Array;
  claim: Int32Array;
  /** Articles a chunk holds. */
  chunk: number;
  options: CandidateOptions;
  model: LogisticModel;
  minEdge: number;
}

/** One chunk's edges, and each of its articles' capped keys (visitCandidates). */
interface ChunkEdges {
  job: number;
  chunk: number;
  a: Int32Array;
  b: Int32Array;
  weight: Float32Array;
  capped: Float64Array;
  scored: number;
  /** Scored on the other thread. */
  there: boolean;
}

/** How many pairs were scored, and how many of them on the other thread. */
export interface PairThreadStats {
  scored: number;
  onThread?: number;
}

let nextJob = 1;

/**
 * Sends the other thread the profiles' table (buildProfiles' `share`), its arrays of vectors in shared
 * memory; the table's bounds of runs are handed over (this thread's profiles no longer need them).
 */
export function shareProfiles(thread: PairThread, table: ProfileTable): void {
  const message: ProfilesMessage = { kind: "profiles", table };
  thread.port.postMessage(message, [table.starts.buffer, table.ends.buffer] as ArrayBuffer[]);
}

export interface TwoThreadOptions {
  /** Filled with each article's capped keys (visitCandidates), by article. */
  capped?: Float64Array;
  stats?: PairThreadStats;
  /** Articles a chunk holds (CHUNK when absent). */
  chunk?: number;
  /** Chunks this thread leaves to the other, waiting for it as long as it takes (tests: the other thread then scores some, however late it starts). */
  leave?: number;
}

/**
 * The pairs of candidates whose first article is in `order` that `model` finds at least `minEdge` likely,
 * in the order found (as index.ts scoreCandidates without a memo), scored here and on `thread` (sent the
 * same profiles by shareProfiles first).
 */
export function scoreOnTwoThreads(thread: PairThread, profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: CandidateOptions, model: LogisticModel, minEdge: number, order: Int32Array, { capped, stats, chunk = CHUNK, leave = 0 }: TwoThreadOptions = {}): WeightedEdges {
  const postings = postingsOf(profiles, days, true);
  const chunks = Math.ceil(order.length / chunk);
  const claim = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, chunks)));
  const job: Job = { kind: "pairs", job: nextJob++, postings, days: [...days], order, claim, chunk, options: { windowDays: options.windowDays, postingCap: options.postingCap, minKeyScore: options.minKeyScore }, model, minEdge };
  thread.port.postMessage(job);
  const scorer = new ChunkScorer(profiles, job);
  const parts = new Array<ChunkEdges | undefined>(chunks).fill(undefined);
  for (let c = 0; c < chunks - leave; c++) {
    if (Atomics.compareExchange(claim, c, FREE, HERE) !== FREE) break;
    parts[c] = scorer.score(c);
  }
  for (let c = 0; c < chunks; c++) {
    // Only with `leave`: a chunk nobody has claimed yet, until the other thread does.
    while (!parts[c] && Atomics.load(claim, c) === FREE) Atomics.wait(claim, c, FREE, 10);
    if (parts[c] || Atomics.load(claim, c) === SENT) continue;
    // The one chunk the other thread may still be scoring (it claims the next only once it sent this one).
    if (Atomics.wait(claim, c, THERE, WAIT_MS) === "timed-out" && Atomics.load(claim, c) !== SENT) parts[c] = scorer.score(c);
  }
  for (let missing = parts.filter((p) => !p).length; missing > 0; ) {
    const got = receiveMessageOnPort(thread.port)?.message as ChunkEdges | undefined;
    if (!got) throw new Error("clustering: a chunk of pairs scored on the second thread never came back");
    if (got.job !== job.job || parts[got.chunk]) continue; // an earlier job's, or a chunk this thread scored after waiting
    parts[got.chunk] = got;
    missing--;
  }
  return joined(parts as ChunkEdges[], order, chunk, capped, stats);
}

/** The other thread's side: scores chunks from the back of each job's order until it meets this thread's. */
export function servePairThread(port: MessagePort): void {
  let profiles: Profile[] = [];
  port.on("message", (job: ProfilesMessage | Job) => {
    if (job.kind === "profiles") {
      profiles = profilesFrom(job.table);
      return;
    }
    const scorer = new ChunkScorer(profiles, job);
    for (let c = job.claim.length - 1; c >= 0; c--) {
      if (Atomics.compareExchange(job.claim, c, FREE, THERE) !== FREE) break;
      const edges = scorer.score(c, true);
      port.postMessage(edges, [edges.a.buffer, edges.b.buffer, edges.weight.buffer, edges.capped.buffer] as ArrayBuffer[]);
      Atomics.store(job.claim, c, SENT);
      Atomics.notify(job.claim, c);
    }
  });
}

/** Scores a job's chunks, one thread's own state (the candidates' scratch arrays, the scorer's). */
class ChunkScorer {
  private readonly visitor: CandidateVisitor;
  private readonly scorer = new PairScorer();
  private readonly scratch = new Float64Array(PAIR_FEATURES.length);

  constructor(
    private readonly profiles: readonly Profile[],
    private readonly job: Job,
  ) {
    this.visitor = new CandidateVisitor(profiles, job.days, job.options, job.postings);
  }

  score(chunk: number, there = false): ChunkEdges {
    const { order, model, minEdge } = this.job;
    const { profiles, scorer, scratch } = this;
    const from = chunk * this.job.chunk;
    const to = Math.min(order.length, from + this.job.chunk);
    const capped = new Float64Array(to - from);
    let a = new Int32Array(256);
    let b = new Int32Array(256);
    let weight = new Float32Array(256);
    let length = 0;
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
        if (length === a.length) [a, b, weight] = [grown(a), grown(b), grown(weight)];
        a[length] = i;
        b[length] = j;
        weight[length++] = p;
      },
      // Called once for each article, in the order visited.
      (_i, mask) => (capped[visited++] = mask),
    );
    return { job: this.job.job, chunk, a: a.slice(0, length), b: b.slice(0, length), weight: weight.slice(0, length), capped, scored, there };
  }
}

function grown<T extends Int32Array | Float32Array>(xs: T): T {
  const out = new (xs.constructor as new (n: number) => T)(2 * xs.length);
  out.set(xs);
  return out;
}

/** The chunks' edges one after another, their capped keys into `capped` by article. */
function joined(parts: readonly ChunkEdges[], order: Int32Array, chunk: number, capped: Float64Array | undefined, stats: PairThreadStats | undefined): WeightedEdges {
  let length = 0;
  for (const p of parts) length += p.a.length;
  const out = { a: new Int32Array(Math.max(1024, length)), b: new Int32Array(Math.max(1024, length)), weight: new Float32Array(Math.max(1024, length)), length };
  let at = 0;
  parts.forEach((p, c) => {
    out.a.set(p.a, at);
    out.b.set(p.b, at);
    out.weight.set(p.weight, at);
    at += p.a.length;
    if (capped) for (let k = 0; k < p.capped.length; k++) capped[order[c * chunk + k]!] = p.capped[k]!;
    if (stats) {
      stats.scored += p.scored;
      if (p.there) stats.onThread = (stats.onThread ?? 0) + p.scored;
    }
  });
  return out;
}
