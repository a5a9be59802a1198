// The agglomeration of agglomerate.ts again after a few articles changed, without redoing what they
// cannot reach. The run is a function of what the groups hold: a merge's mean is an exact sum (every
// weight is a float32 of at least MIN_EDGE, a multiple of 2^-28, so float64 sums of them do not depend
// on their order), the bars and the window ask sizes, spans and names, and ties go to the pair of
// smallest members (each group's root). So a group that holds what it held in the last build, none of
// whose articles changed (terms, day, links), does what it did then: its next merge is the one the last
// build's log gives, at the same mean, unless something that changed reaches it first.
//
// One heap holds both kinds of entry. A group is "live" once something changed reaches it: it is
// simulated as averageLink does (its links to every neighbouring group, live or not, summed from its
// members' edges). Any other group only replays its logged merges: a logged merge is queued (at its
// logged mean and pair, where the last build's heap had it) once both groups stand where they stood
// when it was made. When it comes out of the heap and both still stand there, it is made again; when
// one side has gone live (or is no longer there), the other goes live at that moment, as its own
// history ends there. A live group's entries with a non-live neighbour are updated as the neighbour
// replays merges. Since the first change reaches few groups (the date window bounds a group to a few
// days), most of the log is replayed and most groups' links are never summed.
//
// The decision's callbacks (`joined`, asked by the bars and the window) are called for a replayed
// merge only when a live group needs to ask about it (in the order made); the caller must not read
// the state `joined` keeps for groups never asked about.
import { add, Heap, type AgglomerateOptions, type Link, type MergeLog, type WeightedEdges } from "./agglomerate.ts";
import { rowStarts } from "../text/rows.ts";

export interface Replay {
  /**
   * The last build's merges (its MergeLog) with its articles renumbered to this build's: an article no
   * longer here is given a number between its neighbours' (not a whole number), so the order of pairs stays.
   */
  x: Float64Array;
  y: Float64Array;
  score: Float64Array;
  /** Articles (this build's) that are new or whose terms, day or links changed: live from the start. */
  changed: Uint8Array;
}

export interface ReplayStats {
  /** Logged merges made again, and merges worked out live. */
  replayed: number;
  live: number;
  /** Groups that went live (articles changed at the start, and groups reached later). */
  liveGroups: number;
}

/** As averageLink (same roots, same `log`), replaying `replay` where nothing changed reaches. */
export function replayAverageLink(n: number, edges: WeightedEdges, options: AgglomerateOptions, replay: Replay, log: MergeLog, stats?: ReplayStats): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) [i, parent[i]] = [parent[i]!, r];
    return r;
  };
  const size = new Int32Array(n).fill(1);
  const version = new Int32Array(n);
  const live = new Uint8Array(n);
  const links: Array<Map<number, Link> | undefined> = new Array(n);
  /** The live groups a non-live group has links to. */
  const liveNeighbours: Array<Set<number> | undefined> = new Array(n);
  // Members as linked lists (next[i]: the member after i, -1 at the end), so that joining is O(1).
  const next = new Int32Array(n).fill(-1);
  const tail = Int32Array.from({ length: n }, (_, i) => i);
  // Merges replayed but not yet told to `joined`, per root, oldest first (a linked list of log entries).
  const pendingHead = new Int32Array(n).fill(-1);
  const pendingTail = new Int32Array(n).fill(-1);
  const pendingNext: number[] = [];
  const pendingKeep: number[] = [];
  const pendingGone: number[] = [];
  const adjacency = adjacencyOf(n, edges);
  const mean = (l: Link, pairs: number) => (l.sum + (pairs - l.count) * options.missing) / pairs;
  const bar = options.bar ?? (() => options.threshold);
  const heap = new Heap();
  const counts: ReplayStats = stats ?? { replayed: 0, live: 0, liveGroups: 0 };
  Object.assign(counts, { replayed: 0, live: 0, liveGroups: 0 });

  // Each article's logged merges in order (compressed rows), and how far its group has replayed them.
  const events = replay.score.length;
  const whole = (v: number) => Number.isInteger(v) && v >= 0 && v < n;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < events; k++) {
    if (whole(replay.x[k]!)) start[replay.x[k]! + 1]!++;
    if (whole(replay.y[k]!)) start[replay.y[k]! + 1]!++;
  }
  const fill = rowStarts(start);
  const involved = new Int32Array(start[n]!);
  for (let k = 0; k < events; k++) {
    if (whole(replay.x[k]!)) involved[fill[replay.x[k]!]!++] = k;
    if (whole(replay.y[k]!)) involved[fill[replay.y[k]!]!++] = k;
  }
  const at = start.slice(0, n);
  const queued = new Uint8Array(events);
  /** Whether article s (a logged side of merge k) is a group that stands where it stood at merge k and has not gone live. */
  const standsAt = (s: number, k: number) => whole(s) && !live[find(s)] && at[s]! < start[s + 1]! && involved[at[s]!] === k;
  /** Queues logged merge k once each side either stands at it or is gone live (or is no longer here), and one side stands at it. */
  const offer = (k: number) => {
    if (queued[k]) return;
    const x = replay.x[k]!;
    const y = replay.y[k]!;
    const sx = standsAt(x, k);
    const sy = standsAt(y, k);
    if (!sx && !sy) return;
    if ((sx || !whole(x) || live[find(x)]) && (sy || !whole(y) || live[find(y)])) {
      queued[k] = 1;
      heap.push({ score: replay.score[k]!, x, y, vx: 0, vy: 0, event: k });
    }
  };

  /** Tells `joined` the merges replayed into root r that it has not been told. */
  const settle = (r: number) => {
    for (let p = pendingHead[r]!; p >= 0; p = pendingNext[p]!) options.joined(pendingKeep[p]!, pendingGone[p]!);
    pendingHead[r] = pendingTail[r] = -1;
  };
  /** Queues the pair of roots x, y as averageLink would (their settled state asked by the bars). */
  const offerPair = (x: number, y: number, l: Link) => {
    const score = mean(l, size[x]! * size[y]!);
    if (score < options.threshold) return;
    const [lo, hi] = x < y ? [x, y] : [y, x];
    settle(lo);
    settle(hi);
    if (score < bar(lo, hi)) return;
    heap.push({ score, x: lo, y: hi, vx: version[lo]!, vy: version[hi]! });
  };
  const goLive = (r: number) => {
    if (live[r]) return;
    live[r] = 1;
    counts.liveGroups++;
    const own = new Map<number, Link>();
    for (let m = r; m >= 0; m = next[m]!) {
      for (let k = adjacency.start[m]!; k < adjacency.start[m + 1]!; k++) {
        const c = find(adjacency.other[k]!);
        if (c !== r) add(own, c, adjacency.weight[k]!, 1);
      }
    }
    links[r] = own;
    liveNeighbours[r] = undefined;
    // A live neighbour already holds its link to r (made when it went live, kept as r replayed merges).
    for (const c of own.keys()) if (!live[c]) (liveNeighbours[c] ??= new Set()).add(r);
    for (const [c, l] of own) offerPair(r, c, l);
    // Its logged merges will not be made: each is now the end of the other side's history.
    for (let m = r; m >= 0; m = next[m]!) for (let p = at[m]!; p < start[m + 1]!; p++) offer(involved[p]!);
  };
  const joinRoots = (keep: number, gone: number) => {
    parent[gone] = keep;
    size[keep]! += size[gone]!;
    size[gone] = 0;
    version[gone] = -1;
    version[keep]!++;
    next[tail[keep]!] = gone;
    tail[keep] = tail[gone]!;
  };

  for (let i = 0; i < n; i++) if (replay.changed[i]) goLive(i);
  for (let k = 0; k < events; k++) offer(k);

  while (heap.size > 0) {
    const e = heap.pop();
    if (e.event !== undefined) {
      const k = e.event;
      const x = replay.x[k]!;
      const y = replay.y[k]!;
      const sx = standsAt(x, k);
      const sy = standsAt(y, k);
      if (sx && sy) {
        // Made again as logged: the live groups linked to either side see one group now.
        joinRoots(x, y);
        at[x]!++;
        at[y]!++;
        const p = pendingNext.length;
        pendingNext.push(-1);
        pendingKeep.push(x);
        pendingGone.push(y);
        if (pendingTail[y]! >= 0) {
          if (pendingTail[x]! >= 0) pendingNext[pendingTail[x]!] = pendingHead[y]!;
          else pendingHead[x] = pendingHead[y]!;
          pendingTail[x] = pendingTail[y]!;
        }
        if (pendingTail[x]! >= 0) pendingNext[pendingTail[x]!] = p;
        else pendingHead[x] = p;
        pendingTail[x] = p;
        pendingHead[y] = pendingTail[y] = -1;
        let around = liveNeighbours[x];
        const gone = liveNeighbours[y];
        if (gone) {
          for (const c of gone) {
            const there = links[c]!;
            const l = there.get(y)!;
            there.delete(y);
            add(there, x, l.sum, l.count);
          }
          if (!around) around = gone;
          else {
            const [big, small] = around.size >= gone.size ? [around, gone] : [gone, around];
            for (const c of small) big.add(c);
            around = big;
          }
        }
        liveNeighbours[x] = around;
        liveNeighbours[y] = undefined;
        if (around) for (const c of around) offerPair(x, c, links[c]!.get(x)!);
        log.x.push(x);
        log.y.push(y);
        log.score.push(e.score);
        counts.replayed++;
        if (at[x]! < start[x + 1]!) offer(involved[at[x]!]!);
      } else {
        if (sx) goLive(x);
        if (sy) goLive(y);
      }
      continue;
    }
    if (version[e.x] !== e.vx || version[e.y] !== e.vy) continue;
    settle(e.x);
    settle(e.y);
    if (!options.canJoin(e.x, e.y)) continue;
    goLive(e.x);
    goLive(e.y);
    const keep = e.x;
    const gone = e.y;
    const into = links[keep]!;
    into.delete(gone);
    for (const [c, l] of links[gone]!) {
      if (c === keep) continue;
      add(into, c, l.sum, l.count);
      if (live[c]) {
        const back = links[c]!;
        add(back, keep, l.sum, l.count);
        back.delete(gone);
      } else {
        const around = liveNeighbours[c]!;
        around.delete(gone);
        around.add(keep);
      }
    }
    links[gone] = undefined;
    joinRoots(keep, gone);
    options.joined(keep, gone);
    log.x.push(keep);
    log.y.push(gone);
    log.score.push(e.score);
    counts.live++;
    for (const [c, l] of into) offerPair(keep, c, l);
  }
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

/** Each item's edges both ways (compressed rows): item m's other ends other[start[m]] … and their weights. */
export function adjacencyOf(n: number, edges: WeightedEdges): { start: Int32Array; other: Int32Array; weight: Float32Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < edges.length; k++) {
    start[edges.a[k]! + 1]!++;
    start[edges.b[k]! + 1]!++;
  }
  const fill = rowStarts(start);
  const other = new Int32Array(2 * edges.length);
  const weight = new Float32Array(2 * edges.length);
  for (let k = 0; k < edges.length; k++) {
    const a = edges.a[k]!;
    const b = edges.b[k]!;
    const w = edges.weight[k]!;
    other[fill[a]!] = b;
    weight[fill[a]!++] = w;
    other[fill[b]!] = a;
    weight[fill[b]!++] = w;
  }
  return { start, other, weight };
}
