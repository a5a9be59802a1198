// The articles scripts/bench-cluster-steps.ts keeps as DIR.steps.v8 (cleaned and dated), and the article a
// one-new study holds back from them: shared by the cluster reach and reuse studies.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { deserialize } from "node:v8";
import type { DatedArticle } from "../src/types.ts";

/** DIR.steps.v8's articles in path order. */
export function stepsArticles(dir: string): DatedArticle[] {
  const file = `${resolve(dir)}.steps.v8`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/bench-cluster-steps.ts ${dir} first`);
  return (deserialize(readFileSync(file)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The index of the last article (in path order) dated `day`, or of the last article when no day is given. */
export function heldIndex(articles: readonly DatedArticle[], day?: string): number {
  let held = articles.length - 1;
  if (day) while (held >= 0 && (articles[held]!.evidence.date ?? articles[held]!.evidence.pageDate) !== day) held--;
  if (held < 0) throw new Error(`no article of ${day}`);
  return held;
}
