import { describe, expect, it } from "vitest";
import { SECTION_HEADING, isSectionHeading, maySectionHeading } from "../../src/clean/section-headings.ts";
import { makeLine } from "../../src/clean/doc.ts";

// One line for every phrase of the pattern, each with and without a closing run of ":", "." or "…".
const PHRASES = (
  "related|related articles|related stories|related news|related content|related posts|related coverage|related reading|related links|" +
  "related topics|also read|read more|read also|read next|more to read|see also|further reading|more from the times|more on brexit|" +
  "more in sport|more about us|more stories|more news|more articles|more headlines|more videos|more stories for you|recommended|" +
  "recommended for you|recommended stories|recommended articles|recommended reading|recommended videos|you may also like|we might also like|" +
  "you may be interested in|we recommend|trending|trending now|trending stories|trending news|trending topics|most read|most popular|" +
  "most viewed|most shared|most watched|popular|popular now|popular stories|popular on the site|top news|latest stories|editor's picks|" +
  "editors' headlines|don't miss|must read|more on this story|hashtags|tag:x|tags: a, b|topics|filed under|comments|3 comments|" +
  "jim's old comments|3 comments (12)|around the web|from around the web|sponsored stories|promoted links|partner content|" +
  "in case you missed it|what to read next|up next|other stories|top videos|latest videos|explore more|explore further|source|sources|" +
  "references|about this article|about the story|about this statement|about the author|citation|citations"
).split("|");

describe("section headings", () => {
  it("reads every phrase of the pattern past the cheap gate", () => {
    for (const p of PHRASES) {
      for (const t of [p, `${p}:`, `${p}...`, `${p}…`]) {
        expect(SECTION_HEADING.test(t), t).toBe(true);
        expect(maySectionHeading(t), t).toBe(true);
      }
    }
  });

  it("turns away ordinary lines before the pattern", () => {
    for (const t of ["the mayor said on tuesday", "world politics", "x-comments", ":", "sign up today", "read the full report"]) {
      expect(maySectionHeading(t), t).toBe(false);
      expect(SECTION_HEADING.test(t), t).toBe(false);
    }
  });
});

describe("a line opening one of the page's other sections", () => {
  it("is a comments heading, an outlet's own list, or one of the phrases, and no ordinary line", () => {
    const yes = ["10 thoughts on “Business Focus”", "One response to Why We Ride", "No Comments on this post yet", "More Washington Examiner", "More Reuters", "Most read", "Tags: travel, food", "Related Articles"];
    const no = ["10 ways to save money", "Once upon a time", "Nobody saw it coming", "More money for schools than ever before promised", "Morning briefing", "Travel"];
    for (const t of yes) expect(isSectionHeading(makeLine(t, true)), t).toBe(true);
    for (const t of no) expect(isSectionHeading(makeLine(t, true)), t).toBe(false);
  });
});
