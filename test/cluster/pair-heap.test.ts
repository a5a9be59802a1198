// averageLink's typed queue must give its entries in the order agglomerate.ts's Heap does (ties by pair),
// since which merge comes first decides the stories.
import { describe, expect, it } from "vitest";
import { Heap, type Entry } from "../../src/cluster/agglomerate.ts";
import { PairHeap } from "../../src/cluster/pair-heap.ts";

/** A small deterministic generator (no Math.random: the test must be the same every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("the typed merge queue", () => {
  it("pops what the object heap pops, in the same order, with pushes between pops and many equal scores", () => {
    const next = lcg(7);
    const typed = new PairHeap();
    const objects = new Heap();
    let popped = 0;
    // Scores on a coarse grid, so that many entries tie on score and are ordered by pair; more than 1,024
    // entries at once, so the arrays grow.
    for (let round = 0; round < 6000; round++) {
      if (next() < 0.6 || objects.size === 0) {
        const e: Entry = { score: Math.floor(next() * 8) / 8, x: Math.floor(next() * 40), y: 40 + Math.floor(next() * 40), vx: round, vy: Math.floor(next() * 3) };
        objects.push(e);
        typed.push(e.score, e.x, e.y, e.vx, e.vy);
      } else {
        const e = objects.pop();
        typed.pop();
        expect([typed.topScore, typed.topX, typed.topY]).toEqual([e.score, e.x, e.y]);
        popped++;
      }
      expect(typed.size).toBe(objects.size);
    }
    while (objects.size > 0) {
      const e = objects.pop();
      typed.pop();
      expect([typed.topScore, typed.topX, typed.topY]).toEqual([e.score, e.x, e.y]);
    }
    expect(popped).toBeGreaterThan(1000);
  });

  it("keeps an entry's versions with it", () => {
    const typed = new PairHeap();
    typed.push(0.5, 1, 2, 3, 4);
    typed.push(0.9, 5, 6, 7, 8);
    typed.pop();
    expect([typed.topScore, typed.topX, typed.topY, typed.topVx, typed.topVy]).toEqual([0.9, 5, 6, 7, 8]);
    typed.pop();
    expect([typed.topScore, typed.topX, typed.topY, typed.topVx, typed.topVy]).toEqual([0.5, 1, 2, 3, 4]);
    expect(typed.size).toBe(0);
  });
});
