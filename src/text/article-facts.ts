// What the build needs to know of an article's text without reading it again: the hash story ids keep
// of it, and its word count (which headline a story takes). Both are worked out when the article is
// cleaned and kept with it in the cache, so that an article restored from the cache can leave its
// paragraphs unparsed (src/cache/articles.ts) unless something reads them.
import { shortHash } from "./hash.ts";
import { countWords } from "./words.ts";

export interface TextFacts {
  /** The title the hash was made with (a hash stands for the title and paragraphs together). */
  title: string;
  hash: string;
  words: number;
}

// Keyed by the paragraphs list itself: it is the same object in every copy of the article.
const known = new WeakMap<readonly string[], TextFacts>();

/** Remembers what is known of these paragraphs (as the article was cleaned, under this title). */
export function knowTextFacts(paragraphs: readonly string[], facts: TextFacts): void {
  known.set(paragraphs, facts);
}

/** A hash of the article's headline and paragraphs. */
export function articleTextHash(title: string, paragraphs: readonly string[]): string {
  const facts = known.get(paragraphs);
  if (facts && facts.title === title) return facts.hash;
  return shortHash(`${title}\n\n${paragraphs.join("\n\n")}`, 16);
}

/** The words of the article's paragraphs, paragraph by paragraph (no word spans two). */
export function articleWords(paragraphs: readonly string[]): number {
  const facts = known.get(paragraphs);
  if (facts) return facts.words;
  let n = 0;
  for (const p of paragraphs) n += countWords(p);
  return n;
}

/** The facts of an article's text, worked out from it. */
export function textFacts(title: string, paragraphs: readonly string[]): TextFacts {
  return { title, hash: articleTextHash(title, paragraphs), words: articleWords(paragraphs) };
}
