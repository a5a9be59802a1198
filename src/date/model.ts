// Choosing the publication day: two learned logistic models per kind of input (HTML; text dumps and
// Markdown). The first says how likely each visible date is the article's own; the second weighs each
// candidate day with everything that speaks for it. Weights: date-models.json, made by
// `npm run train:dates` on the tuning half of dates-dev.
import { loadModel, probability, type LogisticModel } from "../model/logistic.ts";
import weights from "./date-models.json" with { type: "json" };
import {
  candidateDays,
  dayFeatures,
  dayOfMention,
  DAY_FEATURES,
  landmarks,
  mentionFeatures,
  MENTION_FEATURES,
  writesMonthFirst,
  type DayEvidence,
} from "./features.ts";
import type { PageScan, VisibleDate } from "./scan-types.ts";
import type { UrlDate } from "./url.ts";

export type PageKind = "html" | "text";

export interface DateModels {
  mention: LogisticModel;
  day: LogisticModel;
}

function load(kind: PageKind): DateModels {
  const file = weights as unknown as Record<PageKind, { mention: unknown; day: unknown }>;
  return { mention: loadModel(file[kind].mention, MENTION_FEATURES), day: loadModel(file[kind].day, DAY_FEATURES) };
}

const shipped: Record<PageKind, DateModels> = { html: load("html"), text: load("text") };

export interface ScoredDay {
  evidence: DayEvidence;
  features: number[];
  probability: number;
}

export interface Weighing {
  mentions: { mention: VisibleDate; features: number[]; probability: number; day: string | null }[];
  days: ScoredDay[];
}

/** Every candidate day of a page with its probability, best first (ties: earlier in the page, then earlier day). */
export function weighDays(scan: PageScan, url: UrlDate, kind: PageKind, models: DateModels = shipped[kind]): Weighing {
  const monthFirst = writesMonthFirst(scan);
  const marks = landmarks(scan.visible);
  const known = new Set(scan.structured.map((s) => s.day));
  if (url.day) known.add(url.day);
  const probs = new Map<VisibleDate, number>();
  const mentions = scan.visible.map((mention) => {
    const features = mentionFeatures(mention, marks);
    const p = probability(models.mention, features);
    probs.set(mention, p);
    return { mention, features, probability: p, day: dayOfMention(mention, monthFirst, known) };
  });
  const candidates = candidateDays(scan, probs, monthFirst, url);
  const days = candidates.map((evidence): ScoredDay => {
    const features = dayFeatures(evidence, candidates, url);
    return { evidence, features, probability: probability(models.day, features) };
  });
  days.sort((a, b) => b.probability - a.probability || firstSeen(a) - firstSeen(b) || (a.evidence.day < b.evidence.day ? -1 : 1));
  return { mentions, days };
}

function firstSeen(d: ScoredDay): number {
  return d.evidence.kinds.size ? -1 : (d.evidence.bestMention?.index ?? Number.MAX_SAFE_INTEGER);
}

/** The day the page most likely names as its own, when the model is confident enough. */
export function chooseDay(scan: PageScan, url: UrlDate, kind: PageKind): ScoredDay | null {
  const best = weighDays(scan, url, kind).days[0];
  return best && best.probability >= shipped[kind].day.threshold ? best : null;
}
