// Every page gets an answer: when the rules leave no body, a best attempt from less filtered text,
// and when the answer looks doubtful, a warning that says why.
import type { Line, TextDoc } from "./doc.ts";

/** Rules that judge a line by its place among others: their drops are the first to be undone. */
const CONTEXT_RULES = new Set(["short-line-context", "repeated-lines", "truncated-teasers", "recap-paragraph", "lead-caption", "dangling-label"]);

/** A warning about a page's answer, named by the check that raised it (the build report's `rule`). */
export interface Doubt {
  rule: string;
  text: string;
}

export interface Fallback {
  lines: Line[];
  warning: Doubt;
}

/**
 * The body when the rules after locating the article left none of it: the located article as the
 * block model kept it, before the rules that judge a line by its neighbours. Never a line the
 * block model or a furniture rule refused.
 */
export function fallbackBody(doc: TextDoc): Fallback | null {
  const located: Line[] = [];
  for (let i = doc.start; i < doc.end; i++) {
    const line = doc.lines[i]!;
    if (i !== doc.title && (line.drop === null || CONTEXT_RULES.has(line.drop))) located.push(line);
  }
  if (located.length === 0) return null;
  return { lines: located, warning: { rule: "unfiltered-fallback", text: "every line of the located article looked like page furniture; kept the located text unfiltered" } };
}

/** A sentence's end in the scripts of the dev pages: . ! ? … and the Armenian, Devanagari, Arabic and CJK marks. */
const SENTENCE_MARK = /[.!?…։।॥؟۔。！？]["'”’»)\]]*$/u;

/**
 * A line shaped like a sentence (ten words or more, ending as one) in which not one word is a function
 * word the cleaner knows: a language its list lacks (Ukrainian, Arabic, Persian, Greek, Armenian…), whose
 * running prose the prose test cannot see, so "no running prose" would be a false alarm.
 */
function unknownLanguageSentence(line: Line): boolean {
  return line.words >= 10 && line.stops === 0 && SENTENCE_MARK.test(line.text.trimEnd());
}

const THIN_BODY = 50;
/** Log-odds below which the best block of a body is only weakly article text. */
const WEAK = 0;
const LONG_PAGE = 300;

/** Warnings about a body that was found but may not be the whole article. */
export function doubts(doc: TextDoc, body: readonly Line[]): Doubt[] {
  const out: Doubt[] = [];
  if (body.length === 0) return out;
  let bodyWords = 0, pageWords = 0;
  for (const l of body) bodyWords += l.words;
  for (const l of doc.lines) pageWords += l.words;
  if (bodyWords < THIN_BODY && pageWords >= LONG_PAGE) {
    out.push({ rule: "thin-body", text: `kept only ${bodyWords} words of a page of ${pageWords}: the article may be missing from the scrape or cut short` });
  }
  if (!body.some((l) => l.prose) && body.length >= 3 && doc.messages.length === 0 && !body.some(unknownLanguageSentence)) {
    out.push({ rule: "no-prose", text: "the kept text has no running prose (a list, a table or a gallery?); kept the lines around the densest text" });
  }
  // The block model kept it, but no block of it reads clearly as article text.
  if (doc.scores) {
    let best = -Infinity;
    for (let i = doc.start; i < doc.end; i++) if (doc.lines[i]!.drop === null && i !== doc.title) best = Math.max(best, doc.scores[i]!);
    if (best < WEAK) out.push({ rule: "weak-body", text: "no block of the kept text reads clearly as article text: it may be page furniture" });
  }
  return out;
}
