// Headings that open one of the page's other sections ("Related Articles", "Most read", "3 comments"):
// a feature of the block model (block-features.ts), which weighs them with the rest.
import type { Line } from "./doc.ts";

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

/** A heading that opens one of the page's other sections ("Related Articles", "Most read", "3 comments"). */
export function isSectionHeading(line: Line): boolean {
  if (line.words > 30) return false;
  if (COMMENTS_HEADING.test(line.text)) return true;
  return line.words <= 7 && (PAGE_SECTION.test(line.norm) || SECTION_HEADING.test(line.norm) || MORE_FROM_OUTLET.test(line.text));
}
