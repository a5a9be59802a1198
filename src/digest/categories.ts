// A story's categories for feed readers: the names it is about ("Serbia", "National Gallery"), taken
// from its articles' own prose. Capitalised runs of words (parted by brackets, slashes and dashes: "Industry
// (METI)" is two names) that are not sentence openers, weekdays, months, news agencies or the story's own
// outlets, ranked by how many of its articles name them. A story in another language than English refuses
// that language's function words and calendar words too, joins a name's parts with its joiners, and
// passes over a word it also writes in lower case and (German) a noun its articles use as a common noun.
import { isWireService } from "../text/outlet-names.ts";
import { STOP_WORDS } from "../text/words.ts";
import { FUNCTION_WORDS_OF } from "../text/function-words.ts";
import { GERMAN_DETERMINERS, GERMAN_QUANTITIES, NAME_ARTICLES_OF, NAME_JOINERS_OF } from "../text/name-words.ts";
import { textLanguage } from "./language.ts";
import { germanCommonNoun, proseWords } from "./categories-german.ts";
import { paragraphsOf } from "../text/article-text.ts";
import type { CleanArticle } from "../types.ts";

const CALENDAR = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);
const TITLES = new Set("mr mrs ms dr prof sir dame lord lady president minister gen st".split(" "));
const JOINERS = new Set(["of", "de", "al", "and", "&"]);

/** Lower-cased words that never start or continue a name: function words, date words, titles. */
const NOT_NAME: ReadonlySet<string> = new Set([...STOP_WORDS, ...CALENDAR, ...TITLES]);

/** What a story's language makes of its words: what is never a name, what joins a name's parts. */
interface NameWords {
  /** The primary language subtag, or null for English and a language the text does not tell. */
  lang: string | null;
  notName: ReadonlySet<string>;
  joiners: ReadonlySet<string>;
  /** Articles that, capitalised mid-sentence, start a name ("El País", "Die Zeit"). */
  articles: ReadonlySet<string>;
}

const ENGLISH: NameWords = { lang: null, notName: NOT_NAME, joiners: JOINERS, articles: new Set() };
const nameWordsMemo = new Map<string, NameWords>();

/** The name words of a language: English's, with that language's function words, weekdays, months and joiners added. */
function nameWordsOf(lang: string | null): NameWords {
  if (lang === null || lang === "en") return ENGLISH;
  let words = nameWordsMemo.get(lang);
  if (!words) {
    const notName = new Set([...NOT_NAME, ...(FUNCTION_WORDS_OF.get(lang) ?? []), ...calendarWords(lang)]);
    words = { lang, notName, joiners: new Set([...JOINERS, ...(NAME_JOINERS_OF.get(lang) ?? [])]), articles: NAME_ARTICLES_OF.get(lang) ?? new Set() };
    nameWordsMemo.set(lang, words);
  }
  return words;
}

/** A language's weekday and month names, long and short, lower case, from the runtime's locale data (none when it has none). */
function calendarWords(lang: string): string[] {
  const out: string[] = [];
  const add = (locale: string, options: Intl.DateTimeFormatOptions, date: Date) => {
    for (const part of new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).formatToParts(date)) {
      if (part.type === "month" || part.type === "weekday") for (const w of part.value.toLowerCase().split(/[\s.]+/)) if (w.length > 1 && !/\d/.test(w)) out.push(w);
    }
  };
  let locale: string;
  try {
    locale = Intl.DateTimeFormat.supportedLocalesOf([lang])[0] ?? "";
  } catch {
    return out;
  }
  if (!locale) return out;
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2020, m, 15));
    for (const month of ["long", "short"] as const) add(locale, { month }, date), add(locale, { month, day: "numeric" }, date);
  }
  for (let d = 0; d < 7; d++) for (const weekday of ["long", "short"] as const) add(locale, { weekday }, new Date(Date.UTC(2020, 5, 1 + d)));
  return out;
}

/** A story's language, read from the first 600 characters of its articles' prose (as src/digest/language.ts reads). */
function storyLanguage(texts: ReadonlyArray<readonly string[]>, count: number): string | null {
  // Most stories are English, and say so at a glance: the language test's letter by letter reading is left for the rest.
  let length = 0;
  let the = 0;
  for (const parts of texts) {
    for (let k = 0; k < Math.min(count, parts.length) && length < SAMPLE_CHARS; k++) {
      const part = parts[k]!;
      for (let i = part.indexOf(" the "); i >= 0 && i < SAMPLE_CHARS - length; i = part.indexOf(" the ", i + 4)) if (++the >= ENGLISH_AT_A_GLANCE) return "en";
      length += part.length + 1;
    }
    if (length >= SAMPLE_CHARS) break;
  }
  const sample: string[] = [];
  length = 0;
  for (const parts of texts) {
    for (let k = 0; k < Math.min(count, parts.length) && length < SAMPLE_CHARS; k++) (sample.push(parts[k]!), (length += parts[k]!.length + 1));
    if (length >= SAMPLE_CHARS) break;
  }
  return textLanguage(sample).lang;
}

const SAMPLE_CHARS = 600;
/** This many " the " in the sample: English (a page in another language quotes that much English seldom). */
const ENGLISH_AT_A_GLANCE = 3;

/** A capitalised article mid-sentence, which starts a name in the story's language ("El País", "Die Zeit"): kept only when a name word follows. */
function leadsName(word: string, articles: ReadonlySet<string>): boolean {
  return articles.size > 0 && /^\p{Lu}/u.test(word) && articles.has(word.toLowerCase());
}

/** A word that can start or continue a name: capitalised, and not a function word or a date word. */
function isNameWord(word: string, notName: ReadonlySet<string>): boolean {
  const c = word.charCodeAt(0);
  // Most words are lower case or digits; only the rest need the Unicode test.
  if (c < 65 || (c > 90 && (c < 128 || !/^\p{Lu}/u.test(word)))) return false;
  // "December's", "Sie’s": the word without its possessive, as the category would show it.
  return !notName.has((endsInS(word) ? word.slice(0, -2) : word).toLowerCase());
}

/** The capitalised runs in one text, each with whether it stood at a sentence's start. */
export function nameRuns(text: string): { name: string; opener: boolean }[] {
  const out: { name: string; opener: boolean }[] = [];
  eachNameRun([text], (name, opener) => out.push({ name, opener }), ENGLISH);
  return out;
}

/**
 * `nameRuns` as calls, in order, with nothing kept; of the parts as one text, joined by newlines (a
 * newline neither ends a sentence nor a name run, and ends a word: each part is read in place instead).
 */
function eachNameRun(parts: readonly string[], take: (name: string, opener: boolean) => void, words: NameWords, count = parts.length, seen: SeenParts | null = null): void {
  const { notName, joiners, articles } = words;
  const run: string[] = [];
  let opener = false;
  let sentenceStart = true;
  // Whether a word (or a word and a comma) comes just before, on this line: a capitalised article there
  // begins a name, while after a line's start or a colon it may be capitalised for no other reason.
  let afterWord = false;
  // An ordinal just before a one-word name, one space between, is part of it: "117th Street", "42nd Street"
  // ("Street" alone names nothing); before a longer name it is an edition ("the 25th Cross Internacional …"), left
  // out. Where in this part the last ordinal ended, whether it opened a sentence, and whether the run starts with it.
  let ordinalEnd = -1;
  let ordinal = "";
  let ordinalOpener = false;
  let ordinalLed = false;
  let recording: PartNames | null = null;
  const flush = () => {
    while (run.length && (joiners.has(run[run.length - 1]!.toLowerCase()) || articles.has(run[run.length - 1]!.toLowerCase()))) run.pop();
    if (ordinalLed) {
      ordinalLed = false;
      if (run.length > 2) (opener = false), run.shift();
    }
    if (run.length) {
      const name = run.length === 1 ? run[0]! : run.join(" ");
      const taken = endsInS(name) ? name.replace(/['’]s$/, "") : name;
      if (recording) {
        recording.names.push(taken);
        recording.openers.push(opener);
      }
      take(taken, opener);
      run.length = 0;
    }
  };
  // Tokens found by hand (most characters are ASCII and need no Unicode class test):
  // words of letters and digits with ' ’ . - inside, and one-character punctuation marks.
  for (let part = 0; part < count; part++) {
    const text = parts[part]!;
    afterWord = false;
    ordinalEnd = -1;
    if (recording) {
      recording.end = { sentenceStart, opener, run: run.slice() };
      recording = null;
    }
    // A byline paragraph names the writer, not what the story is about; nor does a name run across it.
    if (isBylineLine(text)) {
      flush();
      sentenceStart = true;
      continue;
    }
    // A part read before, from the same state (no run open, the same sentence start), gives the same names and state.
    if (seen && run.length === 0) {
      const byText: Map<string, PartNames> = sentenceStart ? seen.afterStart : seen.midSentence;
      const known: PartNames | undefined = byText.get(text);
      if (known?.end) {
        for (let k = 0; k < known.names.length; k++) take(known.names[k]!, known.openers[k]!);
        ({ sentenceStart, opener } = known.end);
        run.push(...known.end.run);
        continue;
      }
      recording = { names: [], openers: [], end: null };
      byText.set(text, recording);
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      const width = letterOrDigitAt(text, i);
      if (!width) {
        const c = text.charCodeAt(i++);
        // . ! ? : ; (SENTENCE_ENDS)
        if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) {
          flush();
          sentenceStart = c !== 58 && c !== 59;
        } else if (partsNames(c)) flush();
        if (c !== 32 && c !== 44) afterWord = false;
        continue;
      }
      let end = i + width;
      // A word ends where its letters change between a script with capitals and one without: scripts that write
      // no spaces run on into a Latin name and out of it ("Storeにない非公式アプリ…" is "Store", then Japanese).
      // Below U+0590 (Latin, Greek, Cyrillic) a letter is cased and a digit says nothing, with no class test.
      const first = text.charCodeAt(i);
      let kind = first >= 0x0590 ? letterKind(text, i, width) : first <= 57 ? NO_CASE_KIND : CASED;
      for (let j = end; j < n; ) {
        const w = letterOrDigitAt(text, j);
        if (w) {
          const u = text.charCodeAt(j);
          if (u >= 0x0590) {
            const k = letterKind(text, j, w);
            if (k !== NO_CASE_KIND) {
              if (kind !== NO_CASE_KIND && k !== kind) break;
              kind = k;
            }
          } else if (kind === UNCASED && u > 57) break;
          end = j += w;
        } else {
          const c = text.charCodeAt(j);
          if (c !== 0x27 && c !== 0x2019 && c !== 0x2e && c !== 0x2d) break;
          j++;
        }
      }
      const c = text.charCodeAt(i);
      if (run.length === 0 && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
        // A lower-case word or a number outside a name: it only ends a sentence's start.
        if (c <= 57 && isOrdinal(text, i, end)) (ordinalEnd = end), (ordinal = text.slice(i, end)), (ordinalOpener = sentenceStart);
        sentenceStart = false;
        afterWord = true;
        i = end;
        continue;
      }
      const word = text.slice(i, end);
      i = end;
      if (isNameWord(word, notName) || (run.length > 0 && joiners.has(word.toLowerCase())) || (run.length === 0 && afterWord && leadsName(word, articles))) {
        if (!run.length) {
          opener = sentenceStart;
          if (ordinalEnd === i - word.length - 1 && text.charCodeAt(ordinalEnd) === 32) (opener = ordinalOpener), (ordinalLed = true), run.push(ordinal);
        }
        run.push(word);
      } else {
        flush();
        if (c <= 57 && c >= 48 && isOrdinal(text, i - word.length, i)) (ordinalEnd = i), (ordinal = word), (ordinalOpener = false);
      }
      sentenceStart = false;
      afterWord = true;
    }
  }
  if (recording) {
    recording.end = { sentenceStart, opener, run: run.slice() };
    recording = null;
  }
  flush();
}

/** What a letter or digit says of its word's script: nothing (a digit, a modifier letter), capitals, or none. */
const NO_CASE_KIND = 0;
const CASED = 1;
const UNCASED = 2;

/**
 * The kind of the letter or digit at `j` (`w` code units). Latin, Greek, Cyrillic and Armenian (below U+0590) and
 * Latin and Greek Extended are taken as cased without a Unicode class test: most words are of those scripts.
 */
function letterKind(text: string, j: number, w: number): number {
  const c = text.charCodeAt(j);
  if (c < 128) return c >= 48 && c <= 57 ? NO_CASE_KIND : CASED;
  if (c < 0x0590 || (c >= 0x1e00 && c < 0x2000)) return CASED;
  const ch = text.slice(j, j + w);
  return /^\p{Lo}/u.test(ch) ? UNCASED : /^[\p{Lu}\p{Ll}\p{Lt}]/u.test(ch) ? CASED : NO_CASE_KIND;
}

/** Whether text[from, to) is an ordinal number written with digits: "1st", "42nd", "117th". */
function isOrdinal(text: string, from: number, to: number): boolean {
  return to - from <= 6 && /^\d{1,4}(?:st|nd|rd|th)$/.test(text.slice(from, to));
}

/**
 * Whether a character between two words parts two names: a bracket, a slash or a dash ("Industry (METI)",
 * "Mr Herron - who"). White space, "&", quotation marks and commas do not ("Marks & Spencer", '"Dirty" Den
 * Watts', "Ministry of Economy, Trade and Industry": official names hold commas, so a list's names still run
 * together).
 */
function partsNames(c: number): boolean {
  return c === 40 || c === 41 || c === 91 || c === 93 || c === 47 || c === 45 || c === 0x2013 || c === 0x2014;
}

/** A byline on a line of its own: "By Staff Reporter", "Von Anna Müller", "Par …" (short, no sentence end). */
const BYLINE_LINE = /^(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or)\s+\p{Lu}[^.!?:;]{0,60}$/u;

function isBylineLine(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return (c === 98 || c === 118 || c === 112) && text.length <= 70 && BYLINE_LINE.test(text);
}

/** What reading one part gave: the names taken, whether each opened a sentence, and the state after it. */
interface PartNames {
  names: string[];
  openers: boolean[];
  /** Null while the part is being read. */
  end: { sentenceStart: boolean; opener: boolean; run: string[] } | null;
}

/** A story's parts read with no name run open, by their text: after a sentence's end, or within a sentence. */
interface SeenParts {
  afterStart: Map<string, PartNames>;
  midSentence: Map<string, PartNames>;
}

/** Whether the name ends in "'s" or "’s" (the only names the possessive replacement changes). */
function endsInS(name: string): boolean {
  const n = name.length;
  if (n < 2 || name.charCodeAt(n - 1) !== 115) return false;
  const q = name.charCodeAt(n - 2);
  return q === 0x27 || q === 0x2019;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Width in UTF-16 units of the letter or digit at `i`, or 0 when there is none there. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Up to `max` names the articles are about. A name counts once per article that uses it mid-sentence
 * (a sentence's first word may be capitalised for no other reason); ties go to the name used more often.
 */
export function storyCategories(texts: readonly string[], exclude: readonly string[], max = 3): string[] {
  return categoriesOf(texts.map((text) => [text]), exclude, max, 1);
}

/**
 * `storyCategories` of texts given as parts (each article's text: its first `count` parts joined by newlines), in
 * the story's language when given (undefined: read from the prose).
 */
function categoriesOf(texts: ReadonlyArray<readonly string[]>, exclude: readonly string[], max: number, count: number, language?: string | null, nounModel = true): string[] {
  return categoriesFound(texts, exclude, max, count, language, nounModel).categories;
}

/** `categoriesOf` with the language they were found in. */
function categoriesFound(texts: ReadonlyArray<readonly string[]>, exclude: readonly string[], max: number, count: number, language?: string | null, nounModel = true): FoundCategories {
  interface Tally {
    key: string;
    name: string;
    articles: number;
    uses: number;
    first: number;
    /** The last article (1-based) that used it mid-sentence. */
    last: number;
  }
  const tally = new Map<string, Tally>();
  let order = 0;
  let article = 0;
  const take = (name: string, opener: boolean) => {
    if (name.length < 2) return;
    const key = name.toLowerCase();
    let entry = tally.get(key);
    if (entry === undefined) {
      entry = { key, name, articles: 0, uses: 0, first: order++, last: 0 };
      tally.set(key, entry);
    }
    if (opener) return;
    entry.uses++;
    if (entry.last !== article) {
      entry.last = article;
      entry.articles++;
    }
  };
  // Outlets running one wire story share whole paragraphs: each is read once.
  const seen = texts.length > 1 ? { afterStart: new Map<string, PartNames>(), midSentence: new Map<string, PartNames>() } : null;
  // A language the story declares other than English is its categories' language; else the prose tells (an
  // untold or English story's prose may still be in another language, whose function words are then refused).
  const foundIn = language && language !== "en" ? language : storyLanguage(texts, count);
  const words = nameWordsOf(foundIn);
  for (const parts of texts) {
    article++;
    eachNameRun(parts, take, words, Math.min(count, parts.length), seen);
  }
  const ranked: Tally[] = [];
  for (const e of tally.values()) if (e.uses > 0) ranked.push(e);
  // Ranked first, then passed over for the names left out until `max` are found: the same names as
  // leaving them out first (the order is total), with far fewer outlet-name tests.
  ranked.sort((a, b) => b.articles - a.articles || b.uses - a.uses || a.first - b.first);
  const skip = new Set(exclude.map((e) => e.toLowerCase()));
  const commonWord = commonWordTest(texts, count, words.lang);
  const keep = (e: Tally) => !skip.has(e.key) && !isWireService(e.name) && !commonWord(e.name);
  if (!Number.isInteger(max) || max < 0) return { categories: ranked.filter(keep).slice(0, max).map((e) => e.name), language: foundIn };
  const out: string[] = [];
  for (const e of ranked) {
    if (out.length >= max) break;
    // "GM" beside "General Motors": one name, shown once (the one more articles use).
    if (keep(e) && !out.some((name) => sameByInitials(name, e.name))) out.push(e.name);
  }
  if (words.lang !== "de" || !nounModel) return { categories: out, language: foundIn };
  const noun = germanNounTest(texts, count);
  return { categories: out.filter((name) => !noun(name)), language: foundIn };
}

/** Whether one name is the other's acronym: its capitals are the initials of the other's words ("FCC", "Federal Communications Commission"). */
function sameByInitials(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!/^\p{Lu}{2,8}$/u.test(short) || (!long.includes(" ") && !long.includes("-"))) return false;
  let initials = "";
  for (const word of long.split(/[\s-]+/)) if (word && !JOINERS.has(word.toLowerCase()) && !STOP_WORDS.has(word.toLowerCase())) initials += word[0];
  return initials.toUpperCase() === short;
}

/**
 * Whether a one-word category is a common word by the story's own evidence: the text also writes it in
 * lower case after a word or a comma ("Wird" beside "… es wird", "Music" beside "dance music"), or, in
 * German, whose nouns are all capitalised, most of its uses follow a determiner, numeral or quantifier, perhaps
 * past a lower-case adjective, or a number ("das Exemplar", "der neue Vorstand", "zwei Wochen", "40 Minuten").
 * Acronyms and names with inner capitals are names.
 */
function commonWordTest(texts: ReadonlyArray<readonly string[]>, count: number, lang: string | null): (name: string) => boolean {
  return (name) => {
    if (!capitalisedOnly(name)) return false;
    const spaced = ` ${name.toLowerCase()}`;
    let uses = 0;
    let common = 0;
    for (const parts of texts) {
      for (let k = 0; k < Math.min(count, parts.length); k++) {
        if (writtenInLowerCase(parts[k]!, spaced)) return true;
        if (lang === "de") [uses, common] = afterDeterminer(parts[k]!, name, uses, common);
      }
    }
    return common * 2 > uses;
  };
}

/**
 * Whether a category the story shows is a German common noun by the model (./categories-german.ts): applied to
 * the categories chosen, which the next candidates do not replace (those are more often nouns, or runs of them:
 * "Gruppen Gras"). A German story whose categories are all common nouns shows none.
 */
function germanNounTest(texts: ReadonlyArray<readonly string[]>, count: number): (name: string) => boolean {
  let words: string[] | null = null;
  let forms: Set<string> | null = null;
  return (name) => {
    if (!capitalisedOnly(name)) return false;
    words ??= proseWords(texts, count);
    forms ??= new Set(words);
    return germanCommonNoun(words, forms, name, texts.length);
  };
}

/** One word, capitalised, with no other capital ("Music", "Exemplar"; not "SPD", "NetzDG", "US-Präsident", "Kim Jong Un"). */
function capitalisedOnly(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 128 ? c < 65 || c > 90 : !/^\p{Lu}/u.test(name)) return false;
  for (let i = 1; i < name.length; i++) {
    const d = name.charCodeAt(i);
    if (d === 32 || (d >= 65 && d <= 90)) return false;
    if (d >= 128 && /\p{Lu}/u.test(name[i]!)) return false;
  }
  return true;
}

/** Whether the word (` word`, lower case) stands in the text whole, after a letter, digit or comma and a space. */
function writtenInLowerCase(text: string, spaced: string): boolean {
  for (let i = text.indexOf(spaced); i >= 0; i = text.indexOf(spaced, i + 1)) {
    // A soft hyphen or a hyphen continues the word ("welt\u00adweit" is not "welt").
    if (i > 0 && isLetterDigitOr(text, i - 1, ",") && !isLetterDigitOr(text, i + spaced.length, "\u00ad-")) return true;
  }
  return false;
}

/** Whether the character at `i` is a letter, a digit or one of `others` (false past the text's end). */
function isLetterDigitOr(text: string, i: number, others: string): boolean {
  if (i >= text.length) return false;
  return letterOrDigitAt(text, i) > 0 || others.includes(text[i]!);
}

/** The word's uses in one text, and how many of them follow a German determiner, numeral or quantifier, next to it or past one lower-case word, or a number. */
function afterDeterminer(text: string, name: string, uses: number, common: number): [number, number] {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if ((i > 0 && letterOrDigitAt(text, i - 1)) || letterOrDigitAt(text, i + name.length)) continue;
    uses++;
    if (numberBefore(text, i)) {
      common++;
      continue;
    }
    const last = wordBefore(text, i);
    if (last === null) continue;
    const lastWord = text.slice(last, i - 1);
    if (countsOrDetermines(lastWord.toLowerCase())) common++;
    else if (/^\p{Ll}/u.test(lastWord)) {
      const second = wordBefore(text, last);
      if (second !== null && countsOrDetermines(text.slice(second, last - 1).toLowerCase())) common++;
    }
  }
  return [uses, common];
}

/** A German determiner, or a numeral or quantifier ("zwei Wochen", "viele Menschen"). */
function countsOrDetermines(word: string): boolean {
  return GERMAN_DETERMINERS.has(word) || GERMAN_QUANTITIES.has(word);
}

/** Whether a number in digits ends one space before `at` ("20 Minuten", "1,5 Millionen"). */
function numberBefore(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 32) return false;
  const c = text.charCodeAt(at - 2);
  return c >= 48 && c <= 57;
}

/** Where the word of letters that ends one space before `at` begins, or null when there is none. */
function wordBefore(text: string, at: number): number | null {
  if (at < 2 || text.charCodeAt(at - 1) !== 32) return null;
  let j = at - 2;
  while (j >= 0 && isLetter(text, j)) j--;
  return j === at - 2 ? null : j + 1;
}

const LETTER = /\p{L}/u;

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[i]!);
}

/** A story's article as its categories read it: the first paragraphs of its prose (and its path, which a cache may key by). */
export type ProseSource = Pick<CleanArticle, "path" | "paragraphs" | "stored">;

/** How many of an article's paragraphs its categories are drawn from. */
export const PROSE_PARAGRAPHS = 6;

export function proseOf(article: ProseSource): string {
  return paragraphsOf(article).slice(0, PROSE_PARAGRAPHS).join("\n");
}

/**
 * A story's categories from its articles: `storyCategories` over their prose, or the same through the build cache.
 * `language`: the story's language as its page and feeds declare it (./model.ts, from its headline and summary):
 * when it is one other than English, its function words and calendar words are refused; else (English, untold
 * or not given) those of the language the prose's first 600 characters are in.
 */
export type Categorise = (articles: readonly ProseSource[], exclude: readonly string[], language?: string | null) => string[];

/**
 * A story's categories and the language they were found in: the one declared when it is not English, else the
 * prose's as `storyLanguage` reads it ("en", another, or null when the prose does not tell).
 */
export interface FoundCategories {
  categories: string[];
  language: string | null;
}

/** `Categorise` that also says which language the categories were found in. */
export type FindCategories = (articles: readonly ProseSource[], exclude: readonly string[], language?: string | null) => FoundCategories;

/** A `Categorise` made of a `FindCategories`, which it carries as `find` (src/pipeline/categories-ahead.ts asks it). */
export interface Categoriser extends Categorise {
  find: FindCategories;
}

export function categoriser(find: FindCategories): Categoriser {
  return Object.assign((articles: readonly ProseSource[], exclude: readonly string[], language?: string | null) => find(articles, exclude, language).categories, { find });
}

// The paragraphs read where they are, not joined into each article's prose first (the same names). The list
// is made by `push`, not `map`: optimised, `map` made a list of another elements kind than the interpreter's,
// and categoriesOf, meeting it, threw its own optimised code away (./model.ts viewParts, the same).
export const findCategories: FindCategories = (articles, exclude, language) => {
  const texts: string[][] = [];
  for (const article of articles) texts.push(paragraphsOf(article));
  return categoriesFound(texts, exclude, 3, PROSE_PARAGRAPHS, language);
};

export const categoriseArticles: Categoriser = categoriser(findCategories);

/**
 * `categoriseArticles` with up to `max` categories (Infinity: every one), for the trainers and evals that rank what
 * comes after the first three; `nounModel` false: German nouns as the determiner test alone leaves them (the model's candidates).
 */
export function rankedCategories(articles: readonly ProseSource[], exclude: readonly string[], max: number, language?: string | null, nounModel = true): string[] {
  const texts: string[][] = [];
  for (const article of articles) texts.push(paragraphsOf(article));
  return categoriesOf(texts, exclude, max, PROSE_PARAGRAPHS, language, nounModel);
}
