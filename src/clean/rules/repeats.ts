import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine, endsSentence, endsWithEllipsis, NORM_BUCKETS, normBucket } from "../doc.ts";

/**
 * The headline repeated as an image alt or caption, and any line the page printed twice. Repeated
 * structure stays: a repeat whose neighbours repeat too (a meal plan per week, a table per group),
 * and a line printed three times or more (the questions of an interview series).
 */
export const repeatedLines: CleanRule = {
  name: "repeated-lines",
  apply(doc) {
    // A string either way (null met after V8 optimised the comparison deoptimised it).
    const hasTitle = doc.title >= 0;
    const title = hasTitle ? doc.lines[doc.title]!.norm : "";
    const body = bodyIndices(doc);
    // Only lines sharing a bucket of `normBucket` can read the same: the others are not hashed whole.
    for (const i of body) bucketCounts[normBucket(doc.lines[i]!.norm)]!++;
    const count = new Map<string, number>();
    // 1 where the body's line repeats one above it (a typed array: one kind of array to V8, whatever the page).
    const repeat = new Uint8Array(body.length);
    for (let k = 0; k < body.length; k++) {
      const norm = doc.lines[body[k]!]!.norm;
      if (bucketCounts[normBucket(norm)]! < 2) continue;
      const n = (count.get(norm) ?? 0) + 1;
      count.set(norm, n);
      if (n > 1) repeat[k] = 1;
    }
    for (const i of body) bucketCounts[normBucket(doc.lines[i]!.norm)] = 0;
    for (let k = 0; k < body.length; k++) {
      const i = body[k]!;
      const line = doc.lines[i]!;
      if (hasTitle && line.norm === title) {
        dropLine(doc, i, "repeated-lines");
        continue;
      }
      // Lists and tables repeat short cells ("Eat every 2–3 hours", "15"); only sentences and captions count.
      if (repeat[k] === 0 || line.words < 6 || doc.origin !== "text" || count.get(line.norm)! > 2) continue;
      if ((k > 0 && repeat[k - 1] === 1) || (k + 1 < body.length && repeat[k + 1] === 1)) continue;
      dropLine(doc, i, "repeated-lines");
    }
  },
};

/** How many body lines fall in each `normBucket`, for `repeatedLines`; emptied after each page. */
const bucketCounts = new Uint32Array(NORM_BUCKETS);

const ELLIPSIS_END = /(\.\.\.|…)$/;

/** Cut-off teaser headlines ("Who Is Paul Doyle? 53-Year-Old, Father Of Three, …") inside the body. */
export const truncatedTeasers: CleanRule = {
  name: "truncated-teasers",
  apply(doc) {
    for (const i of bodyIndices(doc)) {
      const line = doc.lines[i]!;
      if (!endsWithEllipsis(line.text) || endsSentence(line.text.replace(ELLIPSIS_END, ""))) continue;
      // A link cut to fit its box stops mid-word or reads as a Title Case headline; a writer's
      // trailing "So frustrating …" does neither.
      const cut = !/\s(\.\.\.|…)$/.test(line.text) || line.caps > 0.5;
      if (cut && (line.headline || line.words <= 30)) {
        dropLine(doc, i, "truncated-teasers");
      }
    }
  },
};
