// Headings that open one of the page's other sections ("Related Articles", "Most read", "3 comments"):
// a feature of the block model (block-features.ts), which weighs them with the rest.
import type { Line } from "./doc.ts";

export const SECTION_HEADING = new RegExp(
  "^(" +
    [
      "related( articles| stories| news| content| posts| coverage| reading| links| topics)?",
      "also read", "read more", "read also", "read next", "more to read", "see also", "further reading",
      "more (from|on|in|about) .{1,40}", "more (stories|news|articles|headlines|videos)( for you)?",
      "recommended( for you| stories| articles| reading| videos)?", "(you|we) (may|might) also like",
      "you may be interested in", "we recommend", "trending( now| stories| news| topics)?",
      "most (read|popular|viewed|shared|watched)", "popular( now| stories| on .{1,20})?",
      "(top|latest|editor's|editors') (news|stories|picks|headlines)", "don't miss", "must read",
      "more on this story", "hashtags", "tags?:.{0,60}", "topics", "filed under", "([\\w']+ ){0,3}comments( \\(\\d+\\))?", "around the web",
      "from around the web", "(sponsored|promoted|partner) (stories|links|content)", "in case you missed it",
      "what to read next", "up next", "other stories", "top videos", "latest videos", "explore more",
      "explore further", "sources?", "references", "about (this|the) (article|story|statement|author)", "citations?",
    ].join("|") +
    ")[:.…]*$",
);

/**
 * The last words SECTION_HEADING's fixed phrases end with. A line it matches is one of its phrases
 * and a run of ":", "." or "…", so its last word, that run taken off, is one of these; or the line
 * ends in ")" ("3 comments (12)"), or opens one of the phrases that end in any text ("more from …",
 * "popular on …", "tags: …"). Other lines skip the pattern, whose "([\w']+ ){0,3}comments" reads
 * every line's first words.
 */
const SECTION_LAST_WORDS = new Set(
  ("related articles stories news content posts coverage reading links topics read more also next further headlines videos you " +
    "recommended like in recommend trending now viewed shared watched popular picks miss story hashtags under comments comment web it " +
    "source sources references article statement author citation citations").split(" "),
);
const OPEN_ENDED = /^(?:more |popular on |tags?:)/;

/** Hash of `text`'s code units from `from` to `end`, kept to 30 bits (a small integer). */
function unitsHash(text: string, from: number, end: number): number {
  let h = 0;
  for (let i = from; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}

/** The last words' hashes: a line whose last word hashes to none of them needs no substring and no string look-up. */
const LAST_WORD_HASHES = new Set([...SECTION_LAST_WORDS].map((w) => unitsHash(w, 0, w.length)));

export function maySectionHeading(norm: string): boolean {
  // Never read outside the text (an empty one, or one of colons and dots alone): that deoptimises.
  if (norm.length === 0) return false;
  let end = norm.length;
  while (end > 0) {
    const c = norm.charCodeAt(end - 1);
    if (c !== 58 && c !== 46 && c !== 0x2026) break;
    end--;
  }
  if (end > 0 && norm.charCodeAt(end - 1) === 41) return true;
  // The last word's start, read back from its end (`lastIndexOf` is a runtime call, dearer than the few steps).
  let from = end;
  while (from > 0 && norm.charCodeAt(from - 1) !== 32) from--;
  if (LAST_WORD_HASHES.has(unitsHash(norm, from, end)) && SECTION_LAST_WORDS.has(norm.slice(from, end))) return true;
  // OPEN_ENDED's phrases open with "m", "p" or "t".
  const c = norm.charCodeAt(0);
  return (c === 109 || c === 112 || c === 116) && OPEN_ENDED.test(norm);
}

/** Headings of the page's own sections, never a button inside the article. */
const PAGE_SECTION = /^(most (read|popular|viewed|shared|watched|commented)( .{1,30})?|next up( in .{1,30})?|up next|the latest|latest (news|stories)|(recommended|more) for you|you (may|might) also like|sources?|references|about the author)[:.…]*$/;

/** "10 thoughts on “Business Focus…”", "3 responses to …": the comments begin. */
const COMMENTS_HEADING = /^(\d+|one|no) (thoughts?|comments?|responses?|replies|reactions) (on|to) /i;

/** "More Washington Examiner", "More Reuters": the outlet's own list of other stories. */
const MORE_FROM_OUTLET = /^More\s+\p{Lu}[\p{L}'’.&-]*(\s+\p{Lu}[\p{L}'’.&-]*){0,3}$/u;

/** A heading that opens one of the page's other sections ("Related Articles", "Most read", "3 comments"). */
export function isSectionHeading(line: Line): boolean {
  if (line.words > 30) return false;
  // The patterns' first characters, looked at first: a digit, "o" or "n" for COMMENTS_HEADING, "M" for MORE_FROM_OUTLET.
  const first = line.text.charCodeAt(0);
  const lower = first | 32;
  if (((first >= 48 && first <= 57) || lower === 111 || lower === 110) && COMMENTS_HEADING.test(line.text)) return true;
  return line.words <= 7 && (PAGE_SECTION.test(line.norm) || (maySectionHeading(line.norm) && SECTION_HEADING.test(line.norm)) || (first === 77 && MORE_FROM_OUTLET.test(line.text)));
}
