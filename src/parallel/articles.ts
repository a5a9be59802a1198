// The per-article step over every input, before clustering: from the cache where it holds the answer,
// on worker threads where there is enough left to do, else on this thread. The outcomes are the ones
// `runPipeline` would compute itself, in the order of the files (pass them as its `prepared`).
import type { CleanArticle, Message, Rejection, SourceFile } from "../types.ts";
import { defaultRules } from "../clean/index.ts";
import { dateArticle, prepareArticle, type ArticleClock, type ArticleOptions, type ArticleOutcome } from "../pipeline/article.ts";
import { DiskCache, type Pack } from "../cache/pack.ts";
import { codeHash, moduleUrl, runnableModuleUrl } from "../cache/code-hash.ts";
import { articleNamespace, buildKeys, datedNamespace, datedRecordJson, proseNamespace, restoreClean, restoreDated, settledRestorer, storedProse, withStoredProse, type CleanRecord, type DatedRecord } from "../cache/articles.ts";
import type { ArticleProse, StoredProse } from "../types.ts";
import { paragraphsOf } from "../text/article-text.ts";
import type { CleanRule } from "../clean/index.ts";
import { prepareFile, prepareFiles, type ArticleTaskArgs, type PreparedFile } from "./article-task.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";

export interface PrepareOptions extends ArticleOptions {
  /** The build cache; without one every article is computed. */
  cache?: DiskCache | null;
  /** Threads computing articles, this one included (default: `DIGEST_WORKERS`, else one per core); 0 or 1: this one only. */
  workers?: number;
  /** Fewer articles to compute than this and they are computed here: starting threads would cost more. */
  minParallel?: number;
  warn?: (text: string) => void;
  /**
   * Reads a file that came without its text (ingest knew it: src/ingest readSource), when the cache
   * does not hold its article after all; or why it cannot be read now.
   */
  load?: (file: SourceFile) => Promise<{ file: SourceFile } | { rejected: Rejection; messages: Message[] }>;
  /**
   * Empties each article's `raw` and `context` once it is dated: the text the cleaner removed and the
   * page as read are evidence for dating only, and at scale most of the memory (the build sets this).
   */
  dropEvidence?: boolean;
  /**
   * Threads started ahead (`startArticleThreads`), used when there is enough to compute; closed once
   * this is done with them (the caller closes them too when this is never called).
   */
  threads?: WorkerPool | null;
}

export interface PrepareStats {
  files: number;
  /** Articles whose cleaning came from the cache, and whose dating did. */
  cleanHits: number;
  datedHits: number;
  computed: number;
  threads: number;
  /** Milliseconds: reading the cache, writing it, and cleaning, dating and reading clustering's terms summed over threads. */
  cacheRead: number;
  cacheWrite: number;
  clean: number;
  date: number;
  terms: number;
}

export const DEFAULT_MIN_PARALLEL = 500;
/** Articles per message to a thread: enough to make the message cost small, few enough to share out evenly. */
const CHUNK = 32;
/** Files this thread computes between looking at the threads' answers: it never keeps a thread waiting for long. */
const LOCAL_STEP = 4;

const ARTICLE_TASK = { module: runnableModuleUrl("./article-task", import.meta.url), name: "prepareFiles" };

/**
 * The article step's threads, started now and loading its code while this thread does other work
 * (reads the input): for a build that will compute many articles. Null when there would be none.
 */
export function startArticleThreads(options: Pick<PrepareOptions, "zone" | "rules" | "workers">): WorkerPool | null {
  const names = ruleNamesOf(options.rules ?? defaultRules);
  const workers = options.workers ?? defaultWorkerCount();
  if (!names || workers <= 1) return null;
  const pool = new WorkerPool(workers - 1);
  const args: ArticleTaskArgs = { zone: options.zone, ruleNames: names };
  void pool.warm(ARTICLE_TASK, args);
  return pool;
}

/** Rules are sent to threads and named in keys by name: only the stage's own rules can be. */
function ruleNamesOf(rules: readonly CleanRule[]): string[] | null {
  const known = new Set(defaultRules);
  return rules.every((r) => known.has(r)) ? rules.map((r) => r.name) : null;
}

/** The modules whose code decides a cached article: the per-article step and all it imports, and how its records are made. */
const STEP_MODULE = moduleUrl("../pipeline/article", import.meta.url);
const RECORD_MODULE = moduleUrl("../cache/articles", import.meta.url);

export async function prepareArticles(files: readonly SourceFile[], options: PrepareOptions, stats?: PrepareStats): Promise<ArticleOutcome[]> {
  const s: PrepareStats = stats ?? ({} as PrepareStats);
  Object.assign(s, { files: files.length, cleanHits: 0, datedHits: 0, computed: 0, threads: 0, cacheRead: 0, cacheWrite: 0, clean: 0, date: 0, terms: 0 });
  const rules = options.rules ?? defaultRules;
  const ruleNames = ruleNamesOf(rules);
  const workers = ruleNames ? (options.workers ?? defaultWorkerCount()) : 0;
  const minParallel = options.minParallel ?? DEFAULT_MIN_PARALLEL;
  const cache = ruleNames ? (options.cache ?? null) : null;

  const outcomes = new Array<ArticleOutcome>(files.length);
  // Each outcome lets go of its evidence as soon as it is final, not once all are: the texts of every
  // input at once would be most of the build's memory.
  const settle = (o: ArticleOutcome): ArticleOutcome => (options.dropEvidence && "article" in o ? { article: { ...o.article, raw: "", context: "" } } : o);
  let todo = files.map((_, i) => i);
  let articles: Pack<CleanRecord> | null = null;
  let prose: Pack<number> | null = null;
  let dated: Pack<DatedRecord> | null = null;
  let source: StoredProse["source"] | null = null;
  let keys: Array<{ article: string; dated: string }> = [];
  const dateOnly: Array<{ i: number; article: CleanArticle }> = [];

  if (cache) {
    const started = performance.now();
    const code = codeHash([STEP_MODULE, RECORD_MODULE]);
    keys = files.map(buildKeys(code, ruleNames!, options.zone));
    const articleKeys = new Set(keys.map((k) => k.article));
    articles = await cache.open(articleNamespace, articleKeys);
    prose = await cache.open(proseNamespace, articleKeys);
    dated = await cache.open(datedNamespace, new Set(keys.map((k) => k.dated)));
    source = storedProse(prose);
    const restoreSettled = settledRestorer();
    todo = [];
    files.forEach((file, i) => {
      const record = articles!.get(keys[i]!.article);
      const at = record && !("rejected" in record) ? prose!.get(keys[i]!.article) : undefined;
      if (options.dropEvidence && record && !("rejected" in record) && at !== undefined) {
        // The usual hit, in one object (what the lines below make in three).
        const added = dated!.get(keys[i]!.dated);
        if (added && typeof added.terms === "string") {
          s.cleanHits++;
          s.datedHits++;
          return (outcomes[i] = { article: restoreSettled(files[i]!, record, { source: source!, at }, added) });
        }
      }
      const cleaned = record && restoreClean(file, record, at === undefined ? undefined : { source: source!, at });
      if (!cleaned) return todo.push(i);
      s.cleanHits++;
      if (!("article" in cleaned)) return (outcomes[i] = cleaned);
      const added = dated!.get(keys[i]!.dated);
      if (!added) return dateOnly.push({ i, article: cleaned.article });
      // Clustering reads an article's text only when its terms are not there; the context is evidence kept only on request.
      if (typeof added.terms !== "string") paragraphsOf(cleaned.article);
      s.datedHits++;
      outcomes[i] = settle({ article: restoreDated(options.dropEvidence ? cleaned.article : withStoredProse(cleaned.article), added) });
    });
    s.cacheRead = performance.now() - started;
  }

  // Files that came without their text (ingest knew them, or keeps no texts) are read when their turn
  // comes, a chunk at a time, so that the build never holds every text at once. One that cannot be read
  // now (it changed or vanished since it was listed) is rejected with the reason.
  const unloaded = (file: SourceFile) => file.text === "" && file.contentKey !== undefined;
  const failed = new Map<number, ArticleOutcome>();
  const withText = async (i: number): Promise<SourceFile> => {
    const file = files[i]!;
    if (!unloaded(file)) return file;
    if (!options.load) throw new Error("prepareArticles was given files without their text and no way to read them");
    const loaded = await options.load(file);
    if ("file" in loaded) return loaded.file;
    failed.set(i, loaded);
    return file;
  };

  s.computed = todo.length;
  // Each computed file: its outcome, and its records into the cache, as soon as it comes (so the
  // records' JSON is not all held at once).
  const take = (k: number, p: PreparedFile) => {
    const i = todo[k]!;
    if (failed.has(i)) return; // not read: its rejection is its outcome, and nothing goes into the cache
    // The prose goes into its pack, and the article says where it is instead of holding it (read back
    // where needed): a cold build does not hold every article's paragraphs through clustering.
    const at = cache && p.clean !== null && p.prose !== null ? prose!.putJson(keys[i]!.article, p.prose) : undefined;
    outcomes[i] = settle(fromPrepared(files[i]!, p, at === undefined ? undefined : { source: source!, at }));
    s.clean += p.ms[0];
    s.date += p.ms[1];
    s.terms += p.ms[2];
    if (cache) {
      if (p.clean !== null) articles!.putJson(keys[i]!.article, p.clean);
      if (p.dated !== null) dated!.putJson(keys[i]!.dated, p.dated);
    }
  };
  if (todo.length > 0) {
    const todoFiles = todo.map((i) => files[i]!);
    // A chunk's files with their texts, read just before the chunk is done (its texts are dropped after).
    const load = (start: number, items: SourceFile[]) => Promise.all(items.map((_, k) => withText(todo[start + k]!)));
    if (workers > 1 && todo.length >= minParallel) {
      // Big enough chunks that messages cost little, small enough that every thread gets several.
      const chunk = Math.max(1, Math.min(CHUNK, Math.ceil(todo.length / (workers * 4))));
      // This thread takes chunks too: one thread fewer to start.
      const pool = options.threads ?? new WorkerPool(Math.min(workers - 1, todo.length));
      s.threads = pool.size + 1;
      try {
        const args: ArticleTaskArgs = { zone: options.zone, ruleNames: ruleNames! };
        await pool.forEach<SourceFile, PreparedFile>(ARTICLE_TASK, todoFiles, args, chunk, (start, out) => out.forEach((p, k) => take(start + k, p)), { local: (items) => prepareFiles(items, args), load, ahead: 2, localStep: LOCAL_STEP });
      } catch (error) {
        // A thread that fails (it ran out of memory, say) costs speed, not the build: the rest is done here.
        options.warn?.(`worker threads failed (${(error as Error).message}); going on without them`);
        for (const [k, i] of todo.entries()) if (outcomes[i] === undefined && !failed.has(i)) take(k, prepareFile(await withText(i), options.zone, rules));
      } finally {
        await pool.close();
      }
    } else if (cache) {
      for (const [k, i] of todo.entries()) take(k, prepareFile(await withText(i), options.zone, rules));
    } else {
      const clock: ArticleClock = { clean: 0, date: 0, terms: 0 };
      for (const i of todo) outcomes[i] = settle(prepareArticle(await withText(i), { zone: options.zone, rules }, clock));
      s.clean += clock.clean;
      s.date += clock.date;
      s.terms += clock.terms;
    }
  }

  await options.threads?.close(); // started ahead, and not needed (or no longer)

  // Cleaned before, but the file's time or the zone is new: date again (it is quick).
  for (const { i, article: cleaned } of dateOnly) {
    const file = await withText(i);
    if (failed.has(i)) continue;
    // Dating reads the paragraphs and context.
    const article = withStoredProse(file === files[i] ? cleaned : { ...cleaned, raw: file.text });
    const clock: ArticleClock = { clean: 0, date: 0, terms: 0 };
    const result = dateArticle(article, options.zone, clock);
    s.date += clock.date;
    s.terms += clock.terms;
    outcomes[i] = settle({ article: result });
    const json = datedRecordJson(article, result);
    if (json !== null) dated!.putJson(keys[i]!.dated, json);
  }

  if (articles && prose && dated) {
    const started = performance.now();
    await prose.commit();
    await articles.commit();
    await dated.commit();
    s.cacheWrite = performance.now() - started;
  }
  for (const [i, rejected] of failed) outcomes[i] = rejected;
  return outcomes;
}

/** The outcome a prepared file stands for: rebuilt from its records (its prose left where `stored` says), or given whole (raw put back). */
function fromPrepared(file: SourceFile, p: PreparedFile, stored?: StoredProse): ArticleOutcome {
  if (p.outcome) {
    if ("article" in p.outcome) p.outcome.article = { ...p.outcome.article, raw: file.text, mtime: file.mtime };
    return p.outcome;
  }
  const cleaned = restoreClean(file, JSON.parse(p.clean!) as CleanRecord, stored ?? (p.prose === null ? undefined : (JSON.parse(p.prose) as ArticleProse)));
  if (!cleaned) throw new Error(`the article of ${file.path} came back without its prose`);
  if (!("article" in cleaned)) return cleaned;
  return { article: restoreDated(cleaned.article, JSON.parse(p.dated!) as DatedRecord) };
}
