// The per-article map on threads and from the cache gives what the pipeline computes on its own.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest, readSource } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { cleanArticle, dateArticle, prepareArticle } from "../../src/pipeline/article.ts";
import { dateArticles } from "../../src/date/index.ts";
import { defaultRules, rulesWithout } from "../../src/clean/index.ts";
import { articlesAhead, prepareArticles, startArticleThreads, type PrepareStats } from "../../src/parallel/articles.ts";
import { startArticlePool } from "../../src/parallel/article-pool.ts";
import { DiskCache } from "../../src/cache/pack.ts";
import { withStoredProse } from "../../src/cache/articles.ts";
import { paragraphsOf, textFacts } from "../../src/text/article-text.ts";
import type { CleanArticle, SourceFile } from "../../src/types.ts";

const fixtures = join(import.meta.dirname, "../fixtures");

/** Text scrapes, Markdown, HTML pages, a cp1252 file, files with no article, a page nested too deeply. */
async function mixedInputs(): Promise<SourceFile[]> {
  const dir = mkdtempSync(join(tmpdir(), "digest-parallel-"));
  for (const sub of ["seeds", "site-hostile", "inputs"]) cpSync(join(fixtures, sub), join(dir, sub), { recursive: true });
  cpSync(join(import.meta.dirname, "fixtures"), join(dir, "pages"), { recursive: true });
  writeFileSync(join(dir, "deep.html"), `<html><body>${"<div>".repeat(10_000)}<p>Deep</p>${"</div>".repeat(10_000)}</body></html>`);
  writeFileSync(join(dir, "menu.html"), "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>");
  return (await ingest(dir)).files;
}

const files = await mixedInputs();
const zone = "Europe/Berlin";
const serial = runPipeline(files, { zone });
/**
 * Outcomes as the serial step gives them: an article from the cache or the threads carries its text's
 * hash and word count (checked here against its prose) and may leave its prose in the cache (read back).
 */
function plain<T>(value: T, readContext = true): T {
  if (Array.isArray(value)) return value.map((v) => plain(v, readContext)) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, plain(v, readContext)])) as T;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.paragraphs) && typeof record.title === "string" && "mtime" in record) {
    const read = readContext ? withStoredProse(record as unknown as CleanArticle) : { ...(record as unknown as CleanArticle), paragraphs: paragraphsOf(record as unknown as CleanArticle) };
    const { text, stored: _, ...article } = read;
    if (text) expect(text).toEqual(textFacts(article.title, article.paragraphs));
    return Object.fromEntries(Object.entries(article).map(([k, v]) => [k, plain(v, readContext)])) as T;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plain(v, readContext)])) as T;
}
const json = (v: unknown) => JSON.stringify(plain(v));
const articles = (outcomes: ReadonlyArray<object>) => outcomes.filter((o) => "article" in o).length;

describe("the per-article map", () => {
  it("covers articles, rejections and warnings (the fixtures exercise every outcome)", () => {
    expect(serial.stories.length).toBeGreaterThan(5);
    expect(serial.rejected.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/no article text|too little article text/)]),
    );
    expect(serial.messages.length).toBeGreaterThan(0);
  });

  it("on two threads gives the serial pipeline's stories, rejections and messages, in order", async () => {
    const stats = {} as PrepareStats;
    const prepared = await prepareArticles(files, { zone, workers: 2, minParallel: 1 }, stats);
    expect(stats.threads).toBe(2);
    const threaded = runPipeline(files, { zone, prepared });
    expect(json(threaded)).toBe(json(serial));
    expect(plain(threaded)).toEqual(serial);
  });

  it("uses threads started ahead (while the input is read), gives the same outcomes, and closes them", async () => {
    const threads = startArticleThreads({ zone, workers: 2 })!;
    const stats = {} as PrepareStats;
    const prepared = await prepareArticles(files, { zone, workers: 2, minParallel: 1, threads }, stats);
    expect(stats.threads).toBe(2);
    expect(json(prepared)).toBe(json(files.map((file) => prepareArticle(file, { zone }))));
    await expect(threads.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
    // Too few to compute on threads: they are closed unused.
    const unused = startArticleThreads({ zone, workers: 2 })!;
    await prepareArticles(files.slice(0, 2), { zone, workers: 2, threads: unused });
    await expect(unused.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
    expect(startArticleThreads({ zone, workers: 1 })).toBeNull();
    expect(startArticleThreads({ zone, workers: 2, rules: [{ ...defaultRules[0]!, name: "mine" }] })).toBeNull();
  });

  it("gives each article exactly what the per-article step gives, Dates and raw text included", async () => {
    const prepared = await prepareArticles(files, { zone, workers: 2, minParallel: 1 });
    const direct = files.map((file) => prepareArticle(file, { zone }));
    expect(plain(prepared)).toEqual(direct);
    expect(json(prepared)).toBe(json(direct));
  });

  it("honours the configured cleaning rules on the threads", async () => {
    const rules = rulesWithout(...defaultRules.slice(0, 2).map((r) => r.name));
    const prepared = await prepareArticles(files, { zone, rules, workers: 2, minParallel: 1 });
    const without = runPipeline(files, { zone, rules });
    expect(json(without)).not.toBe(json(serial)); // the rules left out matter to these inputs
    expect(json(runPipeline(files, { zone, rules, prepared }))).toBe(json(without));
  });

  it("from a cache, cold, warm and after the files' times change, gives the same outcomes", async () => {
    const cache = () => new DiskCache(dir, (text) => warnings.push(text));
    const dir = mkdtempSync(join(tmpdir(), "digest-cache-"));
    const warnings: string[] = [];
    const direct = files.map((file) => prepareArticle(file, { zone }));
    const cold = {} as PrepareStats;
    expect(json(await prepareArticles(files, { zone, cache: cache(), workers: 0 }, cold))).toBe(json(direct));
    const warm = {} as PrepareStats;
    const again = await prepareArticles(files, { zone, cache: cache(), workers: 2, minParallel: 1 }, warm);
    expect(plain(again)).toEqual(direct);
    expect(json(again)).toBe(json(direct));
    expect([cold.cleanHits, warm.cleanHits, warm.computed, warm.threads]).toEqual([0, files.length, 0, 0]);
    // Touched files: cleaning still comes from the cache, dating is done again.
    const touched = files.map((f) => ({ ...f, mtime: new Date(f.mtime.getTime() + 86_400_000 * 40) }));
    const moved = {} as PrepareStats;
    const later = await prepareArticles(touched, { zone, cache: cache() }, moved);
    expect(json(later)).toBe(json(touched.map((file) => prepareArticle(file, { zone }))));
    expect(moved.cleanHits).toBe(files.length);
    expect(moved.datedHits).toBe(0);
    expect(warnings).toEqual([]);
  });
});

describe("threads that read the input themselves (a cold build)", () => {
  it("read every file for ingest and clean it at once: ingest's outcome as its own reading gives it, the same articles with a cache or without, no file read on this thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-ahead-"));
    // Enough files for several chunks: the fixtures four times over, under four folders; a name that is not UTF-8.
    for (const copy of ["a", "b", "c", "d"]) for (const sub of ["seeds", "site-hostile", "inputs"]) cpSync(join(fixtures, sub), join(dir, copy, sub), { recursive: true });
    writeFileSync(Buffer.from(join(dir, "b", "caf\xe9.txt"), "latin1"), "date 2025-03-01\nCouncil closes the bridge\n\nThe council voted on Monday to close the bridge for a year of repairs.\n");
    const whole = await ingest(dir, { keepText: false });
    const direct = (await ingest(dir)).files.map((file) => prepareArticle(file, { zone }));
    const emptied = direct.map((o) => ("article" in o ? { article: { ...o.article, raw: "", context: "" } } : o));
    expect(whole.files.length).toBeGreaterThan(64);
    expect(whole.rejected.length).toBeGreaterThan(0);
    const cacheDir = mkdtempSync(join(tmpdir(), "digest-ahead-cache-"));
    for (const cache of [null, new DiskCache(cacheDir, () => {})]) {
      const threads = startArticleThreads({ zone, workers: 2 })!;
      const ahead = articlesAhead(threads, { zone, cache })!;
      const ingested = await ingest(dir, { keepText: false, readFiles: ahead.readFiles });
      expect(ingested.files).toEqual(whole.files);
      expect(ingested.messages).toEqual(whole.messages);
      expect(ingested.rejected).toEqual(whole.rejected);
      // Each file's records went into the packs as its answer came, before the stage; their outcomes are made.
      expect(ahead.prepared.size).toBe(ingested.files.length);
      expect(ahead.packs === null).toBe(cache === null);
      // (Copies of one file share their records: one entry per content.)
      const contents = (keep: (i: number) => boolean) => new Set(ingested.files.filter((_, i) => keep(i)).map((f) => f.contentKey)).size;
      if (ahead.packs) expect([ahead.packs.articles.stats.added, ahead.packs.prose.stats.added]).toEqual([contents(() => true), contents((i) => "article" in emptied[i]!)]);
      let reads = 0;
      const load = (file: SourceFile) => {
        reads++;
        return readSource(file, ingested.unread);
      };
      const stats = {} as PrepareStats;
      const prepared = await prepareArticles(ingested.files, { zone, workers: 2, minParallel: 1, threads, ahead, load, cache, dropEvidence: true }, stats);
      expect(stats.ahead).toBe(ingested.files.length);
      expect(stats.threads).toBe(2);
      expect(reads).toBe(0);
      expect(JSON.stringify(plain(prepared, false))).toBe(json(emptied));
      expect(ahead.prepared.size).toBe(0);
      await expect(threads.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
    }
    // The packs were committed: the next build takes every article from them.
    const warm = {} as PrepareStats;
    const again = await prepareArticles(whole.files, { zone, workers: 0, cache: new DiskCache(cacheDir, () => {}), load: (file) => readSource(file, whole.unread), dropEvidence: true }, warm);
    expect([warm.cleanHits, warm.datedHits, warm.computed]).toEqual([whole.files.length, articles(emptied), 0]);
    expect(JSON.stringify(plain(again, false))).toBe(json(emptied));
  });

  it("are not asked ahead when the cache holds an article pack (the ingest state was lost): the stage takes the articles from it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-ahead-known-"));
    for (const sub of ["seeds", "inputs"]) cpSync(join(fixtures, sub), join(dir, sub), { recursive: true });
    const cacheDir = mkdtempSync(join(tmpdir(), "digest-ahead-known-cache-"));
    const whole = await ingest(dir, { keepText: false });
    const load = (file: SourceFile) => readSource(file, whole.unread);
    await prepareArticles(whole.files, { zone, workers: 0, cache: new DiskCache(cacheDir, () => {}), load, dropEvidence: true });
    const threads = startArticleThreads({ zone, workers: 2 })!;
    expect(articlesAhead(threads, { zone, cache: new DiskCache(cacheDir, () => {}) })).toBeNull();
    const warm = {} as PrepareStats;
    await prepareArticles(whole.files, { zone, cache: new DiskCache(cacheDir, () => {}), load, threads, dropEvidence: true }, warm);
    expect([warm.cleanHits, warm.computed]).toEqual([whole.files.length, 0]);
    await expect(threads.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
  });

  it("do the article step ahead for the first files only (`aheadFiles`); the stage reads and computes the others as before", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-ahead-some-"));
    for (const copy of ["a", "b"]) for (const sub of ["seeds", "inputs"]) cpSync(join(fixtures, sub), join(dir, copy, sub), { recursive: true });
    const direct = (await ingest(dir)).files.map((file) => prepareArticle(file, { zone }));
    const threads = startArticleThreads({ zone, workers: 2 })!;
    const ahead = articlesAhead(threads, { zone, aheadFiles: 10 })!;
    const ingested = await ingest(dir, { keepText: false, readFiles: ahead.readFiles });
    expect(ingested.files.length).toBeGreaterThanOrEqual(20);
    let reads = 0;
    const load = (file: SourceFile) => {
      reads++;
      return readSource(file, ingested.unread);
    };
    const stats = {} as PrepareStats;
    const prepared = await prepareArticles(ingested.files, { zone, workers: 2, minParallel: 1, threads, ahead, load, dropEvidence: true }, stats);
    // Of the first ten files listed, those read (the empty and binary ones are rejected).
    expect(stats.ahead).toBeGreaterThan(0);
    expect(stats.ahead).toBeLessThanOrEqual(10);
    expect(reads).toBe(ingested.files.length - stats.ahead);
    expect(JSON.stringify(plain(prepared, false))).toBe(json(direct.map((o) => ("article" in o ? { article: { ...o.article, raw: "", context: "" } } : o))));
  });

  it("when the threads fail, the files are read here instead: the same ingest and outcomes, and the failure said", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-ahead-fail-"));
    for (const sub of ["seeds", "inputs"]) cpSync(join(fixtures, sub), join(dir, sub), { recursive: true });
    const whole = await ingest(dir, { keepText: false });
    const direct = (await ingest(dir)).files.map((file) => prepareArticle(file, { zone }));
    const threads = startArticleThreads({ zone, workers: 2 })!;
    const warnings: string[] = [];
    const ahead = articlesAhead(threads, { zone, warn: (text) => warnings.push(text) })!;
    await threads.close(); // a pool that cannot take the chunks
    const ingested = await ingest(dir, { keepText: false, readFiles: ahead.readFiles });
    expect(warnings).toEqual([expect.stringMatching(/^worker threads failed/)]);
    expect(ingested.files).toEqual(whole.files);
    expect(ingested.messages).toEqual(whole.messages);
    expect(ingested.rejected).toEqual(whole.rejected);
    const load = (file: SourceFile) => readSource(file, ingested.unread);
    const prepared = await prepareArticles(ingested.files, { zone, workers: 1, threads, ahead, load, dropEvidence: true });
    expect(JSON.stringify(plain(prepared, false))).toBe(json(direct.map((o) => ("article" in o ? { article: { ...o.article, raw: "", context: "" } } : o))));
  });

  it("are not asked ahead when there are none, or the rules cannot be sent to them", () => {
    expect(articlesAhead(null, { zone })).toBeNull();
    expect(startArticlePool(1)).toBeNull();
    const threads = startArticleThreads({ zone, workers: 2 })!;
    expect(articlesAhead(threads, { zone, rules: [{ ...defaultRules[0]!, name: "mine" }] })).toBeNull();
    return threads.close();
  });
});

describe("what the map assumes of the stages", () => {
  it("dating one article at a time is dating them all at once", () => {
    const cleaned = files.map((f) => cleanArticle(f)).flatMap((o) => ("article" in o ? [o.article] : []));
    // The per-article step also works out the words clustering reads (`terms`, and their key): not the date stage's.
    const dated = cleaned.map((a) => dateArticle(a, zone));
    expect(dated.every((a) => a.terms !== undefined && a.termsKey !== undefined)).toBe(true);
    expect(json(dated.map(({ terms: _, termsKey: __, ...a }) => a))).toBe(json(dateArticles(cleaned, { zone })));
  });

  it("cleaning does not depend on the file's path, except in the path and messages' file", () => {
    const strip = (a: CleanArticle | undefined) => a && json({ ...a, path: "", messages: a.messages.map((m) => ({ ...m, file: "" })) });
    for (const file of files) {
      const here = cleanArticle(file);
      const there = cleanArticle({ ...file, path: `elsewhere/renamed-${file.path.replace(/\//g, "-")}` });
      expect(strip("article" in there ? there.article : undefined)).toBe(strip("article" in here ? here.article : undefined));
    }
  });
});

describe("files that come without their text", () => {
  it("are read when they must be computed, on threads or not, and one that cannot be read then is rejected with the reason", async () => {
    const stubs = files.map((f) => ({ ...f, text: "", contentKey: `key-${f.path}` }));
    const gone = files[1]!.path;
    let reads = 0;
    const load = async (file: SourceFile) => {
      reads++;
      if (file.path === gone) return { rejected: { path: gone, reason: "cannot be read (it vanished while being read)" }, messages: [{ file: gone, stage: "ingest" as const, level: "error" as const, rule: "unreadable", text: "cannot be read (it vanished while being read)" }] };
      return { file: files.find((f) => f.path === file.path)! };
    };
    for (const workers of [1, 2]) {
      reads = 0;
      const prepared = await prepareArticles(stubs, { zone, workers, minParallel: 1, load, dropEvidence: true });
      expect(reads).toBe(files.length);
      const whole = await prepareArticles(files, { zone, workers: 1, dropEvidence: true });
      prepared.forEach((outcome, i) => {
        if (files[i]!.path === gone) expect(outcome).toEqual({ rejected: { path: gone, reason: "cannot be read (it vanished while being read)" }, messages: expect.any(Array) });
        else expect(json(outcome), files[i]!.path).toBe(json(whole[i]));
      });
    }
  });
});

describe("dropping the evidence (the build)", () => {
  it("empties every article's raw text and context on every path, threads, cache or neither, and changes nothing else", async () => {
    const full = await prepareArticles(files, { zone, workers: 1 });
    const emptied = full.map((o) => ("article" in o ? { article: { ...o.article, raw: "", context: "" } } : o));
    expect(full.some((o) => "article" in o && o.article.raw !== "")).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "digest-drop-"));
    for (const options of [{ workers: 1 }, { workers: 2, minParallel: 1 }, { workers: 1, cache: new DiskCache(dir, () => {}) }, { workers: 1, cache: new DiskCache(dir, () => {}) }]) {
      // The build reads no context: what the cache keeps of it stays unread.
      expect(JSON.stringify(plain(await prepareArticles(files, { zone, dropEvidence: true, ...options }), false))).toBe(json(emptied));
    }
  });
});
