// Is this text written in some human language, or bytes that only decode to characters (random data,
// a file in an encoding we cannot know, binary pasted into a page)? Real text in any script shares a
// few traits that random characters lack: mostly letters; in alphabetic scripts, words of plausible
// length separated by spaces; letters from one or two scripts; in Latin script, mostly the 26 basic
// letters (accented ones are the minority in every Latin-script language); and no run of U+FFFD.
// Each check is a plain bound with a wide margin on both halves of every corpus dump, in every
// language there (eval/eval-language.ts); a text fails only when it is far outside what language does.

export interface LanguageFeatures {
  /** Characters other than white space. */
  chars: number;
  /** Letters and combining marks among them. */
  letterShare: number;
  /** U+FFFD (bytes that could not be decoded) among them. */
  replacementShare: number;
  /** Unassigned and private-use code points among them: no language is written in them. */
  unassignedShare: number;
  /** ASCII symbols that prose seldom uses ({ } [ ] | \\ ^ ~ ` < > @ # $ % * _ + =) among them. */
  oddSymbolShare: number;
  /** The script with the most letters ("Latin", "Cyrillic", "Han", …). */
  script: string;
  /** Share of letters written in the best-fitting writing system: one script with Latin beside it, or Japanese, Korean or Chinese. */
  systemShare: number;
  /** Han characters outside the blocks where everyday Chinese and Japanese characters are, among all Han. */
  rareHanShare: number;
  /** In Latin script: the basic letters a–z among all Latin letters. */
  basicLatinShare: number;
  /** Mean length of the white-space-separated tokens, in scripts that separate words by spaces. */
  meanTokenLength: number;
}

/** At most this many characters are looked at: enough to judge, and bounded for huge inputs. */
const SAMPLE = 20_000;
/** The length a token counts for at most in the mean (random characters' tokens stay far past the bound of 25 with it: about 66). */
const TOKEN_CAP = 100;

const SCRIPT_NAMES = [
  "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Armenian", "Georgian", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo",
  "Thai", "Lao", "Khmer", "Myanmar", "Tibetan", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu",
  "Kannada", "Malayalam", "Sinhala", "Ethiopic", "Syriac", "Thaana",
];
const SCRIPTS: [string, RegExp][] = SCRIPT_NAMES.map((name) => [name, new RegExp(`\\p{Script=${name}}`, "u")]);
// Latin needs no companion; these scripts are written together (Japanese, Korean, Chinese).
const SYSTEMS: string[][] = [["Han", "Hiragana", "Katakana"], ["Hangul", "Han"], ["Han", "Bopomofo"], ...SCRIPT_NAMES.map((s) => [s])];

/** Scripts whose writing does not put spaces between words (Korean does, so Hangul counts as spaced). */
const UNSPACED = new Set(["Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"]);

const LETTER = /[\p{L}\p{M}]/u;
const MARK = /\p{M}/u;
const UNASSIGNED = /[\p{Cn}\p{Co}]/u;
const ODD_SYMBOL = /[{}[\]|\\^~`<>@#$%*_+=]/;
// CJK Unified Ideographs and the compatibility block: everyday characters. Extensions A, B… hold rare ones.
const COMMON_HAN = /[\u4E00-\u9FFF\uF900-\uFAFF]/;

// Web and e-mail addresses are not words of any language, nor signs against one.
const ADDRESSES = /\b(?:https?:\/\/|www\.)[\w.~:/?#@!$&'()*+,;=%-]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b/g;

/** What a character past ASCII counts as, as bits (kept per code unit: a text repeats its few hundred characters). */
/** Worked out (a table entry of 0 is not yet). */
const KNOWN = 1;
/** White space (\s): not counted, and it separates tokens. */
const SPACE = 2;
const REPLACEMENT = 4;
const UNASSIGNED_BIT = 8;
const ODD = 16;
const LETTER_BIT = 32;
const MARK_BIT = 64;
const RARE_HAN = 128;
/** The script of a letter that is not a mark, as its index in SCRIPT_INDEX plus one, in the bits from here up (0: none). */
const SCRIPT_SHIFT = 8;
/** The script bits: seven, up to PAIR (SCRIPT_INDEX must stay within them). */
const SCRIPT_MASK = 0x7f;
/** A surrogate pair: two code units (set on what `wideBits` returns, never kept). */
const PAIR = 1 << 15;

/** Every script a letter may count for: SCRIPT_NAMES, then the letters of none of them. */
const SCRIPT_INDEX = [...SCRIPT_NAMES, "other"];
const LATIN = SCRIPT_INDEX.indexOf("Latin");
const HAN = SCRIPT_INDEX.indexOf("Han");
if (SCRIPT_INDEX.length > SCRIPT_MASK) throw new Error("language.ts: more scripts than the character bits hold");

function classBits(ch: string): number {
  const letter = LETTER.test(ch);
  const mark = letter && MARK.test(ch);
  const script = letter && !mark ? (SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? "other") : null;
  let bits = KNOWN;
  if (/\s/.test(ch)) bits |= SPACE;
  if (ch === "\uFFFD") bits |= REPLACEMENT;
  else if (UNASSIGNED.test(ch)) bits |= UNASSIGNED_BIT;
  if (ODD_SYMBOL.test(ch)) bits |= ODD;
  if (letter) bits |= LETTER_BIT;
  if (mark) bits |= MARK_BIT;
  if (script !== null) bits |= (SCRIPT_INDEX.indexOf(script) + 1) << SCRIPT_SHIFT;
  if (script === "Han" && !COMMON_HAN.test(ch)) bits |= RARE_HAN;
  return bits;
}

/** `classBits` of each code unit past ASCII (a lone surrogate as itself), 0 until first met. */
const unitBits = new Uint16Array(0x10000);
/** `classBits` of code points past U+FFFF, by code point. */
const pointBits = new Map<number, number>();

/** The bits of the character at `i` (`code` its code unit, past ASCII): a surrogate pair is one character, as for…of would give it. */
function wideBits(sample: string, i: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < sample.length && (sample.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    const point = sample.codePointAt(i)!;
    let bits = pointBits.get(point);
    if (bits === undefined) {
      bits = classBits(sample.slice(i, i + 2));
      if (pointBits.size > 50_000) pointBits.clear(); // random code points: keep the memory bounded
      pointBits.set(point, bits);
    }
    return bits | PAIR;
  }
  let bits = unitBits[code]!;
  if (bits === 0) bits = unitBits[code] = classBits(String.fromCharCode(code));
  return bits;
}

/** ASCII: 1 letter, 2 odd symbol, 3 white space that ends a token (\s), 4 other white space or control (skipped, inside a token), 0 other. */
const ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) ASCII[code] = 3;
  else if (code <= 0x20 || code === 0x7f) ASCII[code] = 4;
  else if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ASCII[code] = 1;
  else if (ODD_SYMBOL.test(ch)) ASCII[code] = 2;
}

export function languageFeatures(text: string): LanguageFeatures {
  let sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // Addresses need "http", "www." or "@": most texts have none, and need no search for them.
  if (sample.includes("@") || sample.includes("http") || sample.includes("www.")) sample = withoutAddresses(sample);
  return featuresOf(tally(sample));
}

// The steps are functions of their own, small ones: the engine optimises each of them again whenever a
// text takes a path the ones before it did not (the first address, the first non-ASCII letter), and
// optimising one large function over and over cost more than running it.

function withoutAddresses(sample: string): string {
  return sample.replace(ADDRESSES, " ");
}

/** What the characters of a sample add up to (one object for every sample: `featuresOf` reads it at once). */
class Tally {
  chars = 0;
  letters = 0;
  replacement = 0;
  unassigned = 0;
  basic = 0;
  rareHan = 0;
  odd = 0;
  scripted = 0;
  /** Letters per script, by SCRIPT_INDEX (basic Latin letters apart, in `basicLatin`). */
  readonly byScript = new Int32Array(SCRIPT_INDEX.length);
  /** The scripts in the order they first came (the first `scripts` entries). */
  readonly order = new Int32Array(SCRIPT_INDEX.length);
  scripts = 0;
  basicLatin = 0;
  tokens = 0;
  tokenChars = 0;

  /** Counts one character past ASCII that is not white space. */
  wide(bits: number): void {
    this.chars++;
    this.tokenChars++;
    if (bits & REPLACEMENT) this.replacement++;
    else if (bits & UNASSIGNED_BIT) this.unassigned++;
    else if (bits & ODD) this.odd++;
    if ((bits & LETTER_BIT) === 0) return;
    this.letters++;
    // A combining mark belongs to the letter before it (decomposed accents, Indic vowel signs): no script of its own.
    if (bits & MARK_BIT) return;
    this.scripted++;
    if (bits & RARE_HAN) this.rareHan++;
    const s = ((bits >>> SCRIPT_SHIFT) & SCRIPT_MASK) - 1;
    if (this.byScript[s] === 0) this.order[this.scripts++] = s;
    this.byScript[s]!++;
  }
}

const counts = new Tally();
/** ASCII characters by their ASCII kind. */
const asciiKinds = new Int32Array(5);

function tally(sample: string): Tally {
  const t = counts;
  t.chars = t.letters = t.replacement = t.unassigned = t.basic = t.rareHan = t.odd = t.scripted = t.scripts = t.basicLatin = t.tokens = t.tokenChars = 0;
  t.byScript.fill(0);
  const kinds = asciiKinds.fill(0);
  // Tokens as sample.split(/\s+/) would give them: runs of characters that are not white space.
  let tokens = 0;
  let inToken = false;
  // The current token's characters so far, and the characters of tokens past TOKEN_CAP long.
  let length = 0;
  let excess = 0;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      // ASCII, most of most texts: decided by a table, counted by kind.
      const kind = ASCII[code]!;
      kinds[kind]!++;
      if (kind === 3) {
        if (length > TOKEN_CAP) excess += length - TOKEN_CAP;
        inToken = false;
        length = 0;
      } else {
        if (!inToken) (tokens++, (inToken = true));
        length++;
      }
      continue;
    }
    const bits = wideBits(sample, i, code);
    if (bits & PAIR) i++;
    if (bits & SPACE) {
      if (length > TOKEN_CAP) excess += length - TOKEN_CAP;
      inToken = false;
      length = 0;
      continue;
    }
    if (!inToken) (tokens++, (inToken = true));
    length++;
    t.wide(bits);
  }
  if (length > TOKEN_CAP) excess += length - TOKEN_CAP;
  // Kind 1 a letter (basic Latin), 2 an odd symbol, 0 other; 4 inside a token but no character counted.
  const counted = kinds[0]! + kinds[1]! + kinds[2]!;
  t.chars += counted;
  // A token counts at most TOKEN_CAP long: one run of thousands of characters (a line of combining marks,
  // an inline data blob) must not make a whole article's words "long" on average.
  t.tokenChars += counted + kinds[4]! - excess;
  t.letters += kinds[1]!;
  t.scripted += kinds[1]!;
  t.basic = t.basicLatin = kinds[1]!;
  t.odd += kinds[2]!;
  t.tokens = tokens;
  return t;
}

/** Each writing system of SYSTEMS as script indices, and whether it includes Latin (else Latin letters count for it besides its own). */
const SYSTEM_INDICES = SYSTEMS.map((system) => system.map((s) => SCRIPT_INDEX.indexOf(s)));
const SYSTEM_HAS_LATIN = SYSTEMS.map((system) => system.includes("Latin"));
const UNSPACED_INDICES = [...UNSPACED].map((s) => SCRIPT_INDEX.indexOf(s));

function featuresOf(t: Tally): LanguageFeatures {
  const byScript = t.byScript;
  const order = t.order;
  if (t.basicLatin) {
    if (byScript[LATIN] === 0) order[t.scripts++] = LATIN;
    byScript[LATIN]! += t.basicLatin;
  }
  const latin = byScript[LATIN]!;
  // The best-fitting writing system's letters (sums of whole numbers: any order gives the same).
  let best = -Infinity;
  for (let k = 0; k < SYSTEM_INDICES.length; k++) {
    let sum = SYSTEM_HAS_LATIN[k] ? 0 : latin;
    for (const s of SYSTEM_INDICES[k]!) sum += byScript[s]!;
    if (sum > best) best = sum;
  }
  // The script with the most letters; of equals, the one met first (as a stable sort by count puts it).
  let script = "none";
  let most = -Infinity;
  for (let k = 0; k < t.scripts; k++) {
    const n = byScript[order[k]!]!;
    if (n > most) {
      most = n;
      script = SCRIPT_INDEX[order[k]!]!;
    }
  }
  let unspaced = 0;
  for (const s of UNSPACED_INDICES) unspaced += byScript[s]!;
  const { chars, scripted, tokens } = t;
  const spaced = scripted === 0 || unspaced / scripted < 0.3;
  const han = byScript[HAN]!;
  return {
    chars,
    letterShare: chars ? t.letters / chars : 0,
    replacementShare: chars ? t.replacement / chars : 0,
    unassignedShare: chars ? t.unassigned / chars : 0,
    oddSymbolShare: chars ? t.odd / chars : 0,
    script,
    systemShare: scripted ? best / scripted : 1,
    rareHanShare: han ? t.rareHan / han : 0,
    basicLatinShare: latin ? t.basic / latin : 1,
    meanTokenLength: spaced && tokens ? t.tokenChars / tokens : 0,
  };
}

/**
 * Bounds that language never crosses: one crossed is enough to reject. Each lies far outside the
 * range of every corpus text (eval/eval-language.ts prints the ranges, per half).
 */
function plainlyNot(f: LanguageFeatures): string | null {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (f.replacementShare > 0.05) return `${pct(f.replacementShare)} of its characters could not be decoded`;
  if (f.unassignedShare > 0.05) return `${pct(f.unassignedShare)} of its characters are unassigned or private-use code points`;
  if (f.oddSymbolShare > 0.1) return `${pct(f.oddSymbolShare)} of its characters are symbols such as { } | ^ ~ < > @ #`;
  if (f.letterShare < 0.4) return `only ${pct(f.letterShare)} of its characters are letters`;
  if (f.systemShare < 0.9) return "its letters are scattered over many scripts";
  if (f.rareHanShare > 0.1) return `${pct(f.rareHanShare)} of its Chinese characters are rare ones`;
  if (f.script === "Latin" && f.basicLatinShare < 0.35) return `only ${pct(f.basicLatinShare)} of its Latin letters are a–z (random bytes, or an encoding other than UTF-8 and Windows-1252?)`;
  if (f.meanTokenLength > 25) return `its "words" are ${Math.round(f.meanTokenLength)} characters long on average`;
  return null;
}

/**
 * Milder oddities: real text may show one (a table of figures has few letters; Vietnamese or Yoruba
 * has many accented letters), but two at once only in text that is not language.
 */
export function oddities(f: LanguageFeatures): string[] {
  const out: string[] = [];
  if (f.letterShare < 0.7) out.push(`${Math.round(f.letterShare * 100)}% letters`);
  if (f.oddSymbolShare > 0.04) out.push(`${Math.round(f.oddSymbolShare * 100)}% symbols such as { } | ^ ~ < > @ #`);
  if (f.script === "Latin" && f.basicLatinShare < 0.6) out.push(`${Math.round(f.basicLatinShare * 100)}% of its Latin letters a–z`);
  if (f.meanTokenLength > 12) out.push(`"words" ${Math.round(f.meanTokenLength)} characters long on average`);
  if (f.systemShare < 0.95) out.push("letters from several unrelated scripts");
  return out;
}

/** Why the text is not language, or null when it reads as language. */
export function notLanguage(text: string): string | null {
  const f = languageFeatures(text);
  if (f.chars === 0) return null;
  const not = "does not read as text in any language";
  const plain = plainlyNot(f);
  if (plain) return `${not}: ${plain}`;
  const odd = oddities(f);
  return odd.length >= 2 ? `${not}: ${odd.join(", ")}` : null;
}

// One text's features made as the module loads, every share of them a fraction: a share that had been a whole
// number (0: no replacement characters) in every page read before V8 optimised featuresOf was compiled as one,
// and the first page with a fraction there threw the optimised code away, to be compiled again.
languageFeatures("Ab é 中㐀 Ωα \uFFFD \u0378 { xyz hé");
