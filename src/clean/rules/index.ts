// The cleaning rules, in the order they run. Each is a named entry: add, reorder or switch one off here.
import type { CleanRule } from "./types.ts";
import { metadataLines } from "./metadata.ts";
import { advertisement, commentWidget, danglingLabel, inlineTeaser, shareAndSubscribe, timestampLine } from "./lines.ts";
import { photoCredit } from "./credits.ts";
import { keepSandwiched, locateArticle } from "./locate.ts";
import { findHeadline } from "./title.ts";
import { keepHead } from "./standfirst.ts";
import { repeatedLines, truncatedTeasers } from "./repeats.ts";
import { recapParagraph } from "./recap.ts";
import { shortLineContext } from "./short-lines.ts";
import { signUpBox } from "./signup.ts";
import { leadCaption } from "./captions.ts";
import { articleGate } from "./article-gate.ts";
import { keepListLines } from "./list-lines.ts";
import { topByline } from "./top-byline.ts";

export type { CleanRule } from "./types.ts";

export const defaultRules: readonly CleanRule[] = [
  metadataLines,
  advertisement,
  shareAndSubscribe,
  signUpBox,
  photoCredit,
  commentWidget,
  timestampLine,
  inlineTeaser,
  locateArticle,
  keepListLines,
  findHeadline,
  keepHead,
  keepSandwiched,
  leadCaption,
  repeatedLines,
  truncatedTeasers,
  shortLineContext,
  recapParagraph,
  danglingLabel,
  articleGate,
  topByline,
];

/** The default list without the named rules, for tests and for users who want one switched off. */
export function rulesWithout(...names: string[]): CleanRule[] {
  return defaultRules.filter((r) => !names.includes(r.name));
}
