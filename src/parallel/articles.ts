// The per-article step over every input, before clustering: from the cache where it holds the answer,
// on worker threads where there is enough left to do, else on this thread. The outcomes are the ones
// `runPipeline` would compute itself, in the order of the files (pass them as its `prepared`).
import type { CleanArticle, Message, Rejection, SourceFile } from "../types.ts";
import { defaultRules } from "../clean/index.ts";
import { dateArticle, prepareArticle, type ArticleClock, type ArticleOptions, type ArticleOutcome } from "../pipeline/article.ts";
import { DiskCache, type Pack } from "../cache/pack.ts";
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { articleKey, articleNamespace, datedKey, datedNamespace, datedRecordJson, proseNamespace, restoreClean, restoreDated, restoreSettled, storedProse, withStoredProse, type CleanRecord, type DatedRecord } from "../cache/articles.ts";
import type { ArticleProse, StoredProse } from "../types.ts";
import { paragraphsOf } from "../text/article-text.ts";
import type { CleanRule } from "../clean/index.ts";
import { prepareFile, prepareFiles, type ArticleTaskArgs, type PreparedFile } from "./article-task.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";
import { ARTICLE_TASK, startArticlePool } from "./article-pool.ts";

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
   * Threads started ahead (`startArticleThreads`): what they were handed as the input was read is taken
   * from them, and they share the rest when there is enough to compute; closed once this is done with
   * them (the caller closes them too when this is never called).
   */
  threads?: ArticleThreads | null;
}

export interface PrepareStats {
  files: number;
  /** Articles whose cleaning came from the cache, and whose dating did. */
  cleanHits: number;
  datedHits: number;
  computed: number;
  /** Of those, computed by the threads as the input was read (`ArticleThreads.ahead`). */
  ahead: number;
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

/** Chunks each thread may have unanswered while files are handed over: one to work on, one waiting (more and it would finish the step last). */
const AHEAD_QUEUE = 2;

type Handed = { results: Promise<PreparedFile[] | null>; at: number };

/**
 * The article step's threads, started ahead of it: they load its code while this thread reads the
 * input, and clean the files it hands over as it reads them (`ahead`). `prepareArticles`, given these,
 * takes what they made and shares out the rest; it closes them.
 */
export class ArticleThreads {
  /** By file (the very object ingest made): its chunk's results (null: the chunk failed) and its place in it. */
  private readonly handed = new Map<SourceFile, Handed>();
  private waiting: SourceFile[] = [];
  private unanswered = 0;

  constructor(
    readonly pool: WorkerPool,
    private readonly args: ArticleTaskArgs,
  ) {}

  /**
   * A file just read, with its text: sent to a thread a chunk at a time while the threads have room,
   * else left for the step to share out. The caller lets the event loop turn now and then, or the
   * threads' answers are never seen and no more than their first chunks go.
   */
  ahead = (file: SourceFile): void => {
    this.waiting.push(file);
    if (this.waiting.length < CHUNK || this.unanswered >= AHEAD_QUEUE * this.pool.size) return;
    const chunk = this.waiting.splice(0, CHUNK);
    this.unanswered++;
    const results = this.pool.send<SourceFile, PreparedFile>(ARTICLE_TASK, chunk, this.args).then(
      (out) => out,
      () => null,
    );
    void results.then(() => this.unanswered--);
    chunk.forEach((f, at) => this.handed.set(f, { results, at }));
  };

  handedOver(file: SourceFile): Handed | undefined {
    return this.handed.get(file);
  }

  close(): Promise<void> {
    this.waiting = [];
    this.handed.clear();
    return this.pool.close();
  }
}

/**
 * The article step's threads for a build that will compute many articles (see `ArticleThreads`), on
 * `pool` when it was started earlier still (`startArticlePool`); null when there would be none.
 */
export function startArticleThreads(options: Pick<PrepareOptions, "zone" | "rules" | "workers"> & { pool?: WorkerPool | null }): ArticleThreads | null {
  const names = ruleNamesOf(options.rules ?? defaultRules);
  const pool = options.pool === undefined ? startArticlePool(options.workers) : options.pool;
  if (!pool) return null;
  if (!names) {
    void pool.close();
    return null;
  }
  return new ArticleThreads(pool, { zone: options.zone, ruleNames: names });
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
  Object.assign(s, { files: files.length, cleanHits: 0, datedHits: 0, computed: 0, ahead: 0, threads: 0, cacheRead: 0, cacheWrite: 0, clean: 0, date: 0, terms: 0 });
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
    keys = files.map((file) => {
      const article = articleKey(file, code, ruleNames!);
      return { article, dated: datedKey(article, code, options.zone, file) };
    });
    const articleKeys = new Set(keys.map((k) => k.article));
    articles = await cache.open(articleNamespace, articleKeys);
    prose = await cache.open(proseNamespace, articleKeys);
    dated = await cache.open(datedNamespace, new Set(keys.map((k) => k.dated)));
    source = storedProse(prose);
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
  const take = (i: number, p: PreparedFile) => {
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
    // What the threads were handed as ingest read it comes from them; the rest is done here or shared out.
    const threads = options.threads ?? null;
    const early = threads ? todo.filter((i) => threads.handedOver(files[i]!)) : [];
    const rest = early.length ? todo.filter((i) => !threads!.handedOver(files[i]!)) : todo;
    s.ahead = early.length;
    const fromThreads = Promise.all(
      early.map(async (i) => {
        const given = threads!.handedOver(files[i]!)!;
        const results = await given.results;
        // A chunk a thread failed on is done here, as the step's own would be.
        if (outcomes[i] === undefined) take(i, results ? results[given.at]! : prepareFile(files[i]!, options.zone, rules));
      }),
    );
    const restFiles = rest.map((i) => files[i]!);
    // A chunk's files with their texts, read just before the chunk is done (its texts are dropped after).
    const load = (start: number, items: SourceFile[]) => Promise.all(items.map((_, k) => withText(rest[start + k]!)));
    if (workers > 1 && todo.length >= minParallel) {
      // Big enough chunks that messages cost little, small enough that every thread gets several.
      const chunk = Math.max(1, Math.min(CHUNK, Math.ceil(todo.length / (workers * 4))));
      // This thread takes chunks too: one thread fewer to start.
      const pool = threads?.pool ?? new WorkerPool(Math.min(workers - 1, todo.length));
      s.threads = pool.size + 1;
      try {
        const args: ArticleTaskArgs = { zone: options.zone, ruleNames: ruleNames! };
        await Promise.all([fromThreads, pool.forEach<SourceFile, PreparedFile>(ARTICLE_TASK, restFiles, args, chunk, (start, out) => out.forEach((p, k) => take(rest[start + k]!, p)), { local: (items) => prepareFiles(items, args), load, ahead: 2, localStep: LOCAL_STEP })]);
      } catch (error) {
        // A thread that fails (it ran out of memory, say) costs speed, not the build: the rest is done here.
        options.warn?.(`worker threads failed (${(error as Error).message}); going on without them`);
        await fromThreads; // settles either way: a failed chunk's files are done here
        for (const i of todo) if (outcomes[i] === undefined && !failed.has(i)) take(i, prepareFile(await withText(i), options.zone, rules));
      } finally {
        await pool.close();
      }
    } else if (cache) {
      for (const i of rest) take(i, prepareFile(await withText(i), options.zone, rules));
      await fromThreads;
    } else {
      const clock: ArticleClock = { clean: 0, date: 0, terms: 0 };
      for (const i of rest) outcomes[i] = settle(prepareArticle(await withText(i), { zone: options.zone, rules }, clock));
      s.clean += clock.clean;
      s.date += clock.date;
      s.terms += clock.terms;
      await fromThreads;
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
