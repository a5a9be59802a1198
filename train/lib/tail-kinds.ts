// What kind of furniture a dump line is, by its voice and frame (tx66, stop 66): for COUNTING what the text
// path's kept furniture costs by kind (train/try-tail-kinds.ts), never a rule of the cleaner. General word
// lists in the dev sets' languages; nothing names a site or a page.
import type { Line } from "../../src/clean/doc.ts";
import { GROUP_BIT } from "../../src/clean/lexicon.ts";
import { endsSentence } from "../../src/clean/line-features.ts";

export const TAIL_KINDS = ["comment-frame", "comment", "author-box", "listing", "caption", "marker", "other"] as const;
export type TailKind = (typeof TAIL_KINDS)[number];

/** A reader comment's frame: a name-and-time line, "says:", "Reply", "Antworten", a time ago. */
export const COMMENT_FRAME =
  /\b(\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago|vor\s+\d+\s+(minuten|stunden|tagen|wochen|monaten|jahren)|says:|sagt:|schreibt:|wrote:|reply|antworten|répondre|responder|rispondi|permalink|report comment|melden)\b|\b\d{1,2}[:.]\d{2}\s*(am|pm|uhr)?\b.{0,20}$|\b(at|um|à)\s+\d{1,2}[:.]\d{2}/i;

/** First and second person pronouns in the dev sets' languages (a comment's voice; an article's is mostly third person). */
const PERSONAL = new Set(
  ("i me my mine i'm i've i'd you your yours you're you've we us our ich mich mir mein meine meinen meinem meiner du dich dir dein deine " +
    "ihr euch euer wir uns unser unsere je moi mon ma mes tu toi ton ta tes nous vous yo mi mis tú tu ti io mio mia").split(" "),
);

/** An author box's third-person career sentence. */
export const CAREER =
  /\b(is|was|ist|war|est|es)\s+(a|an|the|ein|eine|einer|un|une|una)?\s*([\w-]+\s+){0,4}(reporter|writer|editor|journalist|journalistin|correspondent|columnist|author|autor|autorin|redakteur|redakteurin|contributor|producer|blogger|freelancer|freelance|editor-in-chief|chefredakteur|volontär|volontärin|photographer)\b|\b(covers|writes about|schreibt über|reports on|has written for|has worked for|joined the)\b/i;

/** Share of the line's words that are first or second person pronouns. */
export function personalShare(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (PERSONAL.has(w)) n++;
  return n / words.length;
}

const isMarker = (l: Line) => l.words <= 6 && (l.lexicon & (GROUP_BIT.related | GROUP_BIT.comments)) !== 0;
/** Headline- or teaser-shaped: a few words, no sentence end, or a date line. */
const cardShaped = (l: Line) => (l.words >= 2 && l.words <= 25 && !endsSentence(l.text)) || l.dated || l.dateOrNumber;

/**
 * Kind of each line of a page (by frame; only meaningful on the furniture lines counted), given the last gold
 * article line `last` (comments are only looked for below it).
 */
export function tailKinds(lines: readonly Line[], last: number): TailKind[] {
  const out: TailKind[] = [];
  let commentsFrom = Infinity;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (i > last && l.words <= 14 && COMMENT_FRAME.test(l.text)) commentsFrom = Math.min(commentsFrom, i);
    if (i > last && isMarker(l) && (l.lexicon & GROUP_BIT.comments) !== 0) commentsFrom = Math.min(commentsFrom, i);
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    let k: TailKind = "other";
    if (l.words <= 14 && COMMENT_FRAME.test(l.text)) k = "comment-frame";
    else if (isMarker(l)) k = "marker";
    else if (CAREER.test(l.text) && l.words >= 6) k = "author-box";
    else if (i >= commentsFrom) k = "comment";
    else if (cardShaped(l)) {
      let run = 0;
      for (let j = Math.max(0, i - 2); j <= Math.min(lines.length - 1, i + 2); j++) if (j !== i && cardShaped(lines[j]!)) run++;
      if (run >= 2) k = "listing";
      else if ((l.lexicon & GROUP_BIT.credit) !== 0) k = "caption";
    } else if ((l.lexicon & GROUP_BIT.credit) !== 0) k = "caption";
    out.push(k);
  }
  return out;
}
