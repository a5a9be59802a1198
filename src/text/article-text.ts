// What story ids and headlines need of an article's text (a hash of it and its word count), and its
// paragraphs when they were left in the build cache. An article the cache gave back carries the facts
// as plain data (`text`) and its paragraphs only as where they are (`stored`): its `paragraphs` list is
// empty until `paragraphsOf` reads them into it. Anything that reads the prose goes through `paragraphsOf`.
import type { CleanArticle, TextFacts } from "../types.ts";
import { shortHash } from "./hash.ts";
import { countTextWords } from "./words.ts";

type Text = Pick<CleanArticle, "title" | "paragraphs" | "text" | "stored">;

/** A hash of the headline and paragraphs (story ids follow an article by it: src/cluster identity.ts). */
export function textHash(title: string, paragraphs: readonly string[]): string {
  return shortHash(`${title}\n\n${paragraphs.join("\n\n")}`, 16);
}

/** The words of the paragraphs, paragraph by paragraph (no word spans the space a join would put between two). */
export function wordCount(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += countTextWords(p);
  return n;
}

/** `words`: the paragraphs' word count when the caller has it (the cleaner counts them to reject short texts). */
export function textFacts(title: string, paragraphs: readonly string[], words = wordCount(paragraphs)): TextFacts {
  return { hash: textHash(title, paragraphs), words };
}

/**
 * The article's paragraphs: read from the cache into its list on first call when it came without them
 * (the list is shared by the article's copies, so each reads them at most once).
 */
export function paragraphsOf(article: Pick<CleanArticle, "paragraphs" | "stored">): string[] {
  const { stored, paragraphs } = article;
  if (stored && paragraphs.length === 0) for (const p of stored.source.read(stored.at).paragraphs) paragraphs.push(p);
  return paragraphs;
}

export const articleTextHash = (article: Text): string => article.text?.hash ?? textHash(article.title, paragraphsOf(article));
export const articleWordCount = (article: Text): number => article.text?.words ?? wordCount(paragraphsOf(article));
