// A pure function with its results kept in the cache: keyed by its code and its arguments.
import { cacheJson, cacheKey, type Pack } from "./pack.ts";

export interface MemoStats {
  calls: number;
  hits: number;
}

/**
 * `fn`, answering from `pack` when it has been called with the same arguments by the same code before.
 * `code` is the code hash of `fn`'s module (codeHash). Arguments or results JSON would change are
 * never cached. Each hit is a copy, so a caller that changes its result changes nothing else.
 */
export function memoise<A extends unknown[], R>(pack: Pack<R>, code: string, fn: (...args: A) => R, stats: MemoStats = { calls: 0, hits: 0 }): (...args: A) => R {
  return (...args: A): R => {
    stats.calls++;
    // An argument left out and one passed as undefined are the same call (`summarise(inputs, undefined)`).
    let given = args.length;
    while (given > 0 && args[given - 1] === undefined) given--;
    const json = cacheJson(args.slice(0, given));
    if (json === null) return fn(...args);
    const key = cacheKey(code, json);
    const hit = pack.get(key);
    if (hit !== undefined) {
      stats.hits++;
      return structuredClone(hit);
    }
    const result = fn(...args);
    pack.put(key, result);
    return result;
  };
}
