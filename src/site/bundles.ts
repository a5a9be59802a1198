// The search index in bundles. Pagefind rebuilds a whole index whenever one page in it changes (its
// files depend on every page), at about a millisecond a page, so one index for a large site would make
// every new article cost seconds. The story pages are shared out among a few bundles by a hash of the
// story id (a story stays in its bundle as the site grows); a build rebuilds only the bundles whose
// pages changed, and the search page searches them all at once (Pagefind's mergeIndex, which ranks
// the results of every bundle together by score). A small site has one bundle, at /pagefind/.
import { fnv1a } from "../text/hash.ts";

/** Story pages per bundle before the site gets another bundle; and the most bundles a site gets. */
export const BUNDLE_PAGES = 600;
export const MAX_BUNDLES = 8;

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
