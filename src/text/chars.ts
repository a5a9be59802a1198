// Character classes by table look-up, shared by the stages that scan text a character at a time. V8's Unicode-property regexes are slow on non-Latin text
// (≈ 50 ns a character on Cyrillic), and every line of every page goes through them; a table filled
// lazily, one regex test per distinct character ever seen, makes the per-line scans linear and cheap.

export const LETTER = 1;
export const UPPER = 2;
export const LOWER = 4;
/** A digit or `_`: part of a word, not a letter. */
export const DIGIT = 8;
/** Han, Hiragana, Katakana or Hangul: scripts written without spaces between words. */
export const CJK = 16;
/** A combining mark (\p{M}): part of the letter before it. */
export const MARK = 32;
const KNOWN = 128;

/** Class bits by code unit, 0 while not yet computed: read it inline in hot loops, then `charClass` on 0. */
export const table = new Uint8Array(0x10000);

function compute(code: number): number {
  const ch = String.fromCharCode(code);
  let bits = KNOWN;
  if (/\p{L}/u.test(ch)) bits |= LETTER;
  if (/\p{Lu}/u.test(ch)) bits |= UPPER;
  if (/\p{Ll}/u.test(ch)) bits |= LOWER;
  if (/[\p{N}_]/u.test(ch)) bits |= DIGIT;
  if (/\p{M}/u.test(ch)) bits |= MARK;
  if (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(ch)) bits |= CJK;
  return bits;
}

/**
 * Class bits of one UTF-16 code unit. Surrogates (emoji, rare ideographs outside the BMP) count as
 * no class: they neither make nor break words here.
 */
export function charClass(code: number): number {
  const known = table[code]!;
  if (known !== 0) return known;
  const bits = compute(code);
  table[code] = bits;
  return bits;
}
