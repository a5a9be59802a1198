// averageLink keeps each group's links in flat typed arrays (agglomerate.ts GroupLinks) rather than a Map
// per group: the merges, their order and their means must be what the Map-based agglomeration makes
// (agglomerate-replay.ts with every article changed runs it: each group's links summed into a Map).
import { describe, expect, it } from "vitest";
import { averageLink, type AgglomerateOptions, type MergeLog, type WeightedEdges } from "../../src/cluster/agglomerate.ts";
import { replayAverageLink } from "../../src/cluster/agglomerate-replay.ts";

/** A small deterministic generator (no Math.random: the test must be the same every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Clusters of articles linked inside more than across, weights on the context grid's coarse steps, some pairs given twice (either way round). */
function graph(seed: number, n: number): WeightedEdges {
  const next = lcg(seed);
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < Math.min(n, i + 12); j++) {
      const near = Math.floor(i / 6) === Math.floor(j / 6);
      if (next() > (near ? 0.8 : 0.3)) continue;
      const weight = Math.round((near ? 0.5 + next() * 0.5 : 0.05 + next() * 0.6) * 16) / 16;
      const flip = next() < 0.3;
      a.push(flip ? j : i);
      b.push(flip ? i : j);
      w.push(weight);
      if (next() < 0.05) {
        a.push(i);
        b.push(j);
        w.push(Math.round(next() * 16) / 16 || 0.0625);
      }
    }
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), weight: Float32Array.from(w), length: a.length };
}

/** Options as the decision's: a higher bar once a group is large, a window that refuses some pairs; records what it was told. */
function options(n: number, told: number[]): AgglomerateOptions {
  const size = new Int32Array(n).fill(1);
  return {
    threshold: 0.45,
    bar: (x, y) => (size[x]! >= 4 && size[y]! >= 4 ? 0.7 : size[x]! >= 4 || size[y]! >= 4 ? 0.4 : 0.45),
    missing: 0,
    canJoin: (x, y) => (x * 7 + y * 3) % 11 !== 0,
    joined: (keep, gone) => {
      size[keep]! += size[gone]!;
      told.push(keep, gone);
    },
  };
}

describe("average-link agglomeration on typed links", () => {
  it("makes the Map-based agglomeration's merges, in its order, at its means", () => {
    let merges = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const n = 60 + seed * 7;
      const edges = graph(seed, n);
      const [toldTyped, toldMaps]: number[][] = [[], []];
      const [logTyped, logMaps]: MergeLog[] = [{ x: [], y: [], score: [] }, { x: [], y: [], score: [] }];
      const typed = averageLink(n, edges, options(n, toldTyped), logTyped);
      const maps = replayAverageLink(n, edges, options(n, toldMaps), { x: new Float64Array(0), y: new Float64Array(0), score: new Float64Array(0), changed: new Uint8Array(n).fill(1) }, logMaps);
      expect([...typed]).toEqual([...maps]);
      expect(logTyped).toEqual(logMaps);
      expect(toldTyped).toEqual(toldMaps);
      merges += logTyped.x.length;
    }
    expect(merges).toBeGreaterThan(500);
  });
});
