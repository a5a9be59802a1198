// Clustering's term runs from the cache: one entry per day, keyed by its articles' terms
// (src/cluster/term-store.ts) and by the clustering code. A day whose entry is missing, damaged or not
// sound is read again from its articles' terms, and its entry replaced.
import type { StoredTerms, TermStore } from "../cluster/index.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheKey, isObject, type DiskCache, type Namespace, type Pack } from "./pack.ts";

const termsNamespace: Namespace<StoredTerms> = {
  name: "cluster-terms",
  accepts: (v): v is StoredTerms => isObject(v) && typeof v.key === "string" && typeof v.data === "string",
};

export interface CachedClusterTerms {
  /** For ClusterOptions.terms; undefined without a cache. */
  terms: TermStore | undefined;
  /** The cache's pack (commit it once clustering is done), or null without a cache. */
  pack: Pack<StoredTerms> | null;
}

export async function cachedClusterTerms(cache: DiskCache | null): Promise<CachedClusterTerms> {
  if (!cache) return { terms: undefined, pack: null };
  const pack = await cache.open(termsNamespace, "all");
  const code = codeHash([moduleUrl("../cluster/index", import.meta.url)]);
  const key = (k: string) => cacheKey("cluster terms", code, k);
  return {
    pack,
    terms: {
      get: (k) => pack.get(key(k)),
      put: (k, terms) => void pack.put(key(k), terms),
    },
  };
}
