// The per-article map on threads and from the cache gives what the pipeline computes on its own.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { cleanArticle, dateArticle, prepareArticle } from "../../src/pipeline/article.ts";
import { dateArticles } from "../../src/date/index.ts";
import { defaultRules, rulesWithout } from "../../src/clean/index.ts";
import { prepareArticles, startArticleThreads, type PrepareStats } from "../../src/parallel/articles.ts";
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

describe("what the map assumes of the stages", () => {
  it("dating one article at a time is dating them all at once", () => {
    const cleaned = files.map((f) => cleanArticle(f)).flatMap((o) => ("article" in o ? [o.article] : []));
    // The per-article step also works out the words clustering reads (`terms`, and their key) and the copy step's
    // sketch of them: not the date stage's.
    const dated = cleaned.map((a) => dateArticle(a, zone));
    expect(dated.every((a) => a.terms !== undefined && a.termsKey !== undefined && a.copySketch !== undefined)).toBe(true);
    expect(json(dated.map(({ terms: _, termsKey: __, copySketch: ___, ...a }) => a))).toBe(json(dateArticles(cleaned, { zone })));
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
