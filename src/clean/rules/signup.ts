// A newsletter sign-up box: a few short lines about subscribing, a consent line, a thank-you.
import type { CleanRule } from "./types.ts";
import { dropLine } from "../doc.ts";

const SIGN_UP = /\b(newsletters?|subscri(?:be|bed|bing|ption)|sign(?:ing|ed)? up|inbox|opt-in|unsubscribe)\b/;
/** "Sign up" alone may be the article's own advice (a deals page); a box names what is signed up to. */
const NEWSLETTER = /\b(newsletters?|inbox|opt-in|unsubscribe)\b/;
/** Lines of a box are short; a paragraph of the article stops it. */
const BOX_LINE_WORDS = 20;
/** How far apart two sign-up lines of one box may stand. */
const GAP = 3;

/**
 * Two or more sign-up lines close together, with only short lines between them ("Pick Six
 * Newsletter", "Get the day's big stories…", "Please check the opt-in box…", "Thanks for signing
 * up!"): the box, from its first sign-up line to its last, goes.
 */
export const signUpBox: CleanRule = {
  name: "sign-up-box",
  apply(doc) {
    const lines = doc.lines;
    let first = -1, last = -1, count = 0, named = false;
    const close = () => {
      if (count >= 2 && named) for (let j = first; j <= last; j++) dropLine(doc, j, "sign-up-box");
      first = last = -1;
      count = 0;
      named = false;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.words > BOX_LINE_WORDS) {
        close();
        continue;
      }
      if (line.drop !== null || !SIGN_UP.test(line.norm)) continue;
      if (first >= 0 && i - last > GAP) close();
      if (first < 0) first = i;
      last = i;
      count++;
      if (NEWSLETTER.test(line.norm)) named = true;
    }
    close();
  },
};
