// The per-article half of the pipeline: one input file → its cleaned, dated article, or why it holds none.
// It reads nothing but its own file, so it can run on any thread and be cached by the file's content
// (src/parallel/articles.ts does both).
import type { CleanArticle, DatedArticle, Message, Rejection, SourceFile } from "../types.ts";
import { cleanSource, InputRejected, type CleanRule } from "../clean/index.ts";
import { dateArticles } from "../date/index.ts";
import { articleTermsKeyed } from "../cluster/index.ts";
import { copySketchOfWritten } from "./copies.ts";
import { notLanguage } from "../ingest/index.ts";
import { wordCount } from "../text/article-text.ts";
import { openingWords } from "../text/sentences.ts";

/** `words`: the article's word count, when the cleaner counted it (so the record does not count it again). */
export type CleanOutcome = { article: CleanArticle; words?: number } | { rejected: Rejection; messages: Message[] };
export type ArticleOutcome = { article: DatedArticle } | { rejected: Rejection; messages: Message[] };

export interface ArticleOptions {
  zone: string;
  /** The cleaning rules to run; the default list when absent. */
  rules?: readonly CleanRule[];
}

/** Milliseconds spent cleaning, dating and reading the terms clustering needs, summed over articles (for the build's timings). */
export interface ArticleClock {
  clean: number;
  date: number;
  terms: number;
}

/** Fewer words than this after cleaning and the file held no article, only page furniture. */
const MIN_ARTICLE_WORDS = 15;

/**
 * In a page's text dump with no headline, one paragraph of fewer words than this is what a page with no
 * article prints in its place ("enable JavaScript", "your browser is not supported", a paywall's line): the
 * build would make the story's headline out of the notice's opening words. The same bound as
 * src/clean/doubts.ts's thin body. Only text dumps: a dump of a real page shows its headline, while an
 * untitled feed item or a hand-written Markdown note of one short paragraph is what its author meant.
 */
const MIN_UNTITLED_WORDS = 50;

/** Why an input with no headline holds no article to publish, or null when its text reads as one. */
export function untitledNotice(format: CleanArticle["format"], paragraphs: readonly string[], words: number): string | null {
  if (format !== "text" || paragraphs.length > 1 || words >= MIN_UNTITLED_WORDS) return null;
  return `no article found: no headline and only one short paragraph (${words} words), what a notice such as "enable JavaScript" or "page not available" prints in place of an article`;
}

type Rejected = { rejected: Rejection; messages: Message[] };

/** A rejection and its record in the messages, after whatever the stage said about the file before. */
export function rejection(path: string, reason: string, stage: Message["stage"], rule: string, earlier: readonly Message[] = []): Rejected {
  return { rejected: { path, reason, stage, rule }, messages: [...earlier, { file: path, stage, level: "error", rule, text: reason }] };
}

export function cleanArticle(file: SourceFile, rules?: readonly CleanRule[]): CleanOutcome {
  let article: CleanArticle;
  try {
    article = cleanSource(file, rules);
  } catch (error) {
    if (error instanceof InputRejected) return rejection(file.path, error.message, "clean", error.rule);
    // A page nested thousands of levels deep exhausts the stack; say so rather than quote the engine.
    const why = error instanceof RangeError ? "markup nested too deeply to read" : (error as Error).message;
    return rejection(file.path, `could not be cleaned: ${why}`, "clean", "clean-failed");
  }
  const words = wordCount(article.paragraphs);
  if (words < MIN_ARTICLE_WORDS) {
    const reason = words === 0 ? "no article text found (only page furniture)" : `too little article text after cleaning (${words} words)`;
    return rejection(file.path, reason, "clean", "too-little-text", article.messages);
  }
  const gibberish = notLanguage([article.title, ...article.paragraphs].join("\n"));
  if (gibberish) return rejection(file.path, gibberish, "clean", "not-language", article.messages);
  if (!article.title) {
    const notice = untitledNotice(article.format, article.paragraphs, words);
    if (notice) return rejection(file.path, notice, "clean", "untitled-notice", article.messages);
    article.title = openingWords(article.paragraphs[0] ?? "", 12);
    article.titleFromText = true;
  }
  const doubt = article.messages.find(isGateDoubt);
  if (doubt) article.doubt = doubt.text;
  return { article, words };
}

/** The article gate's warning that it kept a page it doubts is an article (src/clean/rules/article-gate.ts). */
export const isGateDoubt = (m: Message): boolean => m.rule === "article-gate" && m.level === "warning" && m.stage === "clean";

/** The date stage's per-article step, through its entry function, and the words clustering will read (`clock`: the time each took, added). */
export function dateArticle(article: CleanArticle, zone: string, clock?: ArticleClock): DatedArticle {
  const start = performance.now();
  const dated = dateArticles([article], { zone })[0]!;
  const mid = performance.now();
  // The sketch the copy step finds copies by (src/pipeline/copies.ts), from the words just written: made once, cached with the terms.
  const { terms, key, read: copySketch } = articleTermsKeyed(dated.title, dated.paragraphs, copySketchOfWritten);
  if (clock) {
    clock.date += mid - start;
    clock.terms += performance.now() - mid;
  }
  // The sketch and the key before the terms: the cache's dated record keeps `terms` last (src/cache/articles.ts).
  return { ...dated, copySketch, termsKey: key, terms };
}

export function prepareArticle(file: SourceFile, options: ArticleOptions, clock?: ArticleClock): ArticleOutcome {
  const start = performance.now();
  const cleaned = cleanArticle(file, options.rules);
  if (clock) clock.clean += performance.now() - start;
  if (!("article" in cleaned)) return cleaned;
  return { article: dateArticle(cleaned.article, options.zone, clock) };
}

