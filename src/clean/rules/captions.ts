// The picture under the headline: its caption, then its credit, then the article.
import type { CleanRule } from "./types.ts";
import { dropLine } from "../doc.ts";

/** A caption is one or two sentences; a longer first line is the article's own lead. */
const CAPTION_WORDS = 60;

/**
 * The first line of the body with a photo credit right under it is the lead picture's caption,
 * however much it reads like prose ("Duck fluff and feathers … in order to be used in duvets.").
 */
export const leadCaption: CleanRule = {
  name: "lead-caption",
  apply(doc) {
    if (doc.origin === "html") return;
    let first = doc.start;
    while (first < doc.end && (doc.lines[first]!.drop !== null || first === doc.title)) first++;
    const below = doc.lines[first + 1];
    if (first >= doc.end || !below || below.drop !== "photo-credit") return;
    if (doc.lines[first]!.words <= CAPTION_WORDS) dropLine(doc, first, "lead-caption");
  },
};
