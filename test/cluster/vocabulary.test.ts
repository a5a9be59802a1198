// Clustering's term ids: a term is its kind and two hashes; ids in order of first sight, ranks by hash.
import { describe, expect, it } from "vitest";
import { NAME, NUMBER, Vocabulary, WORD } from "../../src/cluster/vocabulary.ts";
import { termBefore, termHash, termTag } from "../../src/cluster/term-record.ts";

describe("clustering's vocabulary", () => {
  it("gives ids in order of first sight, the same id to the same term and another to the same text of another kind", () => {
    const v = new Vocabulary();
    const read = (kind: number, joined: string) => joined.split(" ").map((t) => v.id(kind, t, 0, t.length));
    expect(read(WORD, "ferri strike ferri dover")).toEqual([0, 1, 0, 2]);
    expect(read(NAME, "dover rmt")).toEqual([3, 4]);
    expect(v.id(WORD, "the dover port", 4, 9)).toBe(2);
    expect(v.id(NUMBER, "3500", 0, 4)).toBe(5);
    expect(v.idOf(termHash(NAME, "rmt"), termTag(NAME, "rmt"))).toBe(4);
    expect(v.size).toBe(6);
  });

  it("ranks terms by their hashes, whatever order they were first seen in", () => {
    const words = ["ferri", "strike", "dover", "port", "union", "walk"];
    const ranked = (list: string[]) => {
      const v = new Vocabulary();
      const ids = list.map((t) => v.id(WORD, t, 0, t.length));
      const rank = v.ranks();
      return new Map(list.map((t, k) => [t, rank[ids[k]!]!]));
    };
    expect(ranked(words)).toEqual(ranked([...words].reverse()));
    const order = [...words].sort((x, y) => (termBefore(termHash(WORD, x), termTag(WORD, x), termHash(WORD, y), termTag(WORD, y)) ? -1 : 1));
    expect(order.map((t) => ranked(words).get(t))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("keeps every id as the table grows past its first size", () => {
    const v = new Vocabulary();
    const terms = Array.from({ length: 100_000 }, (_, k) => `t${k.toString(36)}`);
    const ids = terms.map((t) => v.id(WORD, t, 0, t.length));
    expect(ids).toEqual(terms.map((_, k) => k));
    expect(terms.map((t) => v.id(WORD, ` ${t} `, 1, t.length + 1))).toEqual(ids);
    expect(v.size).toBe(100_000);
  });

  it("ranks by unsigned hash, then tag, through every bit of the hash, terms sharing a hash included", () => {
    // Hashes with the top bit set (negative as int32), sharing their low or high 16 bits, and some shared by two terms.
    const hashes = [0, 1, -1, 0x7fffffff, -0x80000000, 0x10000, 0x1ffff, -0x10000, 0x12345678, 0x12340000, 0x5678, -0x12345678, 0x12345678, -1];
    const tags = [5, 4, 3, 2, 1, 0, 7, 9, 3, 8, 6, 2, 1, 0xfffffff0];
    const v = new Vocabulary();
    // Seen in an order unlike the ranks'.
    const seen = hashes.map((_, k) => (k * 5) % hashes.length);
    const ids = new Map(seen.map((k) => [k, v.idOf(hashes[k]!, tags[k]!)]));
    expect(v.size).toBe(hashes.length);
    const rank = v.ranks();
    const expected = hashes.map((_, k) => k).sort((x, y) => (hashes[x]! >>> 0) - (hashes[y]! >>> 0) || (tags[x]! >>> 0) - (tags[y]! >>> 0));
    expect(expected.map((k) => rank[ids.get(k)!])).toEqual(hashes.map((_, k) => k));
  });
});
