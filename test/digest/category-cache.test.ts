// A story's categories from the build cache are the ones storyCategories finds, and a story whose
// texts or outlets changed is not answered from it.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedCategories } from "../../src/digest/index.ts";
import { storyCategories } from "../../src/digest/categories.ts";

const dir = mkdtempSync(join(tmpdir(), "digest-categories-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = [
  "Talks in Belgrade ended on Monday. Officials from Serbia and the European Commission met at the National Gallery.",
  "The European Commission said Serbia had agreed. Reuters reported that Kosovo was not at the table.",
];

describe("categories through the cache", () => {
  it("are storyCategories' answer, kept for the next build, and found again only for the same texts and outlets", async () => {
    const warn = (text: string) => expect.fail(text);
    const first = await cachedCategories(new DiskCache(dir, warn));
    expect(first.categorise(texts, ["Reuters"])).toEqual(storyCategories(texts, ["Reuters"]));
    await first.pack!.commit();
    expect(first.pack!.stats.added).toBe(1);

    const second = await cachedCategories(new DiskCache(dir, warn));
    expect(second.categorise(texts, ["Reuters"])).toEqual(storyCategories(texts, ["Reuters"]));
    expect(second.pack!.stats.hits).toBe(1);
    // Another outlet left out, another text: computed, not taken from the entry above.
    expect(second.categorise(texts, ["Serbia"])).toEqual(storyCategories(texts, ["Serbia"]));
    expect(second.categorise([texts[1]!], ["Reuters"])).toEqual(storyCategories([texts[1]!], ["Reuters"]));
    await second.pack!.commit();
    expect(second.pack!.stats.added).toBe(2);
    expect(storyCategories(texts, ["Serbia"])).not.toEqual(storyCategories(texts, ["Reuters"]));
  });

  it("are storyCategories itself without a cache", async () => {
    const none = await cachedCategories(null);
    expect(none.pack).toBeNull();
    expect(none.categorise).toBe(storyCategories);
  });
});
