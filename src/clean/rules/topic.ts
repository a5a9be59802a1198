// Blocks after the article that are about something else: the author's bio, the comment form's
// privacy notice, a newsletter sign-up. They read as prose, but share few words with the story.
import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine, type TextDoc } from "../doc.ts";
import { FUNCTION_WORDS } from "../function-words.ts";

// Bound once: under tsx an imported name is read through a getter on every use.
const STOP = FUNCTION_WORDS;

/** Hashes are kept to 30 bits so they stay small integers (a 32-bit one is boxed in a Set). */
const SMALL = 0x3fffffff;

function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h & SMALL;
}

const STOP_HASHES = new Set([...FUNCTION_WORDS].map(hashWord));

/** Letters of any script, as they stand in a lower-cased `norm`; punctuation, digits and spaces split words. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c !== 0xa0 && c !== 0x3000 && (c < 0x2000 || c > 0x206f);
}

/**
 * Content words of a line, from its already lower-cased `norm`, as 32-bit hashes (no substrings):
 * words of four letters or more, function words left out, plural and past-tense endings folded so
 * "plagues" meets "plague" and "reported" meets "report" (no full stemmer needed).
 */
function vocabulary(norm: string, out: number[]): void {
  let h = 0, len = 0, h1 = 0, h2 = 0, h3 = 0;
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      h3 = h2;
      h2 = h1;
      h1 = h;
      h = (Math.imul(h, 31) + c) | 0;
      len++;
      continue;
    }
    if (len >= 4 && !STOP_HASHES.has(h & SMALL)) {
      let folded = h;
      if (len > 5) {
        const a = norm.charCodeAt(i - 1), b = norm.charCodeAt(i - 2), d = norm.charCodeAt(i - 3);
        if (a === 103 && b === 110 && d === 105) folded = h3; // -ing
        else if ((a === 100 || a === 115) && b === 101) folded = h2; // -ed, -es
        else if (a === 115) folded = h1; // -s
      }
      out.push(folded & SMALL);
    }
    h = len = h1 = h2 = h3 = 0;
  }
}

function lineWords(doc: TextDoc, lines: number[]): number[] {
  const out: number[] = [];
  for (const i of lines) vocabulary(doc.lines[i]!.norm, out);
  return out;
}

/** A block judged needs this many distinct content words; smaller ones go with their neighbours. */
const MIN_WORDS = 6;
/** Share of a block's content words seen earlier in the article below which it is off topic. */
const MIN_OVERLAP = 0.25;
/** How many of the article's most mentioned names stand for its subject. */
const SUBJECT_WORDS = 3;
/** A capitalised word of a Latin-script language: a name, or a sentence's first word. */
const NAME = /\b[A-ZÀ-Þ][a-zß-ÿ]{3,}/g;

/** Blocks of body lines: a line dropped between two kept lines separates them. */
function blocks(body: number[]): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < body.length; k++) {
    if (k === 0 || body[k]! - body[k - 1]! > 1) out.push([]);
    out[out.length - 1]!.push(body[k]!);
  }
  return out;
}

/** The names the story mentions at least three times, most mentioned first, folded like its words. */
function foldedHash(word: string): number {
  const out: number[] = [];
  vocabulary(word, out);
  return out[0] ?? hashWord(word);
}

function mostNamed(doc: TextDoc, core: number[][]): Set<number> {
  const names = new Map<string, number>();
  for (const b of core) for (const i of b) for (const w of doc.lines[i]!.text.match(NAME) ?? []) names.set(w, (names.get(w) ?? 0) + 1);
  return new Set(
    [...names]
      .filter(([w, n]) => n >= 3 && !STOP.has(w.toLowerCase()))
      .sort((a, b) => b[1] - a[1])
      .slice(0, SUBJECT_WORDS)
      .map(([w]) => foldedHash(w.toLowerCase())),
  );
}

/**
 * From the end of the body back, blocks whose content words mostly never appeared in the headline
 * or the article above them go, until a block on topic is met. Blocks too small to judge go only
 * when an off-topic block comes before them.
 */
export const offTopicTail: CleanRule = {
  name: "off-topic-tail",
  apply(doc) {
    if (doc.origin === "html") return;
    const parts = blocks(bodyIndices(doc));
    if (parts.length < 2) return;
    const size = parts.map((b) => b.reduce((n, i) => n + doc.lines[i]!.words, 0));
    const total = size.reduce((a, b) => a + b, 0);
    // Only the tail is judged: the story itself must stand above it, and be far larger.
    let first = 1;
    for (let above = size[0]!; first < parts.length && above < 0.6 * total; first++) above += size[first]!;
    if (first >= parts.length) return;
    const counts = new Map<number, number>();
    for (let k = 0; k < first; k++) for (const w of lineWords(doc, parts[k]!)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const seen = new Set(counts.keys());
    if (doc.title >= 0) for (const w of lineWords(doc, [doc.title])) seen.add(w);
    // The story's subject: the names it mentions most. A block that names it is on topic however
    // few other words it shares ("Assange was due to be released…"). Found only when needed.
    let subject: Set<number> | null = null;
    const names = (): Set<number> => (subject ??= mostNamed(doc, parts.slice(0, first)));
    // And its key words, the most frequent: a block must use two of them to count as on topic.
    const keyWords = new Set([...counts].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1]).slice(0, SUBJECT_WORDS).map(([w]) => w));
    let lastOnTopic = first - 1;
    const offTopic: number[] = [];
    for (let k = first; k < parts.length; k++) {
      const own = new Set(lineWords(doc, parts[k]!));
      if (own.size >= MIN_WORDS) {
        let shared = 0, keys = 0;
        for (const w of own) {
          if (seen.has(w)) shared++;
          if (keyWords.has(w)) keys++;
        }
        if (keys < 2 && shared / own.size < MIN_OVERLAP && ![...names()].some((w) => own.has(w))) {
          // Off-topic blocks lend no support to the ones after them (a run of promos shares words).
          offTopic.push(k);
          continue;
        }
        lastOnTopic = k;
      }
      for (const w of own) seen.add(w);
    }
    const cut = offTopic.find((k) => k > lastOnTopic);
    if (cut === undefined) return;
    for (let k = cut; k < parts.length; k++) for (const i of parts[k]!) dropLine(doc, i, "off-topic-tail");
  },
};
