// Story summaries from the cache: a story whose members' titles and texts (and the summary settings and
// code) are what they were is not summarised again.
//
// The summariser the pipeline is given answers at once: from the cache, or with an empty list that
// `fill` fills once the pipeline has returned, when every story still to summarise is known and they
// can be summarised together on the worker threads (src/parallel/summaries.ts). Nothing in the
// pipeline reads a summary before then. A story whose arguments repeat another's is summarised once.
//
// A story's inputs (its members' texts joined) are made to find its key and then let go: what waits for
// `fill` is the function that makes them, and they are made again a chunk at a time as the threads take
// them (at 100,000 articles, held all together until then, they were about 250 MB).
import type { StorySummariser, SummaryInput, SummaryOptions } from "../summarise/index.ts";
import { articleKeysMeaning, type ArticleKeys } from "./article-keys.ts";
import { codeHash, moduleUrl } from "./code-hash.ts";
import { cacheJson, cacheKey, textsKey, type DiskCache, type Namespace, type Pack } from "./pack.ts";

export type { ArticleKeys } from "./article-keys.ts";

const summaryNamespace: Namespace<string[]> = {
  name: "summary",
  accepts: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string"),
};

export interface SummaryJob {
  inputs: SummaryInput[];
  options?: SummaryOptions;
}

/** A job not made yet: its inputs are made when it is called (and may be made more than once, the same). */
export type LazySummaryJob = () => SummaryJob;

export interface CachedSummaries {
  /** Answers from the cache, or with a list that `fill` fills. */
  summarise: StorySummariser;
  /** Summarises what was asked and not in the cache nor sent `ahead` (with `run`, in the order asked), fills the lists, keeps the results. */
  fill(run: (jobs: LazySummaryJob[]) => Promise<string[][]>): Promise<void>;
  /**
   * From now on, the jobs asked for go to `start` in batches of `size` as they are asked, so that it can
   * summarise them while the pipeline goes on (it answers null when it takes no more: the rest wait for
   * `fill`); `fill` fills their lists from its answers, whatever order they come in.
   */
  ahead(start: (jobs: LazySummaryJob[]) => Promise<string[][]> | null, size: number): void;
  /** Summaries asked for, answered from the pack, and computed. */
  stats: { calls: number; hits: number; computed: number };
  /** The cache's pack (commit it when the build has summarised), or null without a cache. */
  pack: Pack<string[]> | null;
}

/** A deferred `summarise` that reads and fills the cache when there is one. */
export async function cachedSummaries(cache: DiskCache | null, articles?: ArticleKeys): Promise<CachedSummaries> {
  const pack = cache ? await cache.open(summaryNamespace, "all") : null;
  const stats = { calls: 0, hits: 0, computed: 0 };
  const code = codeHash([moduleUrl("../summarise/index", import.meta.url)]);
  const meaning = articleKeysMeaning(articles);
  const queued = new Map<string, { job: LazySummaryJob; targets: string[][] }>();
  let unkeyed = 0;
  // Jobs handed to `ahead`'s start, by batch, and the batch being gathered.
  const started: Array<{ ids: string[]; results: Promise<string[][]> }> = [];
  let starter: { start: (jobs: LazySummaryJob[]) => Promise<string[][]> | null; size: number; batch: string[] } | null = null;
  const gathered = (id: string) => {
    if (!starter) return;
    starter.batch.push(id);
    if (starter.batch.length < starter.size) return;
    const results = starter.start(starter.batch.map((b) => queued.get(b)!.job));
    if (results) started.push({ ids: starter.batch, results });
    starter = results ? { ...starter, batch: [] } : null;
  };
  const deferred: StorySummariser = (makeInputs, options, members) => {
    stats.calls++;
    const target: string[] = [];
    const key = (articles && members && articlesKeyOf(code, meaning, articles.contentKeys, members, options)) ?? keyOf(code, makeInputs(), options);
    const hit = key === null ? undefined : pack?.get(key);
    if (hit !== undefined) {
      stats.hits++;
      target.push(...hit);
      return target;
    }
    const id = key ?? `unkeyed ${unkeyed++}`; // arguments JSON would change: computed, never kept
    const entry = queued.get(id);
    if (entry) entry.targets.push(target);
    else {
      queued.set(id, { job: () => (options === undefined ? { inputs: makeInputs() } : { inputs: makeInputs(), options }), targets: [target] });
      gathered(id);
    }
    return target;
  };
  return {
    summarise: deferred,
    stats,
    pack,
    ahead(start, size) {
      starter = { start, size, batch: [] };
    },
    async fill(run) {
      starter = null;
      const early = started.splice(0);
      const sent = new Set(early.flatMap((b) => b.ids));
      const entries = [...queued].filter(([id]) => !sent.has(id));
      if (!queued.size) return;
      const done = (id: string, result: string[]) => {
        const e = queued.get(id)!;
        for (const target of e.targets) target.push(...result);
        if (pack && !id.startsWith("unkeyed ")) pack.put(id, result);
        stats.computed++;
      };
      // The rest are summarised (`run` is called, with them or none, so that it can help with the batches
      // sent ahead) while those are answered; the lists are filled in the order asked.
      const [answers, results] = await Promise.all([Promise.all(early.map((b) => b.results)), run(entries.map(([, e]) => e.job))]);
      const byId = new Map<string, string[]>();
      early.forEach((b, k) => b.ids.forEach((id, i) => byId.set(id, answers[k]![i]!)));
      entries.forEach(([id], i) => byId.set(id, results[i]!));
      for (const id of queued.keys()) done(id, byId.get(id)!);
      queued.clear();
    },
  };
}

/** The cache key of `summarise(inputs, options)`, or null when JSON would change its arguments. */
function keyOf(code: string, inputs: SummaryInput[], options: SummaryOptions | undefined): string | null {
  // An argument left out and one passed as undefined are the same call (`summarise(inputs, undefined)`).
  // Titles and texts (most calls): hashed as they are, not made JSON first (that was most of the cost).
  if (plainArgs(inputs, options)) return textsKey(plainParts(code, inputs, options));
  const json = cacheJson(options === undefined ? [inputs] : [inputs, options]);
  return json === null ? null : cacheKey(code, json);
}

/** The key of a story made from these articles, by their content keys; null when one has none or the options are not plain. */
function articlesKeyOf(code: string, meaning: string, contentKeys: ReadonlyMap<string, string>, members: ReadonlyArray<{ path: string }>, options: SummaryOptions | undefined): string | null {
  if (!plainArgs([], options)) return null;
  const keys: string[] = [];
  for (const m of members) {
    const key = contentKeys.get(m.path);
    if (key === undefined) return null;
    keys.push(key);
  }
  // Never the bytes the texts' key hashes ("summary texts") or cacheKey's (the code's length first).
  return textsKey(["summary articles", code, meaning, options === undefined ? "-" : JSON.stringify(options), String(keys.length), ...keys]);
}

function* plainParts(code: string, inputs: readonly SummaryInput[], options: SummaryOptions | undefined): Generator<string> {
  // Never the bytes cacheKey hashes for (code, JSON): those start with the code's length, 32.
  yield "summary texts";
  yield code;
  yield options === undefined ? "-" : JSON.stringify(options);
  yield String(inputs.length);
  // Whether each field is there, then its text: a missing title is not an empty one.
  for (const input of inputs as ReadonlyArray<Partial<SummaryInput>>) {
    for (const field of [input.title, input.text]) {
      yield field === undefined ? "absent" : "present";
      yield field ?? "";
    }
  }
}

/** Arguments JSON gives back exactly without looking at every value (cacheJson's check): titles and texts, numbers. */
function plainArgs(inputs: readonly SummaryInput[], options: SummaryOptions | undefined): boolean {
  const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
  if (!Array.isArray(inputs) || Object.getPrototypeOf(inputs) !== Array.prototype) return false;
  for (const input of inputs as unknown[]) {
    if (!plainObject(input)) return false;
    for (const key in input) if ((key !== "title" && key !== "text") || typeof input[key] !== "string") return false;
  }
  if (options === undefined) return true;
  if (!plainObject(options)) return false;
  for (const key in options) if (typeof options[key] !== "number" || !Number.isFinite(options[key])) return false;
  return true;
}
