// The learned part of dating: how likely each date written on a page is the article's own day, from
// where it stands (headline, byline, body), what is written around it (labels, times, comments), the
// markup around it, and what else the page says about its day. One logistic model for HTML pages, one
// for text dumps and Markdown; weights in date-models.json, made by `npm run train:dates` on the tuning
// half of dates-dev.
import { loadModel, probability, type LogisticModel } from "../model/logistic.ts";
import weights from "./date-models.json" with { type: "json" };
import { MENTION_FEATURES, mentionFeatures, pageContext } from "./features.ts";
import type { PageScan, VisibleDate } from "./scan-types.ts";
import type { UrlDate } from "./url.ts";

export type PageKind = "html" | "text";

function load(kind: PageKind): LogisticModel {
  return loadModel((weights as unknown as Record<PageKind, unknown>)[kind], MENTION_FEATURES);
}

// Checked on first use, so that training (which passes its own models) runs while the committed weights
// still describe the features before a change.
const shipped: Partial<Record<PageKind, LogisticModel>> = {};

export function shippedModel(kind: PageKind): LogisticModel {
  return (shipped[kind] ??= load(kind));
}

export interface WeighedDate {
  mention: VisibleDate;
  /** The day it names on this page (null when neither reading of it is a real day). */
  day: string | null;
  features: number[];
  probability: number;
}

/** Every visible date of the page with its probability of naming the article's day, most likely first (earlier in the page on a tie). */
export function weighDates(scan: PageScan, url: UrlDate, model: LogisticModel): WeighedDate[] {
  const page = pageContext(scan, url);
  return scan.visible
    .map((mention) => {
      const features = mentionFeatures(mention, page);
      return { mention, day: page.days[mention.index] ?? null, features, probability: probability(model, features) };
    })
    .sort((a, b) => b.probability - a.probability || a.mention.index - b.mention.index);
}
