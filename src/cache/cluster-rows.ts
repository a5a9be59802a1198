// Clustering's scored pairs from the cache: the last build's likely pairs and a print of each article
// (src/cluster/rows.ts), keyed by the settings and the clustering code (its model included). Pairs whose
// articles changed, and every pair when the entry is missing, damaged or not sound, are scored again.
// The same pack keeps the last build's merges (src/cluster/groups.ts), keyed by the settings and the code:
// a log that is not one of its own articles' merges is not replayed. And its follow-up links
// (src/cluster/follow-up-reuse.ts), each taken only where no story it was worked out from changed.
// Its weights, a day at a time, are files beside the pack (./cluster-weights.ts).
import type { RowStore, StoredFollowUps, StoredGroups, StoredPairs } from "../cluster/index.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheKey, isObject, type DiskCache, type Namespace, type Pack } from "./pack.ts";
import { diskWeights } from "./cluster-weights.ts";

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const isPairs = (v: unknown): v is StoredPairs => isObject(v) && strings(v.paths) && strings(v.prints) && numbers(v.capped) && numbers(v.a) && numbers(v.b) && numbers(v.p);
const isGroups = (v: unknown): v is StoredGroups => isObject(v) && strings(v.paths) && strings(v.prints) && numbers(v.x) && numbers(v.y) && numbers(v.score);
const isFollowUps = (v: unknown): v is StoredFollowUps => isObject(v) && strings(v.prints) && numbers(v.days) && numbers(v.links);

const finite = (v: number[]): boolean => v.every((x) => Number.isFinite(x));
/**
 * The entry as JSON. Its shape is known (arrays of strings and of numbers), so it is written without
 * `cacheJson`'s check of every value (a replacer call for each of some hundred thousand numbers); a number
 * JSON would not give back (NaN, an infinity) leaves the entry out.
 */
const pairsJson = (v: StoredPairs): string | null => (finite(v.capped) && finite(v.a) && finite(v.b) && finite(v.p) ? JSON.stringify({ paths: v.paths, prints: v.prints, capped: v.capped, a: v.a, b: v.b, p: v.p }) : null);
const groupsJson = (v: StoredGroups): string | null => (finite(v.x) && finite(v.y) && finite(v.score) ? JSON.stringify({ paths: v.paths, prints: v.prints, x: v.x, y: v.y, score: v.score }) : null);
const followUpsJson = (v: StoredFollowUps): string | null => (finite(v.days) && finite(v.links) ? JSON.stringify({ prints: v.prints, days: v.days, links: v.links }) : null);

type Entry = StoredPairs | StoredGroups | StoredFollowUps;

const rowsNamespace: Namespace<Entry> = {
  name: "cluster-rows",
  accepts: (v): v is Entry => isPairs(v) || isGroups(v) || isFollowUps(v),
};

export interface CachedClusterRows {
  /** For ClusterOptions.rows; undefined without a cache. */
  rows: RowStore | undefined;
  /** The cache's pack (commit it once clustering is done), or null without a cache. */
  pack: Pack<Entry> | null;
}

export async function cachedClusterRows(cache: DiskCache | null): Promise<CachedClusterRows> {
  if (!cache) return { rows: undefined, pack: null };
  const pack = await cache.open(rowsNamespace, "all");
  const code = codeHash([moduleUrl("../cluster/index", import.meta.url)]);
  /** One kind of entry in the pack: read back only when it has the kind's shape, written only when JSON gives it back. */
  const kind = <T extends Entry>(name: string, is: (v: unknown) => v is T, json: (v: T) => string | null) => ({
    get: (key: string): T | undefined => {
      const value = pack.get(cacheKey(name, code, key));
      return is(value) ? value : undefined;
    },
    put: (key: string, value: T): void => {
      const text = json(value);
      if (text !== null) pack.putJson(cacheKey(name, code, key), text);
    },
  });
  const pairs = kind("cluster pairs", isPairs, pairsJson);
  return {
    pack,
    rows: {
      get: pairs.get,
      put: pairs.put,
      groups: kind("cluster groups", isGroups, groupsJson),
      followUps: kind("cluster follow-ups", isFollowUps, followUpsJson),
      weights: diskWeights(cache.dir, code, cache.warn),
    },
  };
}
