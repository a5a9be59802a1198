import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine, endsSentence, isHeadlineLike } from "../doc.ts";

/** The headline repeated as an image alt or caption, and any line the page printed twice. */
export const repeatedLines: CleanRule = {
  name: "repeated-lines",
  apply(doc) {
    const seen = new Set<string>();
    if (doc.title >= 0) seen.add(doc.lines[doc.title]!.norm);
    const title = seen.size ? doc.lines[doc.title]!.norm : null;
    for (const i of bodyIndices(doc)) {
      const line = doc.lines[i]!;
      // Lists and tables repeat short cells ("Eat every 2–3 hours", "15"); only sentences and captions count.
      if (line.norm === title || (seen.has(line.norm) && line.words >= 6 && doc.origin === "text")) dropLine(doc, i, "repeated-lines");
      else seen.add(line.norm);
    }
  },
};

/** Cut-off teaser headlines ("Who Is Paul Doyle? 53-Year-Old, Father Of Three, …") inside the body. */
export const truncatedTeasers: CleanRule = {
  name: "truncated-teasers",
  apply(doc) {
    for (const i of bodyIndices(doc)) {
      const line = doc.lines[i]!;
      if (/(\.\.\.|…)$/.test(line.text) && !endsSentence(line.text.replace(/(\.\.\.|…)$/, "")) && (isHeadlineLike(line) || line.words <= 30)) {
        dropLine(doc, i, "truncated-teasers");
      }
    }
  },
};
