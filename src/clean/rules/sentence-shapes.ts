// Sentence shapes of a kept body that hold on any site and in the dev sets' languages (nt80, issue 8): a news item
// reports (someone said, according to someone, in quotes, in the third person); a page a site serves instead of one
// speaks to its reader about the site (you, we, please; questions and exclamations) in short lines. Shares of the
// body's words or lines, never a site's or a page's own words. The text article gate reads two levels made of them
// (article-gate.ts, counted in notice-words.ts's scan); train/lib/sentence-shapes.ts holds the nine shapes nt80 studied.
import { ScanHashes } from "./letter-units.ts";

export const WORD = /\p{L}+/gu;

/** Words that attribute what is reported (a verb of saying, "according to"), en de fr es it pt nl. */
export const ATTRIBUTION: ReadonlySet<string> = new Set([
  "said", "says", "told", "according", "stated", "added", "announced", "reported",
  "sagte", "sagt", "sagten", "erklärte", "betonte", "teilte", "laut", "zufolge", "berichtete",
  "déclaré", "selon", "affirmé", "indiqué", "précisé", "annoncé",
  "dijo", "según", "afirmó", "explicó", "señaló", "indicó", "aseguró",
  "detto", "secondo", "spiegato", "dichiarato", "affermato",
  "disse", "segundo", "afirmou", "explicou", "declarou",
  "zei", "volgens", "verklaarde", "meldde",
]);
/** Third-person pronouns and possessives (German "sie" left out: it is also the formal "you"). */
export const THIRD: ReadonlySet<string> = new Set([
  "he", "she", "they", "his", "her", "their", "him", "them",
  "er", "ihm", "ihn", "sein", "seine", "seinen", "seinem", "seiner",
  "il", "elle", "ils", "elles", "leur", "leurs",
  "él", "ella", "ellos", "ellas",
  "lui", "lei", "loro",
  "ele", "ela", "eles", "elas", "dele", "dela",
  "hij", "zij", "hem", "haar", "hun",
]);
/** The reader addressed, and "please" (German formal address only capitalised). */
export const READER: ReadonlySet<string> = new Set([
  "you", "your", "yours", "please", "du", "dein", "deine", "bitte", "vous", "votre", "vos", "veuillez", "tu", "ton", "tes",
  "usted", "tus", "tuo", "tua", "você", "uw", "jouw", "je",
]);
export const FORMAL: ReadonlySet<string> = new Set(["Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihnen"]);
/** The site speaking of itself: first person plural. */
export const WE: ReadonlySet<string> = new Set(["we", "our", "us", "wir", "uns", "unser", "unsere", "nous", "notre", "nos", "nosotros", "nuestro", "nuestra", "noi", "nostro", "nostra", "nós", "nosso", "nossa", "wij", "ons", "onze"]);

export interface VoiceCounts { words: number; reporting: number; speaking: number }

/** What a word is to the voices (`voiceOf`). */
export const REPORTING = 1, SPEAKING = 2;
/** A lower case that speaks only as FORMAL writes it ("Sie", not "sie"). */
const FORMAL_ONLY = 3;
const VOICE = new Map<string, number>();
for (const w of [...READER, ...WE]) VOICE.set(w, SPEAKING);
for (const w of [...ATTRIBUTION, ...THIRD]) VOICE.set(w, REPORTING);
for (const w of FORMAL) if (!VOICE.has(w.toLowerCase())) VOICE.set(w.toLowerCase(), FORMAL_ONLY);

/** The longest listed word, in UTF-16 units: a longer word is no voice word. */
export const VOICE_LONGEST = Math.max(...[...VOICE.keys()].map((w) => w.length));
/** The listed words' scan hashes: only a word with one of them is read by `voiceOf`. */
export const VOICE_HASHES = new ScanHashes(VOICE.keys());

/** REPORTING or SPEAKING for the word as written, else 0: `slowVoiceCounts`' reading. */
export function voiceOf(word: string): number {
  const voice = VOICE.get(word.toLowerCase());
  if (voice === REPORTING) return REPORTING;
  return voice === SPEAKING || (voice === FORMAL_ONLY && FORMAL.has(word)) ? SPEAKING : 0;
}

/** A line's words (runs of \\p{L}) and how many report or speak, by the pattern, word by word: any line. */
export function slowVoiceCounts(text: string): VoiceCounts {
  let words = 0, reporting = 0, speaking = 0;
  for (const w of text.match(WORD) ?? []) {
    words++;
    const low = w.toLowerCase();
    if (ATTRIBUTION.has(low) || THIRD.has(low)) reporting++;
    else if (READER.has(low) || FORMAL.has(w) || WE.has(low)) speaking++;
  }
  return { words, reporting, speaking };
}

/**
 * The two voices the article gate reads (per 100 of the lines' words, on a log scale): reporting, the words of a
 * report (the third person, a verb of saying or "according to", numbers); speaking, the site speaking to its reader
 * (you, please, we). On the tuning half the real pages nearest the gate's line are short reports full of numbers and
 * names, the notices nearest it short lines to the reader without a number or a third person (docs/scaling.md, nt80).
 * The counts come from notice-words.ts's one scan of each line (`noticeWordCount`), numbers from the lines.
 */
export function voiceLevels(words: number, reporting: number, speaking: number): { reporting: number; speaking: number } {
  const w = Math.max(1, words);
  return { reporting: Math.log1p((100 * reporting) / w), speaking: Math.log1p((100 * speaking) / w) };
}
