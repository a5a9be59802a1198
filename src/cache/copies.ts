// The copy step's verdicts from the cache (src/pipeline/copies.ts `CopyVerdicts`): which pairs of term records the
// last build compared word by word and found copies or not, keyed by the copy step's code (and all it imports):
// a pair of the same two records is not compared again, so an incremental build compares only the pairs that
// touch an article new or changed since. An entry that is missing, damaged or not of this shape is ignored (the
// pack warns of a damaged or foreign file) and every pair is compared, as in a cold build: the same groups either way.
import type { CopyVerdicts } from "../pipeline/copies.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheKey, isObject, type DiskCache, type Namespace, type Pack } from "./pack.ts";

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
/** Indices into `keys`, two a pair. */
const pairs = (v: unknown, keys: number): v is number[] => Array.isArray(v) && v.length % 2 === 0 && v.every((x) => Number.isInteger(x) && x >= 0 && x < keys);
const isVerdicts = (v: unknown): v is CopyVerdicts => isObject(v) && strings(v.keys) && pairs(v.copies, v.keys.length) && pairs(v.apart, v.keys.length);

const copiesNamespace: Namespace<CopyVerdicts> = { name: "copies", accepts: isVerdicts };

export interface CachedCopyVerdicts {
  /** The last build's verdicts (for `dateCopies`), or null. */
  verdicts: CopyVerdicts | null;
  /** Keeps this build's verdicts for the next (null: the step compared nothing, the entry stays) and commits the pack. */
  keep(verdicts: CopyVerdicts | null): Promise<void>;
}

export async function cachedCopyVerdicts(cache: DiskCache | null): Promise<CachedCopyVerdicts> {
  if (!cache) return { verdicts: null, keep: async () => {} };
  // A pack that is damaged or not of this version is ignored with a warning (src/cache/pack.ts), an entry not of this shape is not read.
  const pack: Pack<CopyVerdicts> = await cache.open(copiesNamespace, "all");
  const key = cacheKey("copy verdicts", codeHash([moduleUrl("../pipeline/copies", import.meta.url)]));
  return {
    verdicts: pack.get(key) ?? null,
    keep: async (verdicts) => {
      if (verdicts) pack.putJson(key, JSON.stringify({ keys: verdicts.keys, copies: verdicts.copies, apart: verdicts.apart }));
      await pack.commit();
    },
  };
}
