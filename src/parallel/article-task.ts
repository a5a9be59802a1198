// The per-article step as a chunk function for the pool (and for this thread when the cache is on):
// each file's cleaned and dated article as cache records, which are also how it travels back.
import type { SourceFile } from "../types.ts";
import { defaultRules, type CleanRule } from "../clean/index.ts";
import { cleanArticle, dateArticle, type ArticleClock, type ArticleOutcome } from "../pipeline/article.ts";
import { cleanRecordJson, datedRecordJson } from "../cache/articles.ts";

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
