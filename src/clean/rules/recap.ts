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
    const own = stems(line.text.slice(line.text.indexOf(":") + 1));
    if (own.length === 0) return;
    const earlier = stemsFound(new Set(own), [...body.slice(0, -1), ...(doc.title >= 0 ? [doc.title] : [])].map((i) => doc.lines[i]!.text));
    const seen = own.filter((w) => earlier.has(w)).length;
    if (seen / own.length >= 0.55) dropLine(doc, last, "recap-paragraph");
  },
};

/**
 * Which of the wanted stems the texts use. Each distinct word is stemmed once, and the reading stops
 * once every wanted stem was found.
 */
function stemsFound(wanted: ReadonlySet<string>, texts: readonly string[]): Set<string> {
  const found = new Set<string>();
  const stemOf = new Map<string, string>();
  for (const text of texts) {
    for (const w of contentWords(text)) {
      let stem = stemOf.get(w);
      if (stem === undefined) stemOf.set(w, (stem = stemmer(w)));
      if (wanted.has(stem)) found.add(stem);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}
