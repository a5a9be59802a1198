// Clustering's term ids: read where the terms lie in the articles' space-separated lists.
import { describe, expect, it } from "vitest";
import { NAME, NUMBER, Vocabulary, WORD } from "../../src/cluster/vocabulary.ts";

describe("clustering's vocabulary", () => {
  it("gives ids in order of first sight, the same id to the same term and another to the same text of another kind", () => {
    const v = new Vocabulary();
    const into = { ids: new Int32Array(1) };
    const read = (kind: number, joined: string) => {
      const n = v.list(kind, joined, into);
      return Array.from(into.ids.subarray(0, n));
    };
    // One slot to begin with: the list grows it.
    expect(read(WORD, "ferri strike ferri dover")).toEqual([0, 1, 0, 2]);
    expect(read(NAME, "dover rmt")).toEqual([3, 4]);
    expect(v.id(WORD, "the dover port", 4, 9)).toBe(2);
    expect(v.id(NUMBER, "3500", 0, 4)).toBe(5);
    expect(v.list(WORD, "", into)).toBe(0);
    expect(v.size).toBe(6);
  });

  it("keeps every id as the table grows past its first size", () => {
    const v = new Vocabulary();
    const terms = Array.from({ length: 100_000 }, (_, k) => `t${k.toString(36)}`);
    const ids = terms.map((t) => v.id(WORD, t, 0, t.length));
    expect(ids).toEqual(terms.map((_, k) => k));
    expect(terms.map((t) => v.id(WORD, ` ${t} `, 1, t.length + 1))).toEqual(ids);
    expect(v.size).toBe(100_000);
  });
});
