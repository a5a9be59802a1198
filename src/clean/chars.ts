// Character tables of the cleaning stage; the classes of one code unit are src/text/chars.ts's.
import { charClass, LETTER, LOWER, UPPER } from "../text/chars.ts";

export { CJK, DIGIT, LETTER, LOWER, UPPER, charClass, table } from "../text/chars.ts";

/** Set in every filled place of a table here: 0 means not yet computed. */
const KNOWN = 128;

/** Lower-case code unit of each code unit, 0 while not yet computed. */
const lowerTable = new Uint16Array(0x10000);

/** The lower-case form of one UTF-16 code unit (itself when it has none of one unit). */
export function lowerOf(code: number): number {
  const known = lowerTable[code]!;
  if (known !== 0) return known;
  const lower = String.fromCharCode(code).toLowerCase();
  const l = lower.length === 1 ? lower.charCodeAt(0) : code;
  lowerTable[code] = l || code;
  return l;
}

/** By code unit: 1 when upper-casing leaves it as it is, 2 when it changes it, 0 while not yet computed. */
const upperSame = new Uint8Array(0x10000);

/**
 * `text === text.toUpperCase()` by table, without making the upper-cased copy: upper-casing maps each
 * character on its own, so the text stays the same when every character does. A surrogate (a
 * character outside the BMP) sends the text to the full comparison.
 */
export function isUpperCased(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) return false;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return text === text.toUpperCase();
    let same = upperSame[c]!;
    if (same === 0) {
      const ch = String.fromCharCode(c);
      same = ch.toUpperCase() === ch ? 1 : 2;
      upperSame[c] = same;
    }
    if (same === 2) return false;
  }
  return true;
}

// Past ASCII, and past a surrogate, a dozen times as the module loads: most pages never reach those
// branches before V8 optimises the callers, and the first that did deoptimised them in every thread.
for (let k = 0; k < 12; k++) isUpperCased("ＡＢ 😀");

/** By code unit: 1 when `trim` removes it (white space, line ends), 2 when not, 0 while not yet asked. */
const trimmedUnits = new Uint8Array(0x10000);

/** Whether `String.prototype.trim` removes this code unit, by table. */
export function isTrimmedSpace(code: number): boolean {
  let known = trimmedUnits[code]!;
  if (known === 0) {
    known = String.fromCharCode(code).trim() === "" ? 1 : 2;
    trimmedUnits[code] = known;
  }
  return known === 1;
}

/** `foldClass` bits. A typographic quote or dash `foldLine` makes plain (‘ ’ ‛ ′ “ ” ‟ ″ – —). */
export const FOLD_TYPOGRAPHIC = 1;
/** A character NFKC may change, or one that may join the character before it (a mark, a Hangul jamo). */
export const FOLD_UNSTABLE = 2;
/** Any character past ASCII. */
export const FOLD_NON_ASCII = 4;
/** White space past ASCII that a line's text reads as a plain space (no-break, wide, thin, zero-width, ideographic). */
export const FOLD_SPACE = 8;

/** `foldClass` bits by code unit (with `KNOWN`), 0 while not yet computed. */
export const foldTable = new Uint8Array(0x10000);

/** The typographic quotes and dashes `foldLine` reads as plain ones, each with its plain character. */
export const TYPOGRAPHIC_PLAIN: Readonly<Record<string, string>> = {
  "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
  "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u2033": '"',
  "\u2013": "-", "\u2014": "-",
};

const TYPOGRAPHIC_UNITS = new Set(Object.keys(TYPOGRAPHIC_PLAIN).map((ch) => ch.charCodeAt(0)));

/**
 * What `foldLine` must do for a code unit past ASCII. A text of characters NFKC leaves alone, none of
 * them a mark or a jamo (the only characters composition joins to the one before), is left alone as a
 * whole: such a line needs no normalising pass. Surrogates count as unstable.
 */
export function foldClass(code: number): number {
  const known = foldTable[code]!;
  if (known !== 0) return known;
  const ch = String.fromCharCode(code);
  let bits = KNOWN | FOLD_NON_ASCII;
  if (TYPOGRAPHIC_UNITS.has(code)) bits |= FOLD_TYPOGRAPHIC;
  if (code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000) bits |= FOLD_SPACE;
  if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x1100 && code <= 0x11ff) || /\p{M}/u.test(ch) || ch.normalize("NFKC") !== ch) bits |= FOLD_UNSTABLE;
  foldTable[code] = bits;
  return bits;
}
