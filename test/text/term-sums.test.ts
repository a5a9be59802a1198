import { describe, expect, it } from "vitest";
import { TermSums } from "../../src/text/term-sums.ts";

describe("sums by word hash", () => {
  it("adds up as a Map would, through growth and from one page to the next", () => {
    const table = new TermSums();
    for (let page = 0; page < 3; page++) {
      table.clear();
      const map = new Map<number, number>();
      // Enough distinct words to make the table grow, with repeats among them.
      for (let i = 0; i < 5000; i++) {
        const key = (Math.imul(i % 1700, 0x2545f491) + page) & 0x3fffffff;
        const v = ((i * 7) % 13) / 3 + page;
        table.add(key, v);
        map.set(key, (map.get(key) ?? 0) + v);
      }
      for (const [key, sum] of map) expect(table.get(key)).toBe(sum);
      expect(table.get(0x3fffffff)).toBe(map.get(0x3fffffff) ?? 0);
    }
  });

  it("forgets the last page's words when cleared", () => {
    const table = new TermSums();
    table.add(42, 1.5);
    table.add(42, 2);
    expect(table.get(42)).toBe(3.5);
    table.clear();
    expect(table.get(42)).toBe(0);
    table.add(42, 1);
    expect(table.get(42)).toBe(1);
  });
});
