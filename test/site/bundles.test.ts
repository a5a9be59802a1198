// Search bundles stay put as the site grows: a new story changes the bundle it falls in (or splits it),
// and every other bundle keeps its folder and its stories, so a daily build rebuilds one or two bundles.
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLE_PAGES, MAX_BUNDLES, meanBundlePages, shareBundles } from "../../src/site/bundles.ts";
import { shortHash } from "../../src/text/hash.ts";

/** Story ids as the site has them, newest first (the model's order). */
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `s-${shortHash(`story ${from + n - 1 - i}`)}`);
const byFolder = (list: readonly string[]) => new Map(shareBundles(list).map((b) => [b.folder, b.stories.map((i) => list[i]!).join(" ")]));
/** Bundles of `after` that are not, with the same stories, bundles of `before`. */
const changed = (before: readonly string[], after: readonly string[]) => {
  const was = byFolder(before);
  return [...byFolder(after)].filter(([folder, stories]) => was.get(folder) !== stories).length;
};

afterEach(() => {
  delete process.env.DIGEST_TEST_BUNDLES;
});

describe("search bundles", () => {
  it("holds every story once, each bundle's stories and the bundles in the model's order", () => {
    const list = ids(5000);
    const shares = shareBundles(list);
    expect(shares.flatMap((b) => b.stories)).toEqual(list.map((_, i) => i));
    expect(shares.at(-1)!.folder).toBe("pagefind");
    expect(new Set(shares.map((b) => b.folder)).size).toBe(shares.length);
    for (const b of shares) expect(b.folder).toMatch(/^pagefind(-\d+)?$/);
    // About 5000 / 256 bundles, none beyond four times the mean.
    expect(shares.length).toBeGreaterThan(8);
    expect(shares.length).toBeLessThan(40);
    expect(Math.max(...shares.map((b) => b.stories.length))).toBeLessThanOrEqual(4 * BUNDLE_PAGES);
  });

  it("puts a new newest story in the newest bundle, or in a new one of its own", () => {
    for (let n = 3000; n < 3040; n++) {
      const before = ids(n);
      const after = ids(n + 1);
      expect(changed(before, after), `story ${n + 1}`).toBe(1);
    }
  });

  it("changes one bundle, or splits one in two, when a story comes in among older ones", () => {
    const before = ids(4000);
    for (const at of [0, 1, 17, 999, 2500, 3999]) {
      const after = [...before.slice(0, at), `s-new-${at}`, ...before.slice(at)];
      expect(changed(before, after), `at ${at}`).toBeLessThanOrEqual(2);
    }
  });

  it("keeps the old bundles while a day's stories come in", () => {
    const before = ids(4000);
    const after = ids(4300);
    const total = shareBundles(after).length;
    expect(changed(before, after)).toBeLessThan(total / 3);
  });

  it("gives a site with no stories one bundle, and grows the mean rather than the bundles", () => {
    expect(shareBundles([])).toEqual([{ folder: "pagefind", stories: [] }]);
    expect(meanBundlePages(1000)).toBe(BUNDLE_PAGES);
    expect(meanBundlePages(BUNDLE_PAGES * MAX_BUNDLES + 1)).toBe(2 * BUNDLE_PAGES);
    process.env.DIGEST_TEST_BUNDLES = "3";
    expect(meanBundlePages(30)).toBe(10);
    process.env.DIGEST_TEST_BUNDLES = "1";
    expect(shareBundles(ids(5000))).toHaveLength(1);
  });
});
