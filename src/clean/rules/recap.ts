import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine } from "../doc.ts";
import { stemmer } from "stemmer";
import { contentWords } from "../../text/words.ts";

const stems = (text: string): string[] => contentWords(text).map((w) => stemmer(w));

const LABEL = /^[\p{L}'’ ]{2,25}:\s+\S/u;

/**
 * A closing "Breaking news: …" or "In summary: …" paragraph that only restates the article in
 * other words: a labelled paragraph at the end whose content words mostly appeared above it.
 */
export const recapParagraph: CleanRule = {
  name: "recap-paragraph",
  apply(doc) {
    const body = bodyIndices(doc);
    if (body.length < 4) return;
    const last = body[body.length - 1]!;
    const line = doc.lines[last]!;
    if (!LABEL.test(line.text) || line.words < 20) return;
    const earlier = new Set(body.slice(0, -1).flatMap((i) => stems(doc.lines[i]!.text)));
    if (doc.title >= 0) for (const w of stems(doc.lines[doc.title]!.text)) earlier.add(w);
    const own = stems(line.text.slice(line.text.indexOf(":") + 1));
    const seen = own.filter((w) => earlier.has(w)).length;
    if (own.length > 0 && seen / own.length >= 0.55) dropLine(doc, last, "recap-paragraph");
  },
};
