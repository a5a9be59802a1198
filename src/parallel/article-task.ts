// The per-article step as a chunk function for the pool (and for this thread when the cache is on):
// each file's cleaned and dated article as cache records, which are also how it travels back.
import type { SourceFile } from "../types.ts";
import { defaultRules, type CleanRule } from "../clean/index.ts";
import { cleanArticle, dateArticle, type ArticleClock, type ArticleOutcome } from "../pipeline/article.ts";
import { cleanRecordJson, datedRecordJson } from "../cache/articles.ts";
import { contentKey, readFileAt, type FileRead, type ReadRequest } from "../ingest/index.ts";

export interface ArticleTaskArgs {
  zone: string;
  /** The cleaning rules by name, from the default list (functions cannot be sent to a thread). */
  ruleNames: readonly string[];
}

/**
 * `clean`/`dated`: the records' JSON (null when the result cannot be recorded exactly). `outcome`: the
 * result itself, only when the records cannot give it back; its `raw` is left empty (the caller has it).
 * `ms`: milliseconds cleaning, dating, and reading the terms clustering needs.
 */
export interface PreparedFile {
  clean: string | null;
  /** The article's paragraphs and context as JSON, beside `clean` (null with it, and for a rejection). */
  prose: string | null;
  dated: string | null;
  outcome?: ArticleOutcome;
  ms: [number, number, number];
}

export function prepareFiles(files: SourceFile[], args: ArticleTaskArgs): PreparedFile[] {
  const rules = rulesNamed(args.ruleNames);
  return files.map((file) => prepareFile(file, args.zone, rules, true));
}

/** A file read for ingest (its text left out, its content key set) and, when it could be read, its article step. */
export interface ReadAnswer {
  read: FileRead;
  prepared: PreparedFile | null;
}

/** A file to read; `keyOnly`: its article step is left to the stage (./articles.ts `AHEAD_FILES`). */
export type ReadTask = ReadRequest & { keyOnly?: boolean };

/**
 * Ingest's reads done here (src/ingest `readFiles`), each file's article step beside: a cold build's
 * threads read the files themselves, so that the thread listing the input neither reads them nor sends
 * their texts. What each read gives is what ingest's own read gives.
 */
export function readAndPrepareFiles(requests: ReadTask[], args: ArticleTaskArgs): ReadAnswer[] {
  const rules = rulesNamed(args.ruleNames);
  return requests.map((request) => {
    // A path that is bytes comes to a thread as a Uint8Array.
    const read = readFileAt(typeof request.abs === "string" || Buffer.isBuffer(request.abs) ? request : { ...request, abs: Buffer.from(request.abs) });
    if ("rejected" in read) return { read, prepared: null };
    read.file.contentKey = contentKey(read.file);
    const prepared = request.keyOnly ? null : prepareFile(read.file, args.zone, rules, true);
    read.file.text = "";
    return { read, prepared };
  });
}

/** One file; `forThread` drops the raw text from a returned outcome (the other side has the file). */
export function prepareFile(file: SourceFile, zone: string, rules: readonly CleanRule[], forThread = false): PreparedFile {
  const start = performance.now();
  const cleaned = cleanArticle(file, rules);
  const mid = performance.now();
  const records = cleanRecordJson(file, cleaned);
  const clean = records?.record ?? null;
  const prose = records?.prose ?? null;
  if (!("article" in cleaned)) return clean === null ? { clean, prose, dated: null, outcome: cleaned, ms: [mid - start, 0, 0] } : { clean, prose, dated: null, ms: [mid - start, 0, 0] };
  const clock: ArticleClock = { clean: mid - start, date: 0, terms: 0 };
  const article = dateArticle(cleaned.article, zone, clock);
  const ms: [number, number, number] = [clock.clean, clock.date, clock.terms];
  const dated = datedRecordJson(cleaned.article, article);
  if (clean !== null && dated !== null) return { clean, prose, dated, ms };
  if (forThread) article.raw = "";
  return { clean, prose, dated, outcome: { article }, ms };
}

function rulesNamed(names: readonly string[]): CleanRule[] {
  const byName = new Map(defaultRules.map((r) => [r.name, r]));
  return names.map((name) => {
    const rule = byName.get(name);
    if (!rule) throw new Error(`no cleaning rule is named "${name}"`);
    return rule;
  });
}
