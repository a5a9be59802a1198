// Where the article ends and the page's other sections begin.
import type { CleanRule } from "./types.ts";
import { dropLine, isProse } from "../doc.ts";

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
      "more on this story", "hashtags", "tags", "topics", "filed under", "comments", "around the web",
      "from around the web", "(sponsored|promoted|partner) (stories|links|content)", "in case you missed it",
      "what to read next", "up next", "other stories", "top videos", "latest videos", "explore more",
    ].join("|") +
    ")[:.…]*$",
);

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
      if (line.drop === null && isProse(line)) proseWords += line.words;
      const heading = line.words <= 7 && SECTION_HEADING.test(line.norm);
      if (heading && proseWords >= 40) {
        for (let j = i; j < doc.lines.length; j++) dropLine(doc, j, "section-cutoff");
        doc.end = Math.min(doc.end, i);
        return;
      }
    }
  },
};
