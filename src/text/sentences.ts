// Sentence splitting that survives abbreviations, initials, decimals, ellipses and quotations.
import { charClass, DIGIT, LETTER, table as charTable, UPPER } from "./chars.ts";
import { monthNames } from "./month-names.ts";

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof st sr jr gen col lt sgt capt cmdr adm maj rep sen gov pres supt insp det rev fr hon " +
    "messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "no nos vol vols fig figs p pp ed eds approx dept est inc corp ltd co bros vs v etc al e.g i.e cf ca c mt ft ave blvd rd"
  ).split(" "),
);
// Words that end a sentence only rarely even before a capital letter ("Mr. Smith", "Jan. 5").
const NEVER_FINAL = new Set("mr mrs ms mx dr prof st gen col lt sgt capt cmdr adm maj rep sen gov rev fr hon messrs mme mlle no vol fig pp vs v e.g i.e cf".split(" "));
// German months, which follow a day written as an ordinal ("am 25. Juli", "13. Januar 2022"): after a day's
// number its full stop ends no sentence. In languages that write months in small letters no capital follows.
// The long names of German and Austrian German ("Jänner") from Intl (./month-names.ts), and by hand the
// Austrian "Feber" ICU lacks. Short forms ("Sept.", "Okt.") were never among them (adding them would move where
// sentences end).
// Built on first use (Intl's first call costs about 10 ms): a command that never meets "13. Januar" does not pay.
let ordinalMonths: Set<string> | null = null;
// Capitalised abbreviations that cite a numbered part ("Art. 90 Abs. 3", "Nr. 5", "Fig. 2", "S. 12"): before a
// number their full stop ends no sentence. English, German, French, Italian and Spanish forms; the lower-case
// "no", "vol", "fig", "p", "pp" are in the lists above.
const BEFORE_NUMBER = new Set("art abs nr no ziff bd kap abb tab rn anm s vol fig sec ch para par al lit ff".split(" "));
const SENTENCE_STARTERS = new Set(
  "the a an he she it they we i you but and in on at this that there these those his her its their our yet so as after before when while if however meanwhile".split(" "),
);

// A dateline before the first sentence of a report: "WASHINGTON (AP) —", "(Reuters) -", "BELGRADE, Serbia:",
// "Mannheim, Germany (Sports Network) -". A place in capitals (with an optional ", Region") and/or an agency in
// parentheses, then a dash or colon, then the sentence's first capital.
const CAPS_WORD = "[\\p{Lu}][\\p{Lu}.'’-]+";
const NAME_WORD = "[\\p{Lu}][\\p{L}.'’-]*";
const REGION = `(?:,\\s*${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})?`;
const CREDIT = "\\([^()\\n]{1,40}\\)";
const DATELINE = new RegExp(
  `^(?:${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3}${REGION}(?:\\s*${CREDIT})?|${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}${REGION}\\s*${CREDIT}|${CREDIT})\\s*(?:—|–|--|-|:)\\s+(?=["“‘']?[\\p{Lu}\\p{N}])`,
  "u",
);

/** Length of the dateline that opens `text` ("WASHINGTON (AP) — "), spaces included, or 0 when there is none. */
export function datelineLength(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

/**
 * A sentence stop, its closing quotes or brackets, and the space after it, before what may open a sentence:
 * a capital, a digit, or a letter of a script without capitals (Arabic, Hebrew, Devanagari, CJK…), where
 * no capital ever follows a stop. The stops of those scripts (。！？ ؟ ۔ ।) end a sentence before anything,
 * with or without a space.
 * Shared by every call (`lastIndex` is set before each search); the groups' lengths are read off the text.
 */
const BOUNDARY = /[.!?…]+["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{N}\p{Lo}])|[。！？؟۔।][.!?…。！？؟۔।]*["'”’)\]」』）»]*\s*(?=\S)/gu;

/**
 * Splits `text` into sentences; each returned sentence is an exact substring of the input, trimmed.
 * A dateline opening the text is returned as a segment of its own, so the first sentence starts after it
 * (`dateline`: its length, when the caller has it already).
 */
export function splitSentences(text: string, dateline = datelineLength(text)): string[] {
  const out: string[] = [];
  if (dateline > 0) {
    out.push(text.slice(0, dateline).trim());
    text = text.slice(dateline);
  }
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const at = m.index;
    // The stop's run, then its closers: every character of both is one code unit.
    let end = at + 1;
    while (isStop(text.charCodeAt(end))) end++;
    const stops = end - at;
    while (isCloser(text.charCodeAt(end))) end++;
    const next = at + m[0].length;
    if (!isBoundary(text, at, stops, next)) continue;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = next;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** [.!?…。！？؟۔।] */
const isStop = (c: number): boolean =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x61f || c === 0x6d4 || c === 0x964;
/** ["'”’)\]」』）»] (the last four only follow the stops of scripts without capitals: BOUNDARY) */
const isCloser = (c: number): boolean =>
  c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0xbb;

/**
 * Whether the stop at `at` (`stops` characters long) ends a sentence, `next` the start of what follows
 * its space. Only a lone full stop is in doubt: the word before it decides, and sometimes the word after.
 */
function isBoundary(text: string, at: number, stops: number, next: number): boolean {
  if (stops !== 1 || text.charCodeAt(at) !== 0x2e) return true;
  // The letters, digits and full stops just before it, within 20 code units (/([\p{L}\p{N}.]+)$/u on them).
  const from = Math.max(0, at - 20);
  let b = at;
  for (;;) {
    if (b <= from) break;
    const c = text.charCodeAt(b - 1);
    if (c === 0x2e || isLetterOrNumberUnit(c)) b--;
    else if (c >= 0xdc00 && c <= 0xdfff) {
      // A low surrogate: a letter or number only with its high surrogate inside the window.
      if (b - 2 < from || (text.charCodeAt(b - 2) & 0xfc00) !== 0xd800 || !LETTER_OR_NUMBER.test(text.slice(b - 2, b))) break;
      b -= 2;
    } else break;
  }
  const before = text.slice(b, at);
  const word = before.toLowerCase();
  if (allAsciiDigits(before) && isAsciiDigit(text.charCodeAt(next))) return false; // 3. 5 is rare; "No. 5" handled below
  if (isDayOfMonth(before) && (ordinalMonths ??= new Set([...monthNames(["de", "de-AT"]), "feber"])).has(nextWord(text, next))) return false;
  if (NEVER_FINAL.has(word)) return false;
  if (isAsciiDigit(text.charCodeAt(next)) && BEFORE_NUMBER.has(word) && isCapitalised(before)) return false;
  // Initials: "J. K. Rowling", "George W. Bush".
  if (isOneCapital(before)) return SENTENCE_STARTERS.has(nextWord(text, next)) && !/^\p{Lu}\.$/u.test(text.slice(next, next + 2));
  // Dotted abbreviations: "U.S.", "a.m." end a sentence only before a typical sentence opener.
  if (before.includes(".") && /^(\p{L}\.)+\p{L}$/u.test(before)) return SENTENCE_STARTERS.has(nextWord(text, next));
  if (ABBREVIATIONS.has(word)) return SENTENCE_STARTERS.has(nextWord(text, next));
  return true;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * [\p{L}\p{N}] for one code unit, false for any surrogate (a pair is tested whole by the caller). chars.ts's DIGIT
 * also holds `_`, which is ASCII and answered before the table.
 */
function isLetterOrNumberUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return ((charTable[c] || charClass(c)) & (LETTER | DIGIT)) !== 0;
}

const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** A word of ASCII letters whose first is a capital ("Art", "Abs", "S"). */
function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a && /^[A-Za-z]+$/.test(s);
}

/** "1" to "31", or "01" to "09": a day's number. */
function isDayOfMonth(s: string): boolean {
  if (s.length < 1 || s.length > 2 || !allAsciiDigits(s)) return false;
  const day = Number(s);
  return day >= 1 && day <= 31;
}

/** /^\d+$/ */
function allAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isAsciiDigit(s.charCodeAt(i))) return false;
  return true;
}

/** /^\p{Lu}$/u: one code point, a capital letter. */
function isOneCapital(s: string): boolean {
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    return c < 0x80 ? c >= 0x41 && c <= 0x5a : c < 0xd800 || c > 0xdfff ? ((charTable[c] || charClass(c)) & UPPER) !== 0 : false;
  }
  return s.length === 2 && /^\p{Lu}$/u.test(s);
}

/** The word that opens `text` at `at`, lower-cased: /^["'“‘(\[]?([\p{L}\p{N}]+)/u's group, or "". */
function nextWord(text: string, at: number): string {
  const first = text.charCodeAt(at);
  const from = first === 0x22 || first === 0x27 || first === 0x201c || first === 0x2018 || first === 0x28 || first === 0x5b ? at + 1 : at;
  let e = from;
  for (;;) {
    if (e >= text.length) break;
    const c = text.charCodeAt(e);
    if (isLetterOrNumberUnit(c)) e++;
    else if (c >= 0xd800 && c <= 0xdbff) {
      if (e + 1 >= text.length || (text.charCodeAt(e + 1) & 0xfc00) !== 0xdc00 || !LETTER_OR_NUMBER.test(text.slice(e, e + 2))) break;
      e += 2;
    } else break;
  }
  return text.slice(from, e).toLowerCase();
}

/**
 * Ends in a full stop of Chinese or Japanese (。！？ or a full-width ．), with any closing quotes or brackets
 * after it: text set without a space before the next sentence.
 */
const UNSPACED_STOP = /[。！？．][」』）】〉》”’"')\]]*$/u;

/**
 * Sentences (a summary's) as one run of text: a space between two, as Latin, Cyrillic, Arabic and most
 * scripts set them, but none after a Chinese or Japanese full stop, which carries its own space
 * ("…発表した。知事は…", not "…発表した。 知事は…"). `shown`: each sentence as the output writes it
 * (escaped, its bidi controls closed); the stop is looked for in the sentence itself.
 */
export function joinSentences(sentences: readonly string[], shown: (sentence: string) => string = (s) => s): string {
  let out = "";
  for (let i = 0; i < sentences.length; i++) {
    if (i > 0 && !UNSPACED_STOP.test(sentences[i - 1]!)) out += " ";
    out += shown(sentences[i]!);
  }
  return out;
}

/** Chinese or Japanese letters (Han, kana): text in them has no spaces to cut at. */
const UNSPACED_LETTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
/** Where Chinese and Japanese text may be cut: after a full stop (the cut ends there), or after a comma. */
const UNSPACED_STOPS = new Set(["。", "！", "？"]);
const UNSPACED_COMMAS = new Set(["、", "，", "；", "："]);
/** ICU's word breaks: dictionary-based for Chinese and Japanese, whatever the locale. */
const WORD_BREAKS = new Intl.Segmenter("und", { granularity: "word" });

/**
 * The first `n` words of a paragraph, for a headline where the article has none ("…" when cut). Text in
 * Chinese or Japanese has no spaces: it is cut at most twice `n` characters in (some two to a word), at
 * its first full stop, else after a comma in the second half, else at the last word break (ICU's).
 */
export function openingWords(text: string, n: number): string {
  const words = text.split(/\s+/);
  if (words.length > n) return `${words.slice(0, n).join(" ")} …`;
  if (!UNSPACED_LETTER.test(text)) return text;
  const cap = 2 * n;
  if (Array.from(text).length <= cap) return text;
  let length = 0;
  let end = 0;
  let comma = -1;
  for (const { segment, index } of WORD_BREAKS.segment(text)) {
    const size = Array.from(segment).length;
    if (length + size > cap) break;
    length += size;
    end = index + segment.length;
    if (UNSPACED_STOPS.has(segment)) return text.slice(0, end);
    if (UNSPACED_COMMAS.has(segment) && length >= n) comma = index;
  }
  return `${text.slice(0, comma >= 0 ? comma : end).trimEnd()}…`;
}
