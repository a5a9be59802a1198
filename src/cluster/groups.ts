// Grouping with the last build's merges (agglomerate-replay.ts): each article's print says what the
// merges could see of it (its terms, its day, its links and their weights, each link by the other
// article's path), and the articles whose print is new or changed are where the replay starts to work
// things out again. Without a usable log (none, damaged, another corpus's), the run is averageLink's.
import type { TimeSpan } from "./time.ts";
import { averageLink, type AgglomerateOptions, type MergeLog, type WeightedEdges } from "./agglomerate.ts";
import { adjacencyOf, replayAverageLink, type Replay, type ReplayStats } from "./agglomerate-replay.ts";
import type { StoredGroups } from "./rows.ts";
import { shortHash } from "../text/hash.ts";

/**
 * The share of articles changed beyond which the log is not replayed. Measured at 10,000 bench articles
 * (30 days), before the context's links were put on a grid (index.ts onGrid): one new article on the last
 * day changed the prints of 12% and replaying took 40% less time than averageLink; one in mid-month
 * changed 31% (IDF windows and context reach 6 days either side) and replaying took half again as long.
 * On the grid, 0.8% and 0.9% change, and the groups step takes about half of averageLink's time.
 */
export const REPLAY_MAX_CHANGED = 0.2;

export type Agglomerate = (n: number, edges: WeightedEdges, options: AgglomerateOptions) => Int32Array;

/** An agglomeration, the log it fills as it runs, and how many articles its replay works out again (Infinity: none is replayed). */
export interface Agglomeration {
  agglomerate: Agglomerate;
  log: MergeLog;
  changed: number;
}

/**
 * An agglomeration for groupArticles that replays `stored` where it can (when at most `maxChanged` of
 * the articles changed), and what to store for the next build once it has run (`result()`).
 */
export function replayingAgglomeration(paths: readonly string[], printer: ArticlePrinter, edges: WeightedEdges, stored: StoredGroups | undefined, maxChanged = REPLAY_MAX_CHANGED, stats?: ReplayStats): Agglomeration & { prints: string[]; result: () => StoredGroups } {
  const prints = printer.printsOf(edges);
  const log: MergeLog = { x: [], y: [], score: [] };
  const replay = stored ? replayOf(stored, paths, prints) : null;
  return { agglomerate: agglomerationOf(replay, maxChanged, log, stats), log, changed: changedCount(replay), prints, result: () => ({ paths: [...paths], prints, ...log }) };
}

/**
 * The agglomeration of a build's articles again on `after`, the same edges as `before` (the same pairs in
 * the same order) with other weights, replaying `previous`, the merges made on `before` (the settle rounds
 * of index.ts: only the links stickyEdges moves differ). The articles with a link whose weight differs
 * are the changed ones; their spans and names are as they were.
 */
export function settlingAgglomeration(before: WeightedEdges, after: WeightedEdges, previous: MergeLog, n: number, maxChanged = REPLAY_MAX_CHANGED, stats?: ReplayStats): Agglomeration {
  const changed = new Uint8Array(n);
  for (let k = 0; k < after.length; k++) {
    if (before.weight[k] === after.weight[k]) continue;
    changed[after.a[k]!] = 1;
    changed[after.b[k]!] = 1;
  }
  const log: MergeLog = { x: [], y: [], score: [] };
  const replay: Replay = { x: Float64Array.from(previous.x), y: Float64Array.from(previous.y), score: Float64Array.from(previous.score), changed };
  return { agglomerate: agglomerationOf(replay, maxChanged, log, stats), log, changed: changedCount(replay) };
}

/** How many articles a replay must work out again (changed), Infinity without one. */
function changedCount(replay: Replay | null): number {
  return replay ? replay.changed.reduce((sum, c) => sum + c, 0) : Infinity;
}

/** Replays `replay` when at most `maxChanged` of its articles changed, else averageLink; both fill `log`. */
function agglomerationOf(replay: Replay | null, maxChanged: number, log: MergeLog, stats?: ReplayStats): Agglomerate {
  // Replaying costs more per group than averageLink does: worth it only while most groups stay as they were.
  if (replay && changedCount(replay) > maxChanged * replay.changed.length) replay = null;
  return replay ? (n, e, o) => replayAverageLink(n, e, o, replay, log, stats) : (n, e, o) => averageLink(n, e, o, log);
}

/**
 * The stored log renumbered to `paths`, and which articles changed; null when it is not a log of merges
 * of its own articles (a damaged or made-up entry is not replayed).
 */
export function replayOf(stored: StoredGroups, paths: readonly string[], prints: readonly string[]): Replay | null {
  const { paths: was, prints: wasPrints, x, y, score } = stored;
  const n = was.length;
  if (wasPrints.length !== n || y.length !== x.length || score.length !== x.length) return null;
  for (let i = 1; i < n; i++) if (!(was[i - 1]! < was[i]!)) return null;
  // Each merge joins two groups that stand (by their smallest member) and keeps the smaller.
  const gone = new Uint8Array(n);
  for (let k = 0; k < x.length; k++) {
    const [a, b, s] = [x[k]!, y[k]!, score[k]!];
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b <= a || b >= n || gone[a] || gone[b] || !(s > 0 && s <= 1)) return null;
    gone[b] = 1;
  }
  // Old article i becomes new article to[i], or, when it is gone, a number between its neighbours'.
  const to = new Float64Array(n);
  const changed = new Uint8Array(paths.length).fill(1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < paths.length && paths[j]! < was[i]!) j++;
    if (j < paths.length && paths[j] === was[i]) {
      to[i] = j;
      if (prints[j] === wasPrints[i]) changed[j] = 0;
    } else to[i] = j - 0.5;
  }
  return { x: Float64Array.from(x, (a) => to[a]!), y: Float64Array.from(y, (b) => to[b]!), score: Float64Array.from(score), changed };
}

/**
 * Each article's print: a hash (text/hash.ts) of its terms' key, its span and its links (the other
 * article's path and the weight's bits), the links in edge order (agglomerate-replay.ts adjacencyOf). `edges` are
 * ordered by first article, each first article's second articles ascending (index.ts), so article m's
 * links (a, m), a < m, come before its (m, b), each ascending.
 */
export function articlePrints(paths: readonly string[], termKeys: readonly string[], spans: readonly TimeSpan[], edges: WeightedEdges): string[] {
  return new ArticlePrinter(paths, termKeys, spans).printsOf(edges);
}

function articlePrint(paths: readonly string[], termKeys: readonly string[], spans: readonly TimeSpan[], start: Int32Array, other: Int32Array, bits: Int32Array, i: number): string {
  const s = spans[i]!;
  const parts: Array<string | number | null> = [paths[i]!, termKeys[i]!, s.first, s.last, s.weekdays];
  for (let r = start[i]!; r < start[i + 1]!; r++) parts.push(paths[other[r]!]!, bits[r]!);
  return shortHash(JSON.stringify(parts), 32);
}

/**
 * articlePrints of one build's articles on edges whose weights change from call to call (the settle
 * rounds of index.ts: stickyEdges gives the same pairs, in the same arrays, other weights). An article
 * none of whose links changed its weight's bits since the last call keeps the print it had then (its
 * path, terms, span and links are what it was made from); the others are made again.
 */
export class ArticlePrinter {
  private last: { edges: WeightedEdges; bits: Int32Array; prints: string[] } | null = null;
  /** How many prints the last call made (the others were kept). */
  made = 0;

  constructor(
    private readonly paths: readonly string[],
    private readonly termKeys: readonly string[],
    private readonly spans: readonly TimeSpan[],
  ) {}

  printsOf(edges: WeightedEdges): string[] {
    const { paths, termKeys, spans } = this;
    const { start, other, weight } = adjacencyOf(paths.length, edges);
    const bits = new Int32Array(weight.buffer);
    const last = this.last;
    const now = new Int32Array(edges.weight.buffer, edges.weight.byteOffset, edges.weight.length);
    let prints: string[];
    if (last && last.edges.a === edges.a && last.edges.b === edges.b && last.edges.length === edges.length) {
      const changed = new Uint8Array(paths.length);
      for (let k = 0; k < edges.length; k++) {
        if (now[k] === last.bits[k]) continue;
        changed[edges.a[k]!] = 1;
        changed[edges.b[k]!] = 1;
      }
      prints = last.prints.map((print, i) => (changed[i] ? articlePrint(paths, termKeys, spans, start, other, bits, i) : print));
      this.made = changed.reduce((sum, c) => sum + c, 0);
    } else {
      prints = paths.map((_, i) => articlePrint(paths, termKeys, spans, start, other, bits, i));
      this.made = paths.length;
    }
    this.last = { edges, bits: now.slice(), prints };
    return prints;
  }
}
