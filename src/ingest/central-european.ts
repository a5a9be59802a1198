// Central European text (Polish, Czech, Slovak, Slovenian, Croatian...) saved in ISO-8859-2 or Windows-1250:
// read as Windows-1252, many of its letters become signs inside words ("Wa³êsa", "¿ycie"), which a
// Western text never has between two letters. The encoding whose reading has far fewer such signs is taken;
// a text where Windows-1252 breaks no word stays Windows-1252, the reading it always had. Thresholds: see
// docs/scaling.md, stop 68 (qa68), set on the tuning half of scripts/measure-legacy-encodings.ts.
import { decodeWindows1252 } from "./windows-1252.ts";

interface Latin {
  /** TextDecoder's label. */
  label: string;
  /** How a warning names it. */
  name: string;
  /** Per byte: LETTER, CAPITAL, SPACE, CONTROL or 0 (anything else: a sign, a digit, punctuation). */
  classes: Uint8Array;
}

const LETTER = 1;
const CAPITAL = 2;
/** White space and the soft hyphen: a no-break space after a one-letter word is good Polish and Czech typography. */
const SPACE = 3;
/** A C1 control: a byte the encoding has no character for, or one no text holds. */
const CONTROL = 4;

function latin(label: string, name: string, high: string): Latin {
  const classes = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const c = b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!;
    classes[b] = /\p{Lu}/u.test(c) ? CAPITAL : /\p{L}/u.test(c) ? LETTER : /[\s\u00ad]/u.test(c) ? SPACE : /\p{Cc}/u.test(c) ? CONTROL : 0;
  }
  return { label, name, classes };
}

const HIGH_BYTES = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
const highOf = (label: string) => new TextDecoder(label).decode(HIGH_BYTES);
const WESTERN = latin("windows-1252", "Windows-1252", decodeWindows1252(HIGH_BYTES));
// ISO-8859-2 first, taken on a tie: Windows-1250 puts letters and quotation marks in 0x80–0x9F, which ISO-8859-2
// reads as controls, so a tie means the text has none of them (and the few letters where the two still differ are
// letters in both: ž or ľ, š or ą).
const CENTRAL: readonly Latin[] = [latin("iso-8859-2", "ISO-8859-2", highOf("iso-8859-2")), latin("windows-1250", "Windows-1250", highOf("windows-1250"))];

/** Windows-1252 must break at least this many words, and the other reading at most this share of them. */
const MIN_BREAKS = 2;
const MAX_SHARE = 0.25;

export interface CentralReading {
  text: string;
  encoding: string;
  why: string;
}

/** The bytes read as ISO-8859-2 or Windows-1250 when their sample says so, else null (the caller reads Windows-1252). */
export function centralEuropeanReading(bytes: Uint8Array, sample: Uint8Array): CentralReading | null {
  const western = oddities(sample, WESTERN.classes);
  if (western < MIN_BREAKS) return hungarianReading(bytes, sample);
  let best: Latin | null = null;
  let fewest = Math.floor(MAX_SHARE * western);
  for (const encoding of CENTRAL) {
    const n = oddities(sample, encoding.classes);
    if (n <= fewest && (best === null || n < fewest)) (best = encoding), (fewest = n);
  }
  if (!best) return null;
  return {
    text: new TextDecoder(best.label).decode(bytes),
    encoding: best.label,
    why: `read as ${best.name} (${western} signs within words in Windows-1252, ${fewest} in ${best.name})`,
  };
}

/**
 * Bytes above 0x7F the reading makes odd: a control anywhere, a sign between two letters ("Wa³êsa"), or a
 * capital between two small letters ("zaĽatwić" for "załatwić").
 */
function oddities(sample: Uint8Array, classes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const own = classes[b]!;
    if (own === CONTROL) {
      n++;
      continue;
    }
    if (own === LETTER || own === SPACE || i === 0 || i + 1 === sample.length) continue;
    const before = classes[sample[i - 1]!]!;
    const after = classes[sample[i + 1]!]!;
    if (own === 0 ? isLetter(before) && isLetter(after) : before === LETTER && after === LETTER) n++;
  }
  return n;
}

const isLetter = (c: number) => c === LETTER || c === CAPITAL;

/** Hungarian's letters outside ASCII. All but ő and ű (and capitals) are the same bytes in Windows-1252. */
const HUNGARIAN_LETTERS = new Set("áéíóöőúüűÁÉÍÓÖŐÚÜŰ");
/** ő, ű, Ő, Ű in ISO-8859-2 and Windows-1250: õ, û, Õ, Û in Windows-1252, letters there too, so no word breaks. */
const DOUBLE_ACUTE_BYTES = new Set([0xf5, 0xfb, 0xd5, 0xdb]);

/**
 * Hungarian saved in ISO-8859-2 or Windows-1250: Windows-1252 reads its ő and ű as õ and û, letters that
 * break no word (`oddities` sees nothing). Hungarian writes neither õ nor û, and every other letter it writes
 * outside ASCII is the same byte in all three encodings. So a text whose letters outside ASCII, read in the
 * Central European encoding, are all Hungarian's, with at least MIN_BREAKS ő or ű, is read so; a text with a
 * letter Hungarian does not write (Portuguese ã or ç beside its õ, Estonian ä, French è beside its û) is not.
 */
function hungarianReading(bytes: Uint8Array, sample: Uint8Array): CentralReading | null {
  let doubled = 0;
  for (const b of sample) if (DOUBLE_ACUTE_BYTES.has(b)) doubled++;
  if (doubled < MIN_BREAKS) return null;
  for (const encoding of CENTRAL) {
    if (!onlyHungarianLetters(new TextDecoder(encoding.label).decode(sample))) continue;
    return {
      text: new TextDecoder(encoding.label).decode(bytes),
      encoding: encoding.label,
      why: `read as ${encoding.name} (its letters are Hungarian's, with ${doubled} ő or ű, which Windows-1252 reads as õ or û)`,
    };
  }
  return null;
}

/** Every character outside ASCII is a letter of Hungarian's or no letter (punctuation, a sign, a space), and none is a control. */
function onlyHungarianLetters(text: string): boolean {
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    if (/\p{Cc}/u.test(c)) return false;
    if (/\p{L}/u.test(c) && !HUNGARIAN_LETTERS.has(c)) return false;
  }
  return true;
}
