// Where the article ends and the page's other sections begin.
import type { CleanRule } from "./types.ts";
import { dropLine, type Line, type TextDoc } from "../doc.ts";

const SECTION_HEADING = new RegExp(
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

/** Headings of the page's own sections, never a button inside the article. */
const PAGE_SECTION = /^(most (read|popular|viewed|shared|watched|commented)( .{1,30})?|next up( in .{1,30})?|up next|the latest|latest (news|stories)|(recommended|more) for you|you (may|might) also like|sources?|references|about the author)[:.…]*$/;

/** "10 thoughts on “Business Focus…”", "3 responses to …": the comments begin. */
const COMMENTS_HEADING = /^(\d+|one|no) (thoughts?|comments?|responses?|replies|reactions) (on|to) /i;

/** "More Washington Examiner", "More Reuters": the outlet's own list of other stories. */
const MORE_FROM_OUTLET = /^More\s+\p{Lu}[\p{L}'’.&-]*(\s+\p{Lu}[\p{L}'’.&-]*){0,3}$/u;

/**
 * "Read more" buttons sit inside articles too: when the next lines are long paragraphs of running
 * prose, the article goes on and the heading is only a button.
 */
function proseContinues(doc: TextDoc, at: number): boolean {
  let paragraphs = 0, words = 0;
  for (let j = at + 1; j < doc.lines.length && paragraphs < 3; j++) {
    const line = doc.lines[j]!;
    if (line.drop !== null) continue;
    if (!line.prose) return false;
    paragraphs++;
    words += line.words;
  }
  return paragraphs === 3 && words >= 40;
}

/** A cut-off headline ("…as Hurri...") reads as prose by its length but is a teaser link. */
function isTeaser(line: Line): boolean {
  return line.headline && /(\.\.\.|…)$/.test(line.text);
}

/**
 * "Don't miss" with a few teaser headlines in the middle of an article, after which the article's
 * prose resumes: the end of the box, or 0 when the section runs on to the end.
 */
function teaserBox(doc: TextDoc, at: number): number {
  let j = at + 1, teasers = 0;
  while (j < doc.lines.length && teasers <= 6 && (doc.lines[j]!.drop !== null || !doc.lines[j]!.prose || isTeaser(doc.lines[j]!))) {
    if (doc.lines[j]!.drop === null) teasers++;
    j++;
  }
  return teasers >= 1 && teasers <= 6 && proseContinues(doc, j - 1) ? j : 0;
}

/**
 * A heading that opens another section ("Related Articles", "Filed under", "Comments") after the
 * article has begun: it and everything after it belong to other stories or to the page.
 */
export const sectionCutoff: CleanRule = {
  name: "section-cutoff",
  apply(doc) {
    let proseWords = 0;
    for (let i = 0; i < doc.lines.length; i++) {
      const line = doc.lines[i]!;
      if (line.drop === null && line.prose && !line.glued) proseWords += line.words;
      if (proseWords < 40) continue;
      const closing = line.words <= 30 && (COMMENTS_HEADING.test(line.text) || (line.words <= 7 && PAGE_SECTION.test(line.norm)));
      const heading = closing || (line.words <= 7 && (SECTION_HEADING.test(line.norm) || MORE_FROM_OUTLET.test(line.text)));
      // Prose right under a closing heading ("Most Read") is the list's teasers, not the article going on.
      if (!heading || (!closing && proseContinues(doc, i))) continue;
      const box = teaserBox(doc, i);
      if (box > 0) {
        for (let j = i; j < box; j++) dropLine(doc, j, "section-cutoff");
        i = box - 1;
        continue;
      }
      for (let j = i; j < doc.lines.length; j++) dropLine(doc, j, "section-cutoff");
      doc.end = Math.min(doc.end, i);
      return;
    }
  },
};
