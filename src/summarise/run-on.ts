// A "sentence" far longer than any a writer makes (a page without sentence punctuation, a list run together,
// a script whose stops the sentence splitter does not know) cut into pieces a reader can take in.

/**
 * Past this many white-space words, or RUN_ON_CHARS code units but soft hyphens and zero-width marks, a
 * sentence is a run-on (the dev sets' longest: 97 words, 584 units). Words between white space: soft
 * hyphens and "chercheur·euse·s" split letter runs, not words a reader counts.
 */
export const RUN_ON_WORDS = 100;
export const RUN_ON_CHARS = 700;
/** The fewest code units a run-on can have (RUN_ON_WORDS words and the spaces between them). */
export const RUN_ON_LEAST = 2 * RUN_ON_WORDS - 1;
/** A piece of a run-on holds at most this many white-space words and code units. */
export const PIECE_WORDS = 40;
export const PIECE_CHARS = 300;

export interface Piece {
  text: string;
  /** Ended by a clause break or the cap, not by its sentence's own end: "…" closes it. */
  cut: boolean;
}

/** Where a piece may end, weakest first: after a comma, a colon or spaced dash, a semicolon, a stop. */
const COMMA = 0;
const CLAUSE = 1;
const SEMICOLON = 2;
const STOP = 3;

/** Closing quotes and brackets a break takes with it. */
const CLOSERS = new Set([...`"'”’)]」』）`]);
const TRAILING = /[\s,;:،，、；：—–-]+$/u;

/** The kind of break right after `text[at]`, or -1. A full stop the sentence splitter passed over counts only before white space. */
function breakAfter(text: string, at: number): number {
  const c = text[at]!;
  const spaced = at + 1 >= text.length || /\s/.test(text[at + 1]!);
  switch (c) {
    case "。":
    case "！":
    case "？":
    case "؟":
    case "۔":
      return STOP;
    case ".":
    case "!":
    case "?":
    case "…":
      return spaced ? STOP : -1;
    case ";":
    case "؛":
    case "；":
      return SEMICOLON;
    case ":":
      return spaced ? CLAUSE : -1;
    case "—":
    case "–":
      return spaced && at > 0 && /\s/.test(text[at - 1]!) ? CLAUSE : -1;
    case ",":
    case "،":
    case "，":
    case "、":
      return COMMA;
    default:
      return -1;
  }
}

/**
 * The pieces of a run-on `sentence` that a summary may show, in order, or null when it is no run-on.
 * Each piece ends at the strongest break within PIECE_WORDS / PIECE_CHARS (one too near the piece's start
 * aside), else at the last white space, else at the cap. Only pieces that open a sentence or clause (the
 * run-on's start, or after a stop or semicolon) are returned: one starting mid-phrase would read as nonsense.
 */
export function runOnPieces(sentence: string): Piece[] | null {
  if (sentence.length < RUN_ON_LEAST || !isRunOn(sentence)) return null;
  const out: Piece[] = [];
  let start = 0;
  let opens = true;
  while (start < sentence.length) {
    while (start < sentence.length && /\s/.test(sentence[start]!)) start++;
    if (start >= sentence.length) break;
    const last = [-1, -1, -1, -1];
    let lastSpace = -1;
    let count = 0;
    let inWord = false;
    let i = start;
    for (; i < sentence.length && i - start < PIECE_CHARS; i++) {
      if (/\s/.test(sentence[i]!)) {
        if (inWord && ++count >= PIECE_WORDS) break;
        inWord = false;
        lastSpace = i;
        continue;
      }
      inWord = true;
      const kind = breakAfter(sentence, i);
      if (kind >= 0) {
        let end = i + 1;
        while (end < sentence.length && CLOSERS.has(sentence[end]!)) end++;
        last[kind] = end;
      }
    }
    if (i >= sentence.length) {
      push(out, sentence.slice(start), false, opens);
      break;
    }
    // A break in the first quarter would leave a scrap of a piece.
    const least = start + (i - start) / 4;
    let cut = -1;
    let kind = -1;
    for (let k = STOP; k >= COMMA && cut < 0; k--) if (last[k]! > least) (cut = last[k]!), (kind = k);
    if (cut < 0) cut = lastSpace > least ? lastSpace : (sentence.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? i - 1 : i;
    push(out, sentence.slice(start, cut), kind !== STOP, opens);
    opens = kind >= SEMICOLON;
    start = cut;
  }
  return out;
}

/** Whether `sentence` has more than RUN_ON_WORDS white-space words or RUN_ON_CHARS units but invisible ones. */
function isRunOn(sentence: string): boolean {
  let words = 0;
  let units = 0;
  let inWord = false;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000) {
      inWord = false;
      units++;
      continue;
    }
    if (!inWord && ++words > RUN_ON_WORDS) return true;
    inWord = true;
    if (c !== 0xad && !(c >= 0x200b && c <= 0x200f) && c !== 0x2060 && c !== 0xfeff) units++;
  }
  return units > RUN_ON_CHARS;
}

/** Adds a piece that `opens` a sentence or clause; a `cut` one ends in "…" instead of its break's mark. */
function push(out: Piece[], raw: string, cut: boolean, opens: boolean): void {
  if (!opens) return;
  const text = raw.trim();
  if (!cut) {
    if (text) out.push({ text, cut });
    return;
  }
  const bare = text.replace(TRAILING, "");
  if (bare) out.push({ text: `${bare}…`, cut });
}
