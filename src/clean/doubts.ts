// Every page gets an answer: when the rules leave no body, a best attempt from less filtered text,
// and when the answer looks doubtful, a warning that says why.
import type { Line, TextDoc } from "./doc.ts";

/** Rules that judge a line by its place among others: their drops are the first to be undone. */
const CONTEXT_RULES = new Set(["short-line-context", "off-topic-tail", "repeated-lines", "truncated-teasers", "recap-paragraph", "lead-caption"]);
/** Rules that know a line is furniture by itself: ads, share buttons, credits, timestamps. */
const FURNITURE_RULES = new Set([
  "advertisement", "share-and-subscribe", "sign-up-box", "photo-credit", "photo-caption", "comment-widget", "timestamp-line", "metadata-lines", "inline-teaser",
]);

export interface Fallback {
  lines: Line[];
  warning: string;
}

/**
 * The body when the rules left none: the located article before the context rules, else every
 * line that is not furniture, else every line.
 */
export function fallbackBody(doc: TextDoc): Fallback | null {
  if (doc.lines.length === 0) return null;
  const located: Line[] = [];
  for (let i = doc.start; i < doc.end; i++) {
    const line = doc.lines[i]!;
    if (i !== doc.title && (line.drop === null || CONTEXT_RULES.has(line.drop))) located.push(line);
  }
  if (located.length > 0) {
    return { lines: located, warning: "every line of the located article looked like page furniture; kept the located text unfiltered" };
  }
  const plain = doc.lines.filter((l, i) => i !== doc.title && (l.drop === null || !FURNITURE_RULES.has(l.drop)));
  if (plain.length > 0) {
    return { lines: plain, warning: "could not locate the article in the page; kept all its text except ads, share buttons and credits" };
  }
  return { lines: doc.lines.filter((_, i) => i !== doc.title), warning: "the page has only ads, buttons and credits; kept every line" };
}

const THIN_BODY = 50;
const LONG_PAGE = 300;

/** Warnings about a body that was found but may not be the whole article. */
export function doubts(doc: TextDoc, body: readonly Line[]): string[] {
  const out: string[] = [];
  if (body.length === 0) return out;
  let bodyWords = 0, pageWords = 0;
  for (const l of body) bodyWords += l.words;
  for (const l of doc.lines) pageWords += l.words;
  if (bodyWords < THIN_BODY && pageWords >= LONG_PAGE) {
    out.push(`kept only ${bodyWords} words of a page of ${pageWords}: the article may be missing from the scrape or cut short`);
  }
  // (When no prose was found at all, locate-article has said so already.)
  if (!body.some((l) => l.prose) && body.length >= 3 && doc.messages.length === 0) {
    out.push("the kept text has no running prose (a list, a table or a gallery?); kept the lines around the densest text");
  }
  return out;
}
