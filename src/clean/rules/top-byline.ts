// top-byline: a byline among the body's first lines ("By Staff Reporter", "Von Anna Müller") is a credit
// around the article, not its text. The gold of both dev sets leaves bylines out (webpages-dev lists them
// among must-not snippets); a page whose byline sits inside <article> or in the dump's run kept it.
import type { CleanRule } from "./types.ts";
import { isHeadlineByline } from "../bylines.ts";

/** How many of the body's first kept lines are looked at. */
const TOP = 3;
/** A byline is short: a name or two, an outlet. */
const MAX_WORDS = 8;

export const topByline: CleanRule = {
  name: "top-byline",
  apply(doc) {
    if (doc.noArticle) return;
    let seen = 0;
    for (let i = doc.start; i < doc.end && seen < TOP; i++) {
      const line = doc.lines[i]!;
      if (line.drop !== null || i === doc.title) continue;
      seen++;
      if (line.words <= MAX_WORDS && isHeadlineByline(line.text, line.words)) line.drop = "top-byline";
    }
  },
};
