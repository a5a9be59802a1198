// The background word frequencies of src/cluster/background-words.json (background.ts), written by
// train:merge before it learns anything: the IDF of a window counts BACKGROUND_DOCUMENTS more articles
// than the window holds (profile.ts); they used to be articles that share no word, so in a build of a few
// articles every shared word ("government", "new") was as rare as a name, and two unrelated reports'
// cosines rose (train/try-small-merge-errors.ts). They are now typical news articles: a word stands in
// the share of them that it stands in among the tuning half of bbc-dev's originals (one article per story,
// five desks), kept when in at least MIN_DF of them.
import { fileURLToPath } from "node:url";
import { readMentions } from "../../src/cluster/mentions.ts";
import { stem } from "../../src/text/tfidf.ts";
import { buildMergeSet } from "../../eval/lib/merge-set.ts";
import { halfOf } from "../../eval/lib/split.ts";

const MIN_DF = 3;

/** The file's text. */
export function backgroundWords(): string {
  const corpus = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
  const seeds = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
  const items = buildMergeSet(seeds, `${corpus}bbc-dev.jsonl`).filter((x) => x.kind === "original" && halfOf(x.splitKey) === "tune");
  const df = new Map<string, number>();
  for (const x of items) for (const w of new Set(readMentions(x.article.title, x.article.paragraphs).words.map(stem))) df.set(w, (df.get(w) ?? 0) + 1);
  const words = Object.fromEntries([...df].filter(([, c]) => c >= MIN_DF).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
  return `${JSON.stringify({ trainedOn: `the tuning half of bbc-dev's originals (${items.length} articles, one per story), stems in at least ${MIN_DF}; npm run train:merge`, documents: items.length, words })}\n`;
}
