// What each UTF-16 unit is to a word scan that reads a line's lower case without copying it (notice-words.ts,
// sentence-shapes.ts): a letter and its one-unit lower case, not a letter, or a unit to read the slow way.
const LETTER = /\p{L}/u;

/** What a UTF-16 unit of 0x80 or more is to the scan, by its lower case (0: not yet known). */
export const NOT_LETTER = 1;
export const LETTER_UNIT = 2;
/** A surrogate, or a unit whose lower case is not one non-ASCII unit ("İ" → "i̇", the Kelvin sign → "k"): the line is read the slow way. */
export const SLOW = 3;
const unitKinds = new Uint8Array(0x10000);
/** A letter unit's lower case (one non-ASCII unit: "É" → "é"), set with its kind: the scan hashes it as the word list's "accès" holds it. */
export const lowerUnits = new Uint16Array(0x10000);

export function unitKind(c: number): number {
  let kind = unitKinds[c]!;
  if (kind === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    kind = c >= 0xd800 && c <= 0xdfff ? SLOW : lower.length !== 1 || lower.charCodeAt(0) < 0x80 ? SLOW : LETTER.test(lower) ? LETTER_UNIT : NOT_LETTER;
    if (kind === LETTER_UNIT) lowerUnits[c] = lower.charCodeAt(0);
    unitKinds[c] = kind;
  }
  return kind;
}
