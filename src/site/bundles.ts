// The search index in bundles. Pagefind rebuilds a whole index whenever one page in it changes (its
// files depend on every page), at about 0.6 ms a page, so one index for a large site would make every
// new article cost seconds. The story pages are shared out among bundles of a few hundred pages, and a
// build rebuilds only the bundles whose pages changed. The search page searches every bundle with a
// module of its own (templates/search-bundles.njk), which drops a bundle's results that Pagefind found
// by its prefix fallback, so the results are the pages one index would find (docs/scaling.md, "Search").
//
// Which bundle a story is in must not move as the site grows, and a day's new stories should land
// together: the stories are taken from the oldest to the newest (the model's order, reversed) and cut
// into runs at stories whose ids hash to 0 modulo half the mean run length, once a run holds half the
// mean (content-defined cuts with a least and a most size, as backup tools cut files). A new story,
// wherever its date puts it, changes the run it falls in, and now and then moves the next cut or two
// (a cut within the least size is skipped); today's stories fall in the newest run or two. A run
// that reaches MAX_RUN_FACTOR times the mean is cut there. The mean doubles each time the site
// would otherwise pass MAX_BUNDLES bundles (then every bundle is rebuilt once). Each bundle is named by
// the story that ends the run before it, so its folder stays when runs are added before or after it.
import { fnv1a } from "../text/hash.ts";

/** Story pages per bundle on average (at least); and about the most bundles a site gets. */
export const BUNDLE_PAGES = 256;
export const MAX_BUNDLES = 64;
/**
 * A run is cut only once it holds half the mean (at a story whose id hashes to 0 modulo half the mean,
 * so runs still average the mean), and always at twice the mean: as content-defined chunking bounds its
 * chunks. Bounded when Pagefind's own scores weighed a page's length against its bundle's average
 * (bundles of 23 to 1,024 pages gave another first result than one index for 68 of 380 queries in
 * scripts/search-parity.ts); the search page now scores that part with the site's average
 * (templates/search-bundles.njk), and the bounds keep bundles even: each costs a search its own
 * requests (its entry, metadata and an index chunk or more: about 32 KiB a search at 10,000 articles,
 * whatever its size), and a change rebuilds its whole bundle (docs/scaling.md, "Stop 58": the count's
 * trade measured both ways).
 */
const MIN_RUN_FACTOR = 0.5;
const MAX_RUN_FACTOR = 2;
/** A seed of its own, so the cuts do not follow any other use of FNV-1a over story ids. */
const CUT_SEED = 0x2f6b1d35;

/** The mean run length for `pages` story pages (DIGEST_TEST_BUNDLES: about that many bundles, for tests; 1: one bundle). */
export function meanBundlePages(pages: number): number {
  const test = Number(process.env.DIGEST_TEST_BUNDLES);
  if (test === 1) return Infinity;
  if (Number.isInteger(test) && test > 1) return Math.max(1, Math.floor(pages / test));
  let mean = BUNDLE_PAGES;
  while (pages > mean * MAX_BUNDLES) mean *= 2;
  return mean;
}

export interface BundleShare {
  /** Its folder in the site: "pagefind" for the oldest stories' bundle (it also holds Pagefind's UI), else "pagefind-<number>". */
  folder: string;
  /** Indexes into the stories given, in their order. */
  stories: number[];
}

/**
 * The bundles of stories whose ids are `ids`, in the model's order (newest first). Bundles come in the
 * same order (the newest stories' first), so that the bundles' pages one after the other are in the
 * model's order, as one index has them (the search module breaks ties in bundle order). Always one
 * bundle at least, though it may have no stories.
 */
export function shareBundles(ids: readonly string[]): BundleShare[] {
  const mean = meanBundlePages(ids.length);
  const least = Math.max(1, Math.floor(mean * MIN_RUN_FACTOR));
  const runs: number[][] = [[]];
  for (let i = ids.length - 1; i >= 0; i--) {
    const run = runs[runs.length - 1]!;
    run.push(i);
    const cut = run.length >= least && fnv1a(ids[i]!, CUT_SEED) % Math.max(1, mean - least) === 0;
    if (i > 0 && (cut || run.length >= mean * MAX_RUN_FACTOR)) runs.push([]);
  }
  const used = new Set<string>();
  const shares = runs.map((run, r): BundleShare => {
    let folder = "pagefind";
    if (r > 0) {
      // Named by the story that ends the run before it: a folder name made of digits (never two alike).
      let n = fnv1a(ids[runs[r - 1]!.at(-1)!]!);
      while (used.has(`pagefind-${n}`)) n = (n + 1) >>> 0;
      folder = `pagefind-${n}`;
    }
    used.add(folder);
    return { folder, stories: run.reverse() };
  });
  return shares.reverse();
}
