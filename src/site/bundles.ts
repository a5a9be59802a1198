// The search index in bundles. Pagefind rebuilds a whole index whenever one page in it changes (its
// files depend on every page), at about a millisecond a page, so one index for a large site would make
// every new article cost seconds. The story pages are shared out among a few bundles by a hash of the
// story id (a story stays in its bundle as the site grows); a build rebuilds only the bundles whose
// pages changed, and the search page searches them all at once (Pagefind's mergeIndex, which ranks
// the results of every bundle together by score). A site of up to 5,000 stories has one bundle, at
// /pagefind/: bundles cost search quality, because Pagefind searches each on its own and a bundle
// lacking a query word searches for the longest indexed word that starts it instead ("ammunition" →
// "am"), so merged results gain unrelated pages (on a 10,000-article site, 16 of 75 headline-word
// queries with 7 bundles, 48 with 32; docs/scaling.md). One index is rebuilt whole on any change
// (about 1 ms a page): seconds a build at this size, which is worth right results.
import { fnv1a } from "../text/hash.ts";

/** Story pages per bundle before the site gets another bundle; and the most bundles a site gets. */
export const BUNDLE_PAGES = 5_000;
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
