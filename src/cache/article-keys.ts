// Caches that key a story by its articles' inputs instead of their prose (summaries, categories): an
// input's content key (src/ingest contentKey: format, encoding, URL and text) decides its article's title
// and paragraphs, but only under the same per-article step and cleaning rules.
import { codeHash, moduleUrl } from "./code-hash.ts";

/** Each input's content key, by path, and the cleaning rules the build runs. */
export interface ArticleKeys {
  rules: readonly string[];
  contentKeys: ReadonlyMap<string, string>;
}

/** The modules that turn an input into its article (the build cache keys cleaned articles by the same code). */
const ARTICLE_STEP = moduleUrl("../pipeline/article", import.meta.url);

/** What an article's content key stands for in a key: the step's code and the rules ("" without ArticleKeys). */
export function articleKeysMeaning(articles: ArticleKeys | undefined): string {
  return articles ? `${codeHash([ARTICLE_STEP])} ${articles.rules.join(",")}` : "";
}
