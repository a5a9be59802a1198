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

/** Endings of German plurals and dative plurals that a name seldom has ("Bestimmungen", "Züchtern", "Beerdigungen"). */
const PLURAL_ENDING = /(?:ungen|heiten|keiten|schaften|ionen|täten|nissen?|ern|innen|ten|chen)$/u;

/** A lower-case word ending as an inflected adjective does ("neuen", "leckere", "großer"; verbs too), not a determiner or a preposition. */
const ADJECTIVE = /^\p{Ll}+(?:e|en|er|es|em)$/u;

/** Endings of German plurals and inflected forms (-en, -e, -er, -n, -s). */
const INFLECTED = /(?:en|e|er|n|s)$/u;

export const GERMAN_NAME_FEATURES = ["bias", "log uses per article", "after a determiner", "after a bare preposition", "plural form beside it", "genitive -s beside it", "head of a compound", "first part of a compound", "noun suffix", "inflected ending", "on the noun list", "inflected form on the noun list", "after a lower-case inflected word", "plural or case ending", "length"] as const;

/** Whether a word is on the list of common nouns. */
export type NounList = (word: string) => boolean;

const NOUNS: ReadonlySet<string> = new Set(model.nouns);
const listedNoun: NounList = (word) => NOUNS.has(word);

/** German question words, which a headline or a heading may capitalise ("Warum"): never a name. */
const QUESTION_WORDS: ReadonlySet<string> = new Set("warum wieso weshalb weswegen wann wo woher wohin wer wen wem wessen was wie welche welcher welches welchen welchem wozu womit wodurch worüber".split(" "));

/** Endings a German noun takes in its plural or its cases (the stem left is 3 letters or more). */
const ENDINGS = ["nen", "ern", "en", "er", "es", "e", "n", "s"];

/** The word's other forms: the stem without one ending, and the stem with another. */
function otherForms(word: string): string[] {
  const forms: string[] = [];
  for (const e of ENDINGS) {
    if (!word.endsWith(e) || word.length - e.length < 3) continue;
    const stem = word.slice(0, -e.length);
    forms.push(stem);
    for (const f of ["e", "en", "n", "er"]) if (f !== e) forms.push(stem + f);
  }
  for (const f of ["e", "en", "n"]) forms.push(word + f);
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
  const plural = ["e", "en", "n", "er", "nen"].some((e) => forms.has(name + e)) || ["e", "en", "n", "er"].some((e) => name.endsWith(e) && forms.has(name.slice(0, -e.length)));
  const genitive = forms.has(`${name}s`) || forms.has(`${name}es`);
  let head = false;
  let start = false;
  for (const w of forms) {
    if (w.length <= name.length + 2) continue;
    if (!head && w.toLowerCase().endsWith(lower) && /^\p{Lu}/u.test(w)) head = true;
    if (!start && w.startsWith(name)) start = true;
  }
  const share = (n: number) => (uses ? n / uses : 0);
  return [1, Math.log1p(uses / Math.max(1, articles)), share(determined), share(bare), +plural, +genitive, +head, +start, +NOUN_SUFFIX.test(lower), +INFLECTED.test(name), +known(name), +otherForms(name).some(known), share(adjective), +PLURAL_ENDING.test(name), name.length / 10];
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
