// German capitalises every noun, so a one-word German category may be a common noun ("Zeit", "Tomaten",
// "Kommunikation") as well as a name ("Dessau", "Tesla", "Özil"). ./categories.ts already passes over a word
// most of whose uses follow a determiner or a number; the nouns left are weighed here on the story's own
// evidence by a small logistic model (train/train-german-names.ts, learned on the tuning half's German dev
// pages, their candidates labelled name or not by hand: train/labels/german-names.json). A story whose
// candidates are all common nouns gets no categories rather than nouns.
import { GERMAN_DETERMINERS } from "../text/name-words.ts";
import model from "./german-names-model.json" with { type: "json" };

/** Prepositions a place or a company follows with no determiner ("in Dessau", "aus München", "bei Bosch"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set("in aus nach bei von mit für gegen über durch um ohne zu ab seit an auf unter vor hinter zwischen".split(" "));

/** Endings that make nouns of other words (-ung, -heit, -keit, -schaft, -tion, -tät, -ismus…): a name seldom has one. */
const NOUN_SUFFIX = /(?:ung|heit|keit|schaft|tion|tät|ismus|nis|tum|ling|chen|ment|ik|ie|enz|anz|ur|ei|eur|ist|or)$/u;

/**
 * Plurals of the noun-making endings above, and dative plurals, that a name seldom has ("Bestimmungen", "Züchtern",
 * "Beerdigungen"). Not CASE_ENDINGS: a bare case ending (-en, -e, -s) ends many names ("Bremen", "Essen", "Hannes"),
 * so the model weighs the two apart.
 */
const PLURAL_ENDING = /(?:ungen|heiten|keiten|schaften|ionen|täten|nissen?|ern|innen|ten|chen)$/u;

/** A lower-case word ending as an inflected adjective does ("neuen", "leckere", "großer"; verbs too), not a determiner or a preposition. */
const ADJECTIVE = /^\p{Ll}+(?:e|en|er|es|em)$/u;

/** The endings a German noun's plural adds to its singular ("Jahr-e", "Frau-en", "Tomate-n", "Kind-er", "Freundin-nen"). */
export const PLURAL_ENDINGS = ["e", "en", "n", "er", "nen"] as const;

/** The endings of its genitive singular ("Landes", "Bosch-s"). */
const GENITIVE_ENDINGS = ["s", "es"] as const;

/** Every ending a German noun takes in its plural or its cases: the plurals', the genitive's and the dative plural's ("Kind-ern"). */
export const CASE_ENDINGS: readonly string[] = [...PLURAL_ENDINGS, "ern", ...GENITIVE_ENDINGS];

/**
 * The plural endings taken off a word to find its singular among the story's words, and put on a stem for its other
 * forms: all but -nen, as the model was learned (with -nen its features would change and it would need retraining).
 */
const STEM_ENDINGS = PLURAL_ENDINGS.filter((e) => e !== "nen");

/** Whether a word ends as a German noun's plural or case form does (one of CASE_ENDINGS). */
const caseEnding = (word: string) => CASE_ENDINGS.some((e) => word.endsWith(e));

export const GERMAN_NAME_FEATURES = ["bias", "log uses per article", "after a determiner", "after a bare preposition", "plural form beside it", "genitive -s beside it", "head of a compound", "first part of a compound", "noun suffix", "inflected ending", "on the noun list", "inflected form on the noun list", "after a lower-case inflected word", "plural or case ending", "length"] as const;

/** Whether a word is on the list of common nouns. */
export type NounList = (word: string) => boolean;

const NOUNS: ReadonlySet<string> = new Set(model.nouns);
const listedNoun: NounList = (word) => NOUNS.has(word);

/** German question words, which a headline or a heading may capitalise ("Warum"): never a name. */
const QUESTION_WORDS: ReadonlySet<string> = new Set("warum wieso weshalb weswegen wann wo woher wohin wer wen wem wessen was wie welche welcher welches welchen welchem wozu womit wodurch worüber".split(" "));

/**
 * The word's other forms: the stem without one of CASE_ENDINGS (3 letters or more left), and the stem with another
 * of STEM_ENDINGS; and the word with one of them but -er (as the model was learned: "Bau" is not "Bauer").
 */
function otherForms(word: string): string[] {
  const forms: string[] = [];
  for (const e of CASE_ENDINGS) {
    if (!word.endsWith(e) || word.length - e.length < 3) continue;
    const stem = word.slice(0, -e.length);
    forms.push(stem);
    for (const f of STEM_ENDINGS) if (f !== e) forms.push(stem + f);
  }
  for (const f of STEM_ENDINGS) if (f !== "er") forms.push(word + f);
  return forms;
}

/** The words of a story's prose (its articles' first paragraphs, as its categories read them). */
export function proseWords(texts: ReadonlyArray<readonly string[]>, count: number): string[] {
  const words: string[] = [];
  for (const parts of texts) for (let k = 0; k < Math.min(count, parts.length); k++) for (const w of parts[k]!.match(/[\p{L}\p{N}]+/gu) ?? []) words.push(w);
  return words;
}

/**
 * The features of a one-word category (`GERMAN_NAME_FEATURES`) in a story whose prose, of `articles` articles, has
 * these words: its uses counted per article (a page saved twice, as a page and as a text dump, is no more evidence).
 */
export function germanNameFeatures(words: readonly string[], forms: ReadonlySet<string>, name: string, articles = 1, known: NounList = listedNoun): number[] {
  let uses = 0;
  let determined = 0;
  let bare = 0;
  let adjective = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== name) continue;
    uses++;
    const before = i > 0 ? words[i - 1]!.toLowerCase() : "";
    if (GERMAN_DETERMINERS.has(before)) determined++;
    else if (PREPOSITIONS.has(before)) bare++;
    else if (ADJECTIVE.test(words[i - 1] ?? "")) adjective++;
  }
  const lower = name.toLowerCase();
  const plural = PLURAL_ENDINGS.some((e) => forms.has(name + e)) || STEM_ENDINGS.some((e) => name.endsWith(e) && forms.has(name.slice(0, -e.length)));
  const genitive = GENITIVE_ENDINGS.some((e) => forms.has(name + e));
  let head = false;
  let start = false;
  for (const w of forms) {
    if (w.length <= name.length + 2) continue;
    if (!head && w.toLowerCase().endsWith(lower) && /^\p{Lu}/u.test(w)) head = true;
    if (!start && w.startsWith(name)) start = true;
  }
  const share = (n: number) => (uses ? n / uses : 0);
  return [1, Math.log1p(uses / Math.max(1, articles)), share(determined), share(bare), +plural, +genitive, +head, +start, +NOUN_SUFFIX.test(lower), +caseEnding(name), +known(name), +otherForms(name).some(known), share(adjective), +PLURAL_ENDING.test(name), name.length / 10];
}

/** The model's estimate that the word is a name. */
export function germanNameScore(features: readonly number[], weights: readonly number[] = model.weights): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i]! * weights[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** Whether a one-word German category is a common noun by the model: its name score below the model's threshold. */
export function germanCommonNoun(words: readonly string[], forms: ReadonlySet<string>, name: string, articles = 1): boolean {
  if (QUESTION_WORDS.has(name.toLowerCase())) return true;
  return germanNameScore(germanNameFeatures(words, forms, name, articles)) < model.threshold;
}
