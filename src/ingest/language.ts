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

/** What a character counts as, for the non-ASCII ones (kept: a text repeats its few hundred characters). */
interface CharClass {
  /** White space (\s): not counted, and it separates tokens. */
  space: boolean;
  replacement: boolean;
  unassigned: boolean;
  odd: boolean;
  letter: boolean;
  mark: boolean;
  /** The script of a letter that is not a mark. */
  script: string | null;
  rareHan: boolean;
}

const classes = new Map<string, CharClass>();

function classOf(ch: string): CharClass {
  let c = classes.get(ch);
  if (c) return c;
  const letter = LETTER.test(ch);
  const mark = letter && MARK.test(ch);
  const script = letter && !mark ? (SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? "other") : null;
  c = {
    space: /\s/.test(ch),
    replacement: ch === "\uFFFD",
    unassigned: ch !== "\uFFFD" && UNASSIGNED.test(ch),
    odd: ODD_SYMBOL.test(ch),
    letter,
    mark,
    script,
    rareHan: script === "Han" && !COMMON_HAN.test(ch),
  };
  if (classes.size > 50_000) classes.clear(); // random code points: keep the memory bounded
  classes.set(ch, c);
  return c;
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

/** What the characters of a sample add up to. */
interface Tally {
  chars: number;
  letters: number;
  replacement: number;
  unassigned: number;
  basic: number;
  rareHan: number;
  odd: number;
  scripted: number;
  /** Letters per script, in the order the scripts first came (basic Latin letters apart, in `basicLatin`). */
  byScript: Map<string, number>;
  basicLatin: number;
  tokens: number;
  tokenChars: number;
}

function tally(sample: string): Tally {
  let chars = 0;
  let letters = 0;
  let replacement = 0;
  let unassigned = 0;
  let basic = 0;
  let rareHan = 0;
  let odd = 0;
  let scripted = 0;
  const byScript = new Map<string, number>();
  let basicLatin = 0;
  // Tokens as sample.split(/\s+/) would give them: runs of characters that are not white space.
  let tokens = 0;
  let tokenChars = 0;
  let inToken = false;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      // ASCII, most of most texts: decided by a table.
      const kind = ASCII[code]!;
      if (kind === 3) {
        inToken = false;
        continue;
      }
      if (!inToken) tokens++;
      inToken = true;
      tokenChars++;
      if (kind === 4) continue;
      chars++;
      if (kind === 1) {
        letters++;
        scripted++;
        basic++;
        basicLatin++;
      } else if (kind === 2) odd++;
      continue;
    }
    // One code point: a surrogate pair is one character, as for…of would give it.
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < n && (sample.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const c = classOf(pair ? sample.slice(i, i + 2) : sample[i]!);
    if (pair) i++;
    if (c.space) {
      inToken = false;
      continue;
    }
    if (!inToken) tokens++;
    inToken = true;
    tokenChars++;
    chars++;
    if (c.replacement) replacement++;
    else if (c.unassigned) unassigned++;
    else if (c.odd) odd++;
    if (!c.letter) continue;
    letters++;
    // A combining mark belongs to the letter before it (decomposed accents, Indic vowel signs): no script of its own.
    if (c.mark) continue;
    scripted++;
    if (c.rareHan) rareHan++;
    byScript.set(c.script!, (byScript.get(c.script!) ?? 0) + 1);
  }
  return { chars, letters, replacement, unassigned, basic, rareHan, odd, scripted, byScript, basicLatin, tokens, tokenChars };
}

/** Whether each writing system of SYSTEMS includes Latin (else Latin letters count for it besides its own). */
const SYSTEM_HAS_LATIN = SYSTEMS.map((system) => system.includes("Latin"));
const UNSPACED_LIST = [...UNSPACED];

function featuresOf(t: Tally): LanguageFeatures {
  const byScript = t.byScript;
  if (t.basicLatin) byScript.set("Latin", (byScript.get("Latin") ?? 0) + t.basicLatin);
  const latin = byScript.get("Latin") ?? 0;
  // The best-fitting writing system's letters (sums of whole numbers: any order gives the same).
  let best = -Infinity;
  for (let k = 0; k < SYSTEMS.length; k++) {
    let sum = SYSTEM_HAS_LATIN[k] ? 0 : latin;
    for (const s of SYSTEMS[k]!) sum += byScript.get(s) ?? 0;
    if (sum > best) best = sum;
  }
  // The script with the most letters; of equals, the one met first (as a stable sort by count puts it).
  let script = "none";
  let most = -Infinity;
  for (const [s, n] of byScript) {
    if (n > most) {
      most = n;
      script = s;
    }
  }
  let unspaced = 0;
  for (const s of UNSPACED_LIST) unspaced += byScript.get(s) ?? 0;
  const { chars, scripted, tokens } = t;
  const spaced = scripted === 0 || unspaced / scripted < 0.3;
  const han = byScript.get("Han") ?? 0;
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
