// Clustering's scored pairs from the cache: one entry per day, keyed by the articles its pairs depend on
// and the settings (src/cluster/rows.ts), and by the clustering code (its model included). A day whose
// entry is missing, damaged or not sound for its articles is scored again.
import type { PairRows, RowStore } from "../cluster/index.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheKey, isObject, type DiskCache, type Namespace, type Pack } from "./pack.ts";

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");

const rowsNamespace: Namespace<PairRows> = {
  name: "cluster-rows",
  accepts: (v): v is PairRows => isObject(v) && numbers(v.a) && numbers(v.b) && numbers(v.p),
};

export interface CachedClusterRows {
  /** For ClusterOptions.rows; undefined without a cache. */
  rows: RowStore | undefined;
  /** The cache's pack (commit it once clustering is done), or null without a cache. */
  pack: Pack<PairRows> | null;
}

export async function cachedClusterRows(cache: DiskCache | null): Promise<CachedClusterRows> {
  if (!cache) return { rows: undefined, pack: null };
  const pack = await cache.open(rowsNamespace, "all");
  const code = codeHash([moduleUrl("../cluster/index", import.meta.url)]);
  return {
    pack,
    rows: {
      get: (key) => pack.get(cacheKey("cluster rows", code, key)),
      put: (key, rows) => void pack.put(cacheKey("cluster rows", code, key), rows),
    },
  };
}
