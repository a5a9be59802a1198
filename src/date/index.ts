// Stage 3: dates. `dateArticles` runs before clustering; `resolveDates` after it, per story.
import type { CleanArticle, DatedArticle } from "../types.ts";
import { findEvidence } from "./evidence.ts";

export { resolveDates, storyDate } from "./resolve.ts";

export interface DateOptions {
  /** IANA zone in which a timestamp becomes a calendar day. */
  zone: string;
}

export function dateArticles(articles: CleanArticle[], options: DateOptions): DatedArticle[] {
  return articles.map((a) => ({ ...a, evidence: findEvidence(a, options.zone) }));
}
