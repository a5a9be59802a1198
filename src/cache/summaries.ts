// Story summaries from the cache: a story whose members' titles and texts (and the summary settings and
// code) are what they were is not summarised again.
import { summarise } from "../summarise/index.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { memoise, type MemoStats } from "./memo.ts";
import type { DiskCache, Namespace, Pack } from "./pack.ts";

const summaryNamespace: Namespace<string[]> = {
  name: "summary",
  accepts: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string"),
};

export interface CachedSummaries {
  summarise: typeof summarise;
  stats: MemoStats;
  pack: Pack<string[]>;
}

/** A `summarise` that reads and fills the cache; commit `pack` when the build has summarised. */
export async function cachedSummaries(cache: DiskCache): Promise<CachedSummaries> {
  const pack = await cache.open(summaryNamespace, "all");
  const stats: MemoStats = { calls: 0, hits: 0 };
  const code = codeHash([moduleUrl("../summarise/index", import.meta.url)]);
  return { summarise: memoise(pack, code, summarise, stats), stats, pack };
}
