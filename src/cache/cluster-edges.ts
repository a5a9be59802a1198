// Clustering's scored pairs, a block per day (src/cluster/edge-cache.ts): a build after a few new articles
// scores again only the days near theirs. Keyed by the clustering code (and its model) and by what the
// block's articles are; a block read back in the wrong shape is scored again.
import type { EdgeCache } from "../cluster/index.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheKey, type DiskCache, type Namespace, type Pack } from "./pack.ts";

const edgesNamespace: Namespace<number[]> = {
  name: "cluster-edges",
  accepts: (v): v is number[] => Array.isArray(v) && v.length % 3 === 0 && v.every((x) => typeof x === "number" && Number.isFinite(x)),
};

export interface CachedClusterEdges {
  /** What clustering reads and fills, or null without a cache. */
  store: EdgeCache | null;
  /** Commit it once clustering has run. */
  pack: Pack<number[]> | null;
}

export async function cachedClusterEdges(cache: DiskCache | null): Promise<CachedClusterEdges> {
  if (!cache) return { store: null, pack: null };
  const pack = await cache.open(edgesNamespace, "all");
  const code = codeHash([moduleUrl("../cluster/index", import.meta.url)]);
  return {
    pack,
    store: {
      get: (key) => pack.get(cacheKey("cluster-edges", code, key)),
      put: (key, edges) => {
        pack.put(cacheKey("cluster-edges", code, key), edges);
      },
    },
  };
}
