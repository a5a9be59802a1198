// What each UTF-16 unit is to a word scan that reads a line's lower case without copying it (notice-words.ts,
// sentence-shapes.ts): a letter and its one-unit lower case, not a letter, or a unit to read the slow way; and the
// hashes of a word list as those scans make them.
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

/** A word's hash as the scans make it: each unit of its lower case in turn (a listed word is lower case, NFC). */
function scanHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/**
 * The scan hashes of a word list: only a scanned word whose hash is here is cut out of its line and looked up. A bit
 * per low 16 bits of the hashes comes first (a 32-bit hash is boxed for the set's look-up; most words are passed over
 * by the bit alone).
 */
export class ScanHashes {
  private readonly bits = new Int32Array(2048);
  private readonly hashes: ReadonlySet<number>;
  constructor(words: Iterable<string>) {
    this.hashes = new Set([...words].map(scanHash));
    for (const h of this.hashes) this.bits[(h >>> 5) & 2047]! |= 1 << (h & 31);
  }
  has(hash: number): boolean {
    return (this.bits[(hash >>> 5) & 2047]! & (1 << (hash & 31))) !== 0 && this.hashes.has(hash);
  }
}
