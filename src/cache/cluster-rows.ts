// Clustering's scored pairs from the cache: one entry per day, keyed by the articles its pairs depend on
// and the settings (src/cluster/rows.ts), and by the clustering code (its model included). A day whose
// entry is missing, damaged or not sound for its articles is scored again.
// The same pack keeps the last build's merges (src/cluster/groups.ts), keyed by the settings and the code:
// a log that is not one of its own articles' merges is not replayed.
import type { PairRows, RowStore, StoredGroups } from "../cluster/index.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheKey, isObject, type DiskCache, type Namespace, type Pack } from "./pack.ts";

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const isRows = (v: unknown): v is PairRows => isObject(v) && numbers(v.a) && numbers(v.b) && numbers(v.p);
const isGroups = (v: unknown): v is StoredGroups => isObject(v) && strings(v.paths) && strings(v.prints) && numbers(v.x) && numbers(v.y) && numbers(v.score);

const rowsNamespace: Namespace<PairRows | StoredGroups> = {
  name: "cluster-rows",
  accepts: (v): v is PairRows | StoredGroups => isRows(v) || isGroups(v),
};

export interface CachedClusterRows {
  /** For ClusterOptions.rows; undefined without a cache. */
  rows: RowStore | undefined;
  /** The cache's pack (commit it once clustering is done), or null without a cache. */
  pack: Pack<PairRows | StoredGroups> | null;
}

export async function cachedClusterRows(cache: DiskCache | null): Promise<CachedClusterRows> {
  if (!cache) return { rows: undefined, pack: null };
  const pack = await cache.open(rowsNamespace, "all");
  const code = codeHash([moduleUrl("../cluster/index", import.meta.url)]);
  return {
    pack,
    rows: {
      get: (key) => {
        const rows = pack.get(cacheKey("cluster rows", code, key));
        return isRows(rows) ? rows : undefined;
      },
      put: (key, rows) => void pack.put(cacheKey("cluster rows", code, key), rows),
      groups: {
        get: (key) => {
          const groups = pack.get(cacheKey("cluster groups", code, key));
          return isGroups(groups) ? groups : undefined;
        },
        put: (key, groups) => void pack.put(cacheKey("cluster groups", code, key), groups),
      },
    },
  };
}
