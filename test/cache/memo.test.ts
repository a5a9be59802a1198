import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskCache, type Namespace } from "../../src/cache/pack.ts";
import { memoise } from "../../src/cache/memo.ts";

const lists: Namespace<string[]> = { name: "lists", accepts: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string") };

describe("memoise", () => {
  it("answers a call it has seen, in a later build, with a copy; new arguments or new code are computed", async () => {
    const cache = new DiskCache(mkdtempSync(join(tmpdir(), "digest-memo-")), (w) => expect.fail(w));
    let computed = 0;
    const words = (text: { t: string }, limit?: number) => {
      computed++;
      return text.t.split(" ").slice(0, limit);
    };
    const first = await cache.open(lists, "all");
    const f1 = memoise(first, "code-1", words);
    expect(f1({ t: "a b c" })).toEqual(["a", "b", "c"]);
    expect(f1({ t: "a b c" }, 2)).toEqual(["a", "b"]);
    await first.commit();
    expect(computed).toBe(2);

    const second = await cache.open(lists, "all");
    const stats = { calls: 0, hits: 0 };
    const f2 = memoise(second, "code-1", words, stats);
    const hit = f2({ t: "a b c" }, undefined);
    expect(hit).toEqual(["a", "b", "c"]);
    hit.push("changed");
    expect(f2({ t: "a b c" })).toEqual(["a", "b", "c"]);
    expect(f2({ t: "a b d" })).toEqual(["a", "b", "d"]);
    expect(stats).toEqual({ calls: 3, hits: 2 });
    expect(computed).toBe(3);
    expect(memoise(second, "code-2", words)({ t: "a b c" })).toEqual(["a", "b", "c"]);
    expect(computed).toBe(4);
    await second.commit();
    expect(second.stats.pruned).toBe(1); // the (text, 2) call was not made again
  });
});
