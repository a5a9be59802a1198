import { describe, expect, it } from "vitest";
import { groupArticles, type MergeDecision } from "../../src/cluster/decision.ts";
import { ArticlePrinter, articlePrints, replayingAgglomeration, replayOf, settlingAgglomeration } from "../../src/cluster/groups.ts";
import { averageLink, type MergeLog, type WeightedEdges } from "../../src/cluster/agglomerate.ts";
import { stickyEdges } from "../../src/cluster/hysteresis.ts";
import type { ReplayStats } from "../../src/cluster/agglomerate-replay.ts";
import type { Profile } from "../../src/cluster/profile.ts";
import type { StoredGroups } from "../../src/cluster/rows.ts";
import type { TimeSpan } from "../../src/cluster/time.ts";
import { addDays } from "../../src/text/dates.ts";

// A month of articles, a few a day, linked within the two-day window: runs of strongly linked reports
// (stories), weaker links between them, and a few weights repeated exactly (ties). A later build adds
// an article or changes a few links; grouping with the first build's log must give what grouping from
// scratch gives.
interface Graph {
  paths: string[];
  spans: TimeSpan[];
  names: number[][];
  edges: Array<[number, number, number]>;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return ((s ^ (s >>> 12)) >>> 0) / 2 ** 32;
  };
}

const WEIGHTS = [0.95, 0.9, 0.7, 0.55, 0.4, 0.3, 0.12, 0.06];

function makeGraph(seed: number, n: number, linked = 0.35): Graph {
  const rand = random(seed);
  const days = Array.from({ length: n }, () => Math.floor(rand() * 30)).sort((a, b) => a - b);
  const paths = days.map((_, i) => `a${String(i * 10).padStart(5, "0")}.txt`);
  const spans = days.map((d) => {
    const day = addDays("2025-03-01", d);
    return { first: day, last: day, weekdays: 0 };
  });
  // Each article is about one of a few people; a story's reports mostly share them.
  const names = days.map((d) => [d % 7, 7 + Math.floor(rand() * 3)]);
  const edges: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n && days[j]! - days[i]! <= 2; j++) {
      const r = rand();
      if (r < linked) edges.push([i, j, r < 0.15 * (linked / 0.35) ? WEIGHTS[Math.floor(rand() * WEIGHTS.length)]! : Math.fround(0.05 + 0.95 * rand())]);
    }
  }
  return { paths, spans, names, edges };
}

const decision: MergeDecision = { threshold: 0.45, storyThreshold: 0.2, storiesThreshold: 0.5, established: 4, protagonists: { minGroup: 3, core: 0.6, absent: 0.2 } };

function edgesOf(g: Graph) {
  const list = [...g.edges].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { a: Int32Array.from(list, (e) => e[0]), b: Int32Array.from(list, (e) => e[1]), weight: Float32Array.from(list, (e) => e[2]), length: list.length };
}

const noIds = { ids: new Int32Array(0), from: 0, to: 0 };
const profilesOf = (g: Graph) => g.names.map((ids) => ({ names: { ids: Int32Array.from(ids), weights: Float32Array.from(ids, () => 1), from: 0, to: ids.length }, days: noIds, years: noIds, months: 0, weekdays: 0 }) as unknown as Profile);
const termKeys = (g: Graph) => g.paths.map((p) => `terms of ${p}`);
const printerOf = (g: Graph) => new ArticlePrinter(g.paths, termKeys(g), g.spans);

/** Groups from scratch, and what a build would store. */
function cold(g: Graph, d = decision): { groups: Array<{ members: number[]; span: TimeSpan }>; stored: StoredGroups } {
  const edges = edgesOf(g);
  const run = replayingAgglomeration(g.paths, printerOf(g), edges, undefined, 1);
  const groups = groupArticles(g.spans, edges, d, 2, profilesOf(g), run.agglomerate);
  return { groups, stored: run.result() };
}

function replayed(g: Graph, stored: StoredGroups, d = decision): { groups: Array<{ members: number[]; span: TimeSpan }>; stats: ReplayStats } {
  const edges = edgesOf(g);
  const stats: ReplayStats = { replayed: 0, live: 0, liveGroups: 0 };
  const run = replayingAgglomeration(g.paths, printerOf(g), edges, stored, 1, stats);
  return { groups: groupArticles(g.spans, edges, d, 2, profilesOf(g), run.agglomerate), stats };
}

/** The graph with a new article on `day` (path between two others), linked to a few articles near it. */
function withNewArticle(g: Graph, seed: number, day: number): Graph {
  const rand = random(seed);
  const date = addDays("2025-03-01", day);
  const at = g.spans.findIndex((s) => s.first! >= date);
  const k = at < 0 ? g.paths.length : at;
  const shift = (i: number) => (i >= k ? i + 1 : i);
  const path = k === 0 ? "a00000-new.txt" : `${g.paths[k - 1]}-new`;
  const edges = g.edges.map(([a, b, w]): [number, number, number] => [shift(a), shift(b), w]);
  for (let i = 0; i < g.paths.length; i++) {
    const d = (Date.parse(g.spans[i]!.first!) - Date.parse(date)) / 86_400_000;
    if (Math.abs(d) <= 2 && rand() < 0.3) edges.push(i < k ? [i, k, 0.9] : [k, shift(i), 0.9]);
  }
  return {
    paths: [...g.paths.slice(0, k), path, ...g.paths.slice(k)],
    spans: [...g.spans.slice(0, k), { first: date, last: date, weekdays: 0 }, ...g.spans.slice(k)],
    names: [...g.names.slice(0, k), [day % 7, 8], ...g.names.slice(k)],
    edges,
  };
}

/** `g` with the first four reports of every other day that has four made two look-alike pairs, linked to nothing else. */
function withLookAlikes(g: Graph): Graph {
  const firsts = g.spans.map((_, i) => i).filter((i) => (i === 0 || g.spans[i - 1]!.first !== g.spans[i]!.first) && g.spans[i + 3]?.first === g.spans[i]!.first);
  const starts = firsts.filter((_, k) => k % 2 === 0);
  const inQuad = (i: number) => starts.some((q) => i >= q && i < q + 4);
  const edges = g.edges.filter(([a, b]) => !inQuad(a) && !inQuad(b));
  const names = g.names.map((n) => [...n]);
  for (const q of starts) {
    edges.push([q, q + 1, 0.95], [q + 2, q + 3, 0.95], [q, q + 2, 0.95], [q + 1, q + 3, 0.95]);
    names[q] = names[q + 1] = [100 + q];
    names[q + 2] = names[q + 3] = [200 + q];
  }
  return { ...g, edges, names };
}

describe("grouping with the last build's merges", () => {
  it("gives the groups grouping from scratch gives, after a new article, changed links or a removed article", () => {
    let replayedMerges = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = makeGraph(seed, 240);
      const first = cold(g);
      const rand = random(seed * 7919);
      const variants: Graph[] = [
        withNewArticle(g, seed, Math.floor(rand() * 30)),
        withNewArticle(g, seed + 1, 29),
        // A few links weighed anew (the IDF of a day moved).
        { ...g, edges: g.edges.map(([a, b, w], k): [number, number, number] => [a, b, k % 37 === seed % 37 ? WEIGHTS[k % WEIGHTS.length]! : w]) },
        // An article gone, with its links.
        (() => {
          const gone = Math.floor(rand() * g.paths.length);
          const keep = (i: number) => i !== gone;
          const to = (i: number) => (i > gone ? i - 1 : i);
          return {
            paths: g.paths.filter((_, i) => keep(i)),
            spans: g.spans.filter((_, i) => keep(i)),
            names: g.names.filter((_, i) => keep(i)),
            edges: g.edges.filter(([a, b]) => keep(a) && keep(b)).map(([a, b, w]): [number, number, number] => [to(a), to(b), w]),
          };
        })(),
      ];
      for (const next of variants) {
        const again = replayed(next, first.stored);
        expect(again.groups).toEqual(cold(next).groups);
        replayedMerges += again.stats.replayed;
      }
    }
    // The log was replayed, not merely worked out again.
    expect(replayedMerges).toBeGreaterThan(1000);
  });

  it("with the look-alike check (it reads only the two groups' reports and links), gives the groups grouping from scratch gives", () => {
    // Sparse links, and on some days four reports made two look-alike pairs (each pair tight, linked across more
    // weakly, each about someone the other never names) that the check parts unless a link reaches them.
    const looking: MergeDecision = { ...decision, lookAlike: { maxGroup: 3, core: 0.5, ratio: 1 } };
    let parted = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = withLookAlikes(makeGraph(seed, 240, 0.06));
      const first = cold(g, looking);
      if (JSON.stringify(first.groups) !== JSON.stringify(cold(g).groups)) parted++;
      const rand = random(seed * 7919);
      for (const next of [withNewArticle(g, seed, Math.floor(rand() * 30)), { ...g, edges: g.edges.filter((_, k) => k % 29 !== seed % 29) }]) {
        expect(replayed(next, first.stored, looking).groups).toEqual(cold(next, looking).groups);
      }
    }
    expect(parted).toBeGreaterThan(5);
  });

  it("does not replay a log that is not one of merges of its own articles", () => {
    const g = makeGraph(3, 120);
    const { stored } = cold(g);
    const prints = replayingAgglomeration(g.paths, printerOf(g), edgesOf(g), undefined).result().prints;
    expect(replayOf(stored, g.paths, prints)).not.toBeNull();
    const damaged: StoredGroups[] = [
      { ...stored, y: stored.y.map((y, k) => (k === 0 ? stored.x[0]! : y)) }, // a group merged with itself
      { ...stored, x: [...stored.x, stored.x[0]!], y: [...stored.y, stored.y[0]!], score: [...stored.score, 0.9] }, // a group merged after it was gone
      { ...stored, score: stored.score.map(() => 2) },
      { ...stored, paths: [...stored.paths].reverse() },
      { ...stored, prints: stored.prints.slice(1) },
      { ...stored, y: stored.y.map((y) => y + g.paths.length) },
    ];
    for (const d of damaged) expect(replayOf(d, g.paths, prints)).toBeNull();
    // Another corpus's log: every article is new to it, and the groups are grouping's from scratch.
    const other = makeGraph(4, 120);
    const foreign = replayed(g, cold(other).stored);
    expect(foreign.groups).toEqual(cold(g).groups);
    expect(foreign.stats.replayed).toBe(0);
  });

  it("in a settle round, replays the round before's merges where no moved link reaches, and gives the groups grouping from scratch gives", () => {
    const stats: ReplayStats = { replayed: 0, live: 0, liveGroups: 0 };
    let replayedMerges = 0;
    let settled = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const g = makeGraph(seed, 240);
      const edges = edgesOf(g);
      const scratch = (weighed: WeightedEdges) => groupArticles(g.spans, weighed, decision, 2, profilesOf(g), averageLink);
      const storyOf = (groups: Array<{ members: number[] }>) => new Map(groups.flatMap((s, k) => s.members.map((i) => [g.paths[i]!, k] as const)));
      // As index.ts settles a first build: grouped, then grouped again with those groups as the published ones.
      const log: MergeLog = { x: [], y: [], score: [] };
      let weighed: WeightedEdges = stickyEdges(edges, g.paths, storyOf(scratch(edges)));
      let groups = groupArticles(g.spans, weighed, decision, 2, profilesOf(g), (n, e, o) => averageLink(n, e, o, log));
      let previous = log;
      // Then again from the groups that gave, and once from a few links weighed anew.
      const rand = random(seed * 31);
      const moved = { ...edges, weight: edges.weight.map((w, k) => (k % 41 === seed % 41 ? WEIGHTS[Math.floor(rand() * WEIGHTS.length)]! : w)) };
      for (const again of [stickyEdges(edges, g.paths, storyOf(groups)), stickyEdges(moved, g.paths, storyOf(groups))]) {
        const settling = settlingAgglomeration(weighed, again, previous, g.paths.length, 1, stats);
        if (settling.changed === 0) continue;
        settled++;
        const next = groupArticles(g.spans, again, decision, 2, profilesOf(g), settling.agglomerate);
        expect(next).toEqual(scratch(again));
        replayedMerges += stats.replayed;
        [weighed, groups, previous] = [again, next, settling.log];
      }
    }
    expect(settled).toBeGreaterThan(40);
    // The round before's log was replayed, not merely worked out again.
    expect(replayedMerges).toBeGreaterThan(1000);
  });

  it("makes again, round after round, only the prints of articles a moved link touches; each round's prints are made-from-scratch prints", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const g = makeGraph(seed, 240);
      const edges = edgesOf(g);
      const printer = new ArticlePrinter(g.paths, termKeys(g), g.spans);
      expect(printer.printsOf(edges)).toEqual(articlePrints(g.paths, termKeys(g), g.spans, edges));
      expect(printer.made).toBe(g.paths.length);
      // Stories as settle rounds see them: the first 200 articles published six by six, then the first 60 of them twelve by twelve.
      const storyOf = (i: number, first: number): number[] => (i < first ? [1000 + Math.floor(i / 12)] : i < 200 ? [Math.floor(i / 6)] : []);
      const published = (first: number) => new Map(g.paths.flatMap((p, i) => storyOf(i, first).map((k) => [p, k] as const)));
      const rounds = [stickyEdges(edges, g.paths, published(0)), stickyEdges(edges, g.paths, published(60))];
      let previous: WeightedEdges = edges;
      for (const again of rounds) {
        const touched = new Set<number>();
        for (let k = 0; k < again.length; k++) if (again.weight[k] !== previous.weight[k]) [again.a[k]!, again.b[k]!].forEach((i) => touched.add(i));
        expect(touched.size).toBeGreaterThan(0);
        expect(touched.size).toBeLessThan(g.paths.length);
        expect(printer.printsOf(again)).toEqual(articlePrints(g.paths, termKeys(g), g.spans, again));
        expect(printer.made).toBe(touched.size);
        // The same weights again: nothing to make.
        expect(printer.printsOf(again)).toEqual(articlePrints(g.paths, termKeys(g), g.spans, again));
        expect(printer.made).toBe(0);
        previous = again;
      }
      // Other pairs (another array of them): every print is made again.
      const fewer = { ...edges, a: edges.a.slice(), b: edges.b.slice(), length: edges.length - 1 };
      expect(printer.printsOf(fewer)).toEqual(articlePrints(g.paths, termKeys(g), g.spans, fewer));
      expect(printer.made).toBe(g.paths.length);
    }
  });
});
