// The search index in bundles. Pagefind rebuilds a whole index whenever one page in it changes (its
// files depend on every page), at about 0.6 ms a page, so one index for a large site would make every
// new article cost seconds. The story pages are shared out among bundles of a few hundred pages by a
// hash of the story id (a story stays in its bundle as the site grows); a build rebuilds only the
// bundles whose pages changed. The search page searches every bundle with a module of its own
// (templates/search-bundles.njk), which drops a bundle's results that Pagefind found by its prefix
// fallback, so the results are the pages one index would find (docs/scaling.md, "Search").
import { fnv1a } from "../text/hash.ts";

/** Story pages per bundle before the site gets another bundle; and the most bundles a site gets. */
export const BUNDLE_PAGES = 250;
export const MAX_BUNDLES = 64;

/** How many bundles a site with `pages` story pages has (DIGEST_TEST_BUNDLES: that many, for tests). */
export function bundleCount(pages: number): number {
  const test = Number(process.env.DIGEST_TEST_BUNDLES);
  if (Number.isInteger(test) && test > 0) return test;
  return Math.max(1, Math.min(MAX_BUNDLES, Math.ceil(pages / BUNDLE_PAGES)));
}

/** The folder of bundle `i` in the site: "pagefind", then "pagefind-2", "pagefind-3", … */
export function bundleFolder(i: number): string {
  return i === 0 ? "pagefind" : `pagefind-${i + 1}`;
}

export function bundleOf(storyId: string, bundles: number): number {
  return bundles === 1 ? 0 : fnv1a(storyId) % bundles;
}
