// A scratch array stands in for a new typed array page after page: it must read as one (all zeros,
// the asked length) whatever the page before wrote into it or however long it was.
import { describe, expect, it } from "vitest";
import { float64Scratch, int8Scratch } from "../../src/clean/scratch.ts";

describe("Scratch", () => {
  it("gives zeros of the asked length after an earlier, longer or shorter, use was written over", () => {
    const s = float64Scratch();
    for (const n of [3, 300, 7, 1000, 0, 1000]) {
      const a = s.zeros(n);
      expect(a.length).toBe(n);
      expect(Array.from(a).every((v) => v === 0)).toBe(true);
      a.fill(-2.5);
    }
  });

  it("gives room of the asked length, sharing the zeros' array", () => {
    const s = float64Scratch();
    s.zeros(10).fill(7);
    const r = s.room(5);
    expect(r.length).toBe(5);
    expect(r[4]).toBe(7);
    expect(s.room(5000).length).toBe(5000);
  });

  it("keeps the element type", () => {
    const a = int8Scratch().zeros(4);
    a[0] = 200;
    expect(a).toBeInstanceOf(Int8Array);
    expect(a[0]).toBe(-56);
  });
});
