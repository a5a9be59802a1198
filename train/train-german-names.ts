// `npx tsx train/train-german-names.ts`: the German name test of src/digest/categories-german.ts, a logistic
// model over the story's own evidence, learned on the tuning half's German dev pages (webpages-dev and
// dates-dev, cleaned from their HTML as eval:categories reads them, a page in both sets once). Its examples:
// each page's one-word capitalised categories among its first six as the determiner test alone leaves them,
// labelled by hand by word (train/labels/german-names.json: the names; every other candidate is a common noun
// or no name at all: "Fertig", "Schul"). Writes src/digest/german-names-model.json and prints, by 5-fold
// cross-validation over pages, how many of the names and non-names shown in the first three each threshold
// would take out (qa69, docs/scaling.md: the threshold below was chosen on these figures).
// The model's noun list (ct73): every capitalised word the same tuning-half German pages' text dumps write after a
// determiner on at least NOUN_PAGES pages. While training, a page's own uses are left out of the count its
// candidates read (the list as a page it was not learned from would meet it), so the weights do not trust it more
// than a new page can. A word the same pages also write as a name, after a bare lower-case preposition ("in
// Deutschland", "bei Google", "aus China") on as many pages as after a determiner, is left off the list (ct74).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cleanSource } from "../src/clean/index.ts";
import { rankedCategories, PROSE_PARAGRAPHS } from "../src/digest/categories.ts";
import { GERMAN_NAME_FEATURES, PREPOSITIONS, germanNameFeatures, germanNameScore, proseWords } from "../src/digest/categories-german.ts";
import { GERMAN_DETERMINERS } from "../src/text/name-words.ts";
import { textLanguage } from "../src/digest/language.ts";
import { fnv1a } from "../src/text/hash.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { distinctPages, loadDates, loadWebpages } from "../eval/lib/clean-corpus.ts";

const OUT = fileURLToPath(new URL("../src/digest/german-names-model.json", import.meta.url));
const LABELS = fileURLToPath(new URL("labels/german-names.json", import.meta.url));
/**
 * Thresholds tried; the one taken is the highest that takes out at most 1 in 20 shown names in cross-validation
 * (ct73 took 1 in 12; ct74: 1 in 20, the 5 points the names a reader follows may fall by).
 */
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
const CANDIDATES = 6;
const SHOWN = 3;
const ITERATIONS = 300;
const RATE = 0.5;
const L2 = 1;
/** A word is on the noun list when this many tuning pages write it after a determiner. */
const NOUN_PAGES = 2;

interface Example {
  page: string;
  word: string;
  rank: number;
  name: boolean;
  x: number[];
}

const names = new Set((JSON.parse(readFileSync(LABELS, "utf8")) as { names: string[] }).names);
const examples: Example[] = [];
let german = 0;
const pages = distinctPages(loadWebpages(), loadDates()).filter((page) => page.half === "tune");

// The noun list: per page, the capitalised words (no other capital) its text dump writes after a determiner.
const nounsOf = new Map<string, Set<string>>();
const nounPages = new Map<string, number>();
/** Per word, the pages that write it after a bare lower-case preposition, as a name ("in Deutschland"). */
const namePages = new Map<string, number>();
for (const page of pages) {
  if (!page.text || textLanguage([page.text]).lang !== "de") continue;
  const words = page.text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set<string>();
  const bare = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    if (!/^\p{Lu}\p{Ll}{2,}$/u.test(words[i]!)) continue;
    if (GERMAN_DETERMINERS.has(words[i - 1]!.toLowerCase())) found.add(words[i]!);
    else if (PREPOSITIONS.has(words[i - 1]!)) bare.add(words[i]!);
  }
  nounsOf.set(page.id, found);
  for (const w of found) nounPages.set(w, (nounPages.get(w) ?? 0) + 1);
  for (const w of bare) namePages.set(w, (namePages.get(w) ?? 0) + 1);
}
// Left off: the words also written as names, after a bare preposition on as many pages as after a determiner.
for (const [w, n] of namePages) if (n >= (nounPages.get(w) ?? 0)) nounPages.delete(w);
const nounList = [...nounPages].filter(([, n]) => n >= NOUN_PAGES).map(([w]) => w).sort();
/** The list as a page it was not learned from meets it. */
const knownWithout = (page: string) => {
  const own = nounsOf.get(page);
  return (word: string) => (nounPages.get(word) ?? 0) - (own?.has(word) ? 1 : 0) >= NOUN_PAGES;
};

for (const page of pages) {
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
    examples.push({ page: page.id, word, rank: i + 1, name: names.has(word), x: germanNameFeatures(words, forms, word, 1, knownWithout(page.id)) });
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
console.log(`noun list: ${nounList.length} words written after a determiner on ${NOUN_PAGES}+ of ${nounsOf.size} German tuning pages; labelled names on it: ${nounList.filter((w) => names.has(w)).join(", ") || "none"}`);
console.log(`tuning half: ${german} German pages, ${examples.length} one-word German candidates (${examples.filter((e) => e.name).length} names); shown in the first ${SHOWN}: ${shown.length} (${shownNames} names)`);
const namesOut = (t: number) => shown.filter((e) => e.name && held.get(e)! < t).length;
const THRESHOLD = THRESHOLDS.filter((t) => namesOut(t) * 20 <= shownNames).at(-1) ?? THRESHOLDS[0]!;
for (const t of THRESHOLDS) {
  const out = shown.filter((e) => held.get(e)! < t);
  const names = out.filter((e) => e.name).length;
  console.log(`  threshold ${t}${t === THRESHOLD ? " (taken)" : ""}: non-names taken out ${out.length - names} of ${shown.length - shownNames}, names taken out ${names} of ${shownNames} (5-fold, by page)`);
}

const weights = fit(examples).map((v) => Math.round(v * 1e4) / 1e4);
const model = { features: GERMAN_NAME_FEATURES, weights, threshold: THRESHOLD, trainedOn: { pages: german, candidates: examples.length, names: examples.filter((e) => e.name).length, nounPages: NOUN_PAGES }, nouns: nounList };
writeFileSync(OUT, `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote ${OUT}`);
