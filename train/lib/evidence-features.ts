// mg42 (issue 9): pair evidence of one event (or of two) that the 19 committed pair features do not carry,
// read from the two articles' text for trial fits (EXTRA=f+g in train-merge.ts through trial-pair-features.ts;
// measured alone by train/try-pair-evidence.ts). Each is given by two articles' indices in a set's order.
import { splitSentences } from "../../src/text/sentences.ts";
import { STOP_WORDS } from "../../src/text/words.ts";
import { readMentions } from "../../src/cluster/mentions.ts";

export interface EvidenceText {
  title: string;
  paragraphs: readonly string[];
  /** The report's day (YYYY-MM-DD), when known. */
  evidence?: { date: string | null };
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const tokens = (text: string) => (text.toLowerCase().match(TOKEN) ?? []) as string[];
const contentful = (g: readonly string[]) => g.some((w) => !STOP_WORDS.has(w) && w.length >= 3);

/** Token n-grams of a text that hold at least one content word. */
function grams(words: readonly string[], n: number, into: Set<string>): void {
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n);
    if (contentful(g)) into.add(g.join(" "));
  }
}

/**
 * The quoted spans of a paragraph: between curly double quotes, straight double quotes (paired in order),
 * curly single quotes and straight single quotes that open after a space and close before punctuation or
 * space (not apostrophes), and ECB's `` ... ''.
 */
export function quotedSpans(paragraph: string): string[] {
  const out: string[] = [];
  for (const m of paragraph.matchAll(/“([^”]{3,})”|``([^']{3,})''|(?:^|[\s(\[—-])‘([^’]{3,}?)’(?=[\s.,;:!?)\]]|$)|(?:^|[\s(\[—-])'([^']{3,}?)'(?=[\s.,;:!?)\]]|$)/gu)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  // Straight double quotes: paired in order within the paragraph.
  const parts = paragraph.split('"');
  for (let k = 1; k + 1 < parts.length; k += 2) out.push(parts[k]!);
  return out.filter((q) => tokens(q).length >= 2);
}

interface TextEvidence {
  /** Token 3-grams inside quotes (title and body). */
  quoted: Set<string>;
  /** Token 3-grams of the whole text. */
  all3: Set<string>;
  /** Capitalised word pairs (not at a sentence's start), lower case. */
  capPairs: Set<string>;
  /** Money and percentages as written ("£3.5m", "2.1%", "$1.7bn"). */
  amounts: Set<string>;
  /** People quoted or said to speak: the last word of a name next to said/told/says/according to. */
  speakers: Set<string>;
  /** Every capitalised word, lower case (without a possessive). */
  named: Set<string>;
  /** How many months before the report's month the latest month its text names lies (0-11), -1 when it names none or has no day. */
  latestMonth: number;
  /** The same for the headline and first two sentences. */
  leadLatestMonth: number;
  /** +1 rise words, -1 fall words in the headline and first sentence (bit 1 rise, bit 2 fall). */
  direction: number;
  /** The headline and first two sentences refer to a time before the report's own days ("last month"). */
  past: boolean;
  /** The headline and first two sentences speak of now ("today", "on Monday", "this morning"). */
  fresh: boolean;
}

const CAP = /^[A-Z][\p{L}'’.-]*$/u;
const AMOUNT = /[$£€¥]\s?\d[\d,]*(?:\.\d+)?\s?(?:bn|m|k|billion|million|trillion)?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:%|per cent|percent)/giu;
const NAME = "((?:[A-Z][\\p{L}'’-]+\\s+){0,3}[A-Z][\\p{L}'’-]+)";
const SPEAKER = [new RegExp(`${NAME}\\s+(?:said|says|told|added|explained|warned|stated)\\b`, "gu"), new RegExp(`\\b(?:said|says|told|added|according to)\\s+(?:(?:the|a|an)\\s+[\\p{Ll}\\s-]{0,40}?)?${NAME}`, "gu")];
const RISE = /\b(?:rise|rises|rose|risen|rising|up|higher|increase[sd]?|increasing|grow|grows|grew|growth|growing|gain(?:s|ed)?|jump(?:s|ed)?|soar(?:s|ed)?|surge[sd]?|climb(?:s|ed)?|boost(?:s|ed)?|record high|win|wins|won|beat|beats)\b/i;
const FALL = /\b(?:fall|falls|fell|fallen|falling|down|lower|decrease[sd]?|decline[sd]?|declining|drop(?:s|ped)?|shrink(?:s)?|shrank|slump(?:s|ed)?|plunge[sd]?|slide|slid|cut(?:s)?|loss|losses|lose|loses|lost|defeat(?:ed)?|worst)\b/i;
const PAST = /\b(?:last (?:week|month|year|summer|autumn|winter|spring|weekend)|earlier this (?:year|month|week)|(?:weeks|months|years) (?:ago|after|before|since|later)|a (?:week|month|year) (?:ago|after|since|later)|anniversary|since (?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4}))\b/i;
const FRESH = /\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:morning|night|evening|afternoon))\b/i;
const SPEAKER_STOP = new Set(["he", "she", "they", "it", "the", "a", "mr", "mrs", "ms", "dr", "but", "and", "in", "on", "this", "that", "we", "i", "you", "his", "her"]);

function lastWord(name: string): string | null {
  const ws = name.split(/\s+/).map((w) => w.toLowerCase().replace(/['’]s$/, "")).filter((w) => !SPEAKER_STOP.has(w));
  return ws.length ? ws[ws.length - 1]! : null;
}

export function textEvidence(a: EvidenceText): TextEvidence {
  const quoted = new Set<string>();
  const all3 = new Set<string>();
  const capPairs = new Set<string>();
  const amounts = new Set<string>();
  const speakers = new Set<string>();
  const texts = [a.title, ...a.paragraphs];
  for (const t of texts) {
    for (const q of quotedSpans(t)) grams(tokens(q), 3, quoted);
    grams(tokens(t), 3, all3);
    for (const m of t.matchAll(AMOUNT)) amounts.add(m[0].toLowerCase().replace(/[\s,]/g, "").replace(/percent|percent/g, "%"));
    for (const re of SPEAKER) for (const m of t.matchAll(re)) {
      const w = lastWord(m[1]!);
      if (w) speakers.add(w);
    }
  }
  const named = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/\b[A-Z][\p{L}'’-]+/gu)) named.add(m[0].toLowerCase().replace(/['’]s$/, ""));
  const sentences = a.paragraphs.flatMap((p) => splitSentences(p));
  for (const s of sentences) {
    const ws = s.split(/\s+/).map((w) => w.replace(/^[("“‘'\[]+|[)"”’'\],.;:!?]+$/gu, ""));
    for (let i = 1; i + 1 < ws.length; i++) {
      if (CAP.test(ws[i]!) && CAP.test(ws[i + 1]!)) capPairs.add(`${ws[i]} ${ws[i + 1]}`.toLowerCase().replace(/['’]s\b/g, ""));
    }
  }
  const day = a.evidence?.date ?? null;
  const latest = (mask: number) => {
    if (!day || !mask) return -1;
    const now = Number(day.slice(5, 7));
    let best = -1;
    for (let m = 1; m <= 12; m++) if (mask & (1 << (m - 1))) {
      const back = (now - m + 12) % 12;
      if (best < 0 || back < best) best = back;
    }
    return best;
  };
  const latestMonth = latest(readMentions(a.title, a.paragraphs).months);
  const leadLatestMonth = latest(readMentions(a.title, sentences.slice(0, 2)).months);
  const lead1 = `${a.title} ${sentences[0] ?? ""}`;
  const lead2 = `${a.title} ${sentences.slice(0, 2).join(" ")}`;
  const direction = (RISE.test(lead1) ? 1 : 0) | (FALL.test(lead1) ? 2 : 0);
  return { quoted, all3, capPairs, amounts, speakers, named, latestMonth, leadLatestMonth, direction, past: PAST.test(lead2), fresh: FRESH.test(lead2) };
}

const sharedCount = <T>(x: Set<T>, y: Set<T>) => {
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return n;
};
const agree = <T>(x: Set<T>, y: Set<T>) => (x.size === 0 || y.size === 0 ? 0 : sharedCount(x, y) > 0 ? 1 : -1);

/** A pseudo-random value in [0, 1) per pair and seed (seed 0 mixes once, as the first control run did; 1 and 2 mix twice). */
function noise(a: number, b: number, seed: number): number {
  let h = (Math.min(a, b) * 2654435761 + Math.max(a, b) * 40503 + seed * 97) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  if (seed === 0) return (h >>> 8) / 16777216;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return ((h ^ (h >>> 16)) >>> 8) / 16777216;
}

/** The evidence features of one set's articles (in its order), by name; each gives a pair's value from two indices. */
export function evidenceFeatures(order: readonly EvidenceText[]): Record<string, (a: number, b: number) => number> {
  let ev: TextEvidence[] | null = null;
  const E = () => (ev ??= order.map(textEvidence));
  // Document frequency of capitalised pairs over the set (its articles lie within a window of one another).
  let capDf: Map<string, number> | null = null;
  const df = () => {
    if (capDf) return capDf;
    capDf = new Map();
    for (const e of E()) for (const g of e.capPairs) capDf.set(g, (capDf.get(g) ?? 0) + 1);
    return capDf;
  };
  const rareCap = (a: number, b: number, most: number) => {
    const [x, y, d] = [E()[a]!.capPairs, E()[b]!.capPairs, df()];
    let n = 0;
    for (const g of x) if (y.has(g) && d.get(g)! <= most) n++;
    return Math.log1p(n);
  };
  return {
    /** log(1 + quoted 3-grams both reports quote). */
    quotesShared: (a, b) => Math.log1p(sharedCount(E()[a]!.quoted, E()[b]!.quoted)),
    /** Whether the two share a quoted 3-gram: 1, both quote and share none: -1 (only when each quotes 10+ grams), else 0. */
    quoteAgree: (a, b) => {
      const [x, y] = [E()[a]!.quoted, E()[b]!.quoted];
      if (sharedCount(x, y) > 0) return 1;
      return x.size >= 10 && y.size >= 10 ? -1 : 0;
    },
    /** The larger share of one report's quoted 3-grams that the other's text gives anywhere (quoted or not). */
    quoteInText: (a, b) => {
      const [x, y] = [E()[a]!, E()[b]!];
      const share = (q: Set<string>, t: Set<string>) => (q.size ? sharedCount(q, t) / q.size : 0);
      return Math.max(share(x.quoted, y.all3), share(y.quoted, x.all3));
    },
    /** log(1 + capitalised word pairs both give that at most 3 / 10 of the set's articles give). */
    capPairs3: (a, b) => rareCap(a, b, 3),
    capPairs10: (a, b) => rareCap(a, b, 10),
    /** log(1 + money amounts and percentages both state, as written). */
    amountsShared: (a, b) => Math.log1p(sharedCount(E()[a]!.amounts, E()[b]!.amounts)),
    /** +1 both quote or cite a speaker in common, -1 both cite speakers and share none, 0 one cites none. */
    speakers: (a, b) => agree(E()[a]!.speakers, E()[b]!.speakers),
    /** The two halves of `speakers` apart: shared speakers (1 / 0) and speakers none of whom the other cites (1 / 0). */
    speakersShared: (a, b) => (agree(E()[a]!.speakers, E()[b]!.speakers) > 0 ? 1 : 0),
    speakersConflict: (a, b) => (agree(E()[a]!.speakers, E()[b]!.speakers) < 0 ? 1 : 0),
    /** Each cites speakers and none of one side's is named by the other at all (the other's capitalised words). */
    speakerMissing: (a, b) => {
      const [x, y] = [E()[a]!, E()[b]!];
      if (!x.speakers.size || !y.speakers.size) return 0;
      const missing = (s: Set<string>, t: TextEvidence) => [...s].every((w) => !t.named.has(w));
      return missing(x.speakers, y) || missing(y.speakers, x) ? 1 : 0;
    },
    /** speakerMissing when each side cites two speakers or more (one speaker is often an outlet's own source). */
    speakerMissing2: (a, b) => {
      const [x, y] = [E()[a]!, E()[b]!];
      if (x.speakers.size < 2 || y.speakers.size < 2) return 0;
      const missing = (s: Set<string>, t: TextEvidence) => [...s].every((w) => !t.named.has(w));
      return missing(x.speakers, y) || missing(y.speakers, x) ? 1 : 0;
    },
    /** quoteAgree's -1 alone: both quote at length and share no quoted 3-gram. */
    quoteConflict: (a, b) => {
      const [x, y] = [E()[a]!.quoted, E()[b]!.quoted];
      return x.size >= 10 && y.size >= 10 && sharedCount(x, y) === 0 ? 1 : 0;
    },
    /** 1 when both texts name months and the latest each names (counted back from its day) differs: one tells of a later time. */
    latestMonthDiffers: (a, b) => {
      const [x, y] = [E()[a]!.latestMonth, E()[b]!.latestMonth];
      return x >= 0 && y >= 0 && x !== y ? 1 : 0;
    },
    /** -1 latest months differ, +1 the same, 0 either silent. */
    latestMonth: (a, b) => {
      const [x, y] = [E()[a]!.latestMonth, E()[b]!.latestMonth];
      return x < 0 || y < 0 ? 0 : x === y ? 1 : -1;
    },
    leadLatestMonth: (a, b) => {
      const [x, y] = [E()[a]!.leadLatestMonth, E()[b]!.leadLatestMonth];
      return x < 0 || y < 0 ? 0 : x === y ? 1 : -1;
    },
    /** A control: a deterministic pseudo-random value per pair (what retraining with a useless feature moves). */
    noise: (a, b) => noise(a, b, 0),
    noise2: (a, b) => noise(a, b, 1),
    noise3: (a, b) => noise(a, b, 2),
    /** The leads' direction: -1 one only rises and the other only falls, +1 both the same single direction, else 0. */
    direction: (a, b) => {
      const [x, y] = [E()[a]!.direction, E()[b]!.direction];
      if ((x === 1 && y === 2) || (x === 2 && y === 1)) return -1;
      return x !== 0 && x === y && x !== 3 ? 1 : 0;
    },
    /** 1 when one lead refers back in time ("last month", "weeks after") and the other does not. */
    pastDiffers: (a, b) => (E()[a]!.past !== E()[b]!.past ? 1 : 0),
    /** 1 when one lead refers back in time and the other speaks of now ("today", "on Monday"). */
    pastVsFresh: (a, b) => {
      const [x, y] = [E()[a]!, E()[b]!];
      return (x.past && !x.fresh && y.fresh && !y.past) || (y.past && !y.fresh && x.fresh && !x.past) ? 1 : 0;
    },
  };
}
