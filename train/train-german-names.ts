// `npx tsx train/train-german-names.ts`: the German name test of src/digest/categories-german.ts, a logistic
// model over the story's own evidence, learned on the tuning half's German dev pages (webpages-dev and
// dates-dev, cleaned from their HTML as eval:categories reads them, a page in both sets once). Its examples:
// each page's one-word capitalised categories among its first six as the determiner test alone leaves them,
// labelled by hand by word (train/labels/german-names.json: the names; every other candidate is a common noun
// or no name at all: "Fertig", "Schul"). Writes src/digest/german-names-model.json and prints, by 5-fold
// cross-validation over pages, how many of the names and non-names shown in the first three each threshold
// would take out (qa69, docs/scaling.md: the threshold below was chosen on these figures).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cleanSource } from "../src/clean/index.ts";
import { rankedCategories, PROSE_PARAGRAPHS } from "../src/digest/categories.ts";
import { GERMAN_NAME_FEATURES, germanNameFeatures, germanNameScore, proseWords } from "../src/digest/categories-german.ts";
import { textLanguage } from "../src/digest/language.ts";
import { fnv1a } from "../src/text/hash.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { loadDates, loadWebpages } from "../eval/lib/clean-corpus.ts";

const OUT = fileURLToPath(new URL("../src/digest/german-names-model.json", import.meta.url));
const LABELS = fileURLToPath(new URL("labels/german-names.json", import.meta.url));
/** Below this estimate a word is a common noun: the highest that took out at most 1 in 10 shown names in cross-validation (qa69). */
const THRESHOLD = 0.1;
const CANDIDATES = 6;
const SHOWN = 3;
const ITERATIONS = 300;
const RATE = 0.5;
const L2 = 1;

interface Example {
  page: string;
  word: string;
  rank: number;
  name: boolean;
  x: number[];
}

const names = new Set((JSON.parse(readFileSync(LABELS, "utf8")) as { names: string[] }).names);
const examples: Example[] = [];
const seen = new Set<string>();
let german = 0;
for (const page of [...loadWebpages(), ...loadDates()]) {
  if (page.half !== "tune" || seen.has(page.id)) continue;
  seen.add(page.id);
  let article;
  try {
    article = cleanSource(devSource(`${page.set}/${page.id}.html`, "html", page.html, page.url));
  } catch {
    continue;
  }
  if (!article.paragraphs.length || textLanguage([article.paragraphs.join("\n")]).lang !== "de") continue;
  german++;
  const prose = { path: "", paragraphs: article.paragraphs };
  const words = proseWords([article.paragraphs], PROSE_PARAGRAPHS);
  const forms = new Set(words);
  rankedCategories([prose], article.meta.source ? [article.meta.source] : [], CANDIDATES, "de", false).forEach((word, i) => {
    if (word.includes(" ") || /^.[^]*\p{Lu}/u.test(word)) return;
    examples.push({ page: page.id, word, rank: i + 1, name: names.has(word), x: germanNameFeatures(words, forms, word) });
  });
}

/** Full-batch gradient descent from zero, in the examples' order: the same examples, the same weights. */
function fit(data: readonly Example[]): number[] {
  const w: number[] = GERMAN_NAME_FEATURES.map(() => 0);
  for (let it = 0; it < ITERATIONS; it++) {
    const g = w.map(() => 0);
    for (const e of data) {
      const err = germanNameScore(e.x, w) - (e.name ? 1 : 0);
      for (let i = 0; i < w.length; i++) g[i]! += err * e.x[i]!;
    }
    for (let i = 0; i < w.length; i++) w[i]! -= RATE * (g[i]! / data.length + (i ? (L2 * w[i]!) / data.length : 0));
  }
  return w;
}

const fold = (page: string) => fnv1a(page) % 5;
const held = new Map<Example, number>();
for (let k = 0; k < 5; k++) {
  const w = fit(examples.filter((e) => fold(e.page) !== k));
  for (const e of examples) if (fold(e.page) === k) held.set(e, germanNameScore(e.x, w));
}
const shown = examples.filter((e) => e.rank <= SHOWN);
const shownNames = shown.filter((e) => e.name).length;
console.log(`tuning half: ${german} German pages, ${examples.length} one-word German candidates (${examples.filter((e) => e.name).length} names); shown in the first ${SHOWN}: ${shown.length} (${shownNames} names)`);
for (const t of [0.05, 0.1, 0.15, 0.2, 0.3]) {
  const out = shown.filter((e) => held.get(e)! < t);
  const names = out.filter((e) => e.name).length;
  console.log(`  threshold ${t}${t === THRESHOLD ? " (taken)" : ""}: non-names taken out ${out.length - names} of ${shown.length - shownNames}, names taken out ${names} of ${shownNames} (5-fold, by page)`);
}

const weights = fit(examples).map((v) => Math.round(v * 1e4) / 1e4);
const model = { features: GERMAN_NAME_FEATURES, weights, threshold: THRESHOLD, trainedOn: { pages: german, candidates: examples.length, names: examples.filter((e) => e.name).length } };
writeFileSync(OUT, `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote ${OUT}`);
