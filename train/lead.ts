// Training for keep-lead (src/clean/rules/lead.ts): the lines between a text dump's headline and its
// body run, labelled as the block models' lines are (extraction-dev's true body; webpages-dev's
// snippets and the span between them; the HTML path's verdict on its other lines, weighted 0), on the tuning
// pages with and without their URL. Shared by train:clean and train/try-lead.ts.
import type { DevPage } from "../eval/lib/clean-corpus.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus } from "../eval/lib/extraction-score.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { finish } from "../src/clean/text.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { shortLineRule, type ShortLineModel } from "../src/clean/rules/short-lines.ts";
import { locateWith } from "../src/clean/rules/locate.ts";
import { findHeadlineWith } from "../src/clean/rules/title.ts";
import { leadRule, type LeadModel } from "../src/clean/rules/lead.ts";
import { LEAD_FEATURES, leadRows } from "../src/clean/lead-features.ts";
import type { HeadlineModels } from "../src/clean/headline-model.ts";
import type { BlockModels, DecodeSettings } from "../src/clean/block-model.ts";
import type { LogisticModel } from "../src/model/logistic.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { silverLabels } from "./short-lines.ts";
import { foldOf, labelsOf, prepared, type Item } from "./train-clean.ts";

export const leadSettings = {
  l2: 2,
  /** Weight of webpages-dev's snippet labels (0/1) beside extraction-dev's, and of its labels by place (2). */
  snippet: 3,
  span: 1,
  /**
   * Weight of webpages-dev's lines labelled by the HTML path's verdict (3–4). Out of fold on the tuning
   * pages they cost: at weight 1 the best cut's mean F1 is 0.9271, at 0 0.9289 (the HTML body keeps
   * tags, share and shop links above the article that the snippets do not ask for).
   */
  silver: Number(process.env.LEAD_SILVER ?? 0),
  /** The cuts tried on out-of-fold figures; null: the rule off. */
  cuts: [null, 2, 1, 0.5, 0, -0.5, -1, -2, -3, -5] as (number | null)[],
};

const FOLDS = 4;
const leadAt = defaultRules.findIndex((r) => r.name === "keep-lead");

/**
 * Each page as keep-lead finds it: located with the block fold model fitted without the page (or the
 * committed block models), its headline picked by the given headline models, then the rules up to
 * keep-lead with the given short-line model; with and without its URL.
 */
export function leadItems(
  pages: readonly DevPage[],
  blocks: { folds: readonly Omit<BlockModels, "decode">[]; decode: DecodeSettings } | BlockModels,
  { headline, short }: { headline?: HeadlineModels; short?: ShortLineModel } = {},
): Item[] {
  const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
  const between = defaultRules.slice(locateAt + 1, leadAt).map((r) =>
    r.name === "find-headline" ? findHeadlineWith(headline) : r.name === "short-line-context" && short ? shortLineRule(() => short) : r,
  );
  const items: Item[] = [];
  for (const page of pages) {
    for (const url of [page.url, null]) {
      const doc = prepared({ ...page, url }, "text");
      if (!doc) continue;
      const labels = labelsOf(page, doc);
      silverLabels(page, doc, labels);
      const models = "folds" in blocks ? { ...blocks.folds[foldOf(page.id)]!, decode: blocks.decode } : blocks;
      for (const rule of [locateWith(models), ...between]) rule.apply(doc);
      items.push({ page: { ...page, url }, path: "text", doc, labels });
    }
  }
  return items;
}

export function leadExamples(items: readonly Item[]): Example[] {
  const out: Example[] = [];
  for (const item of items) {
    if (item.doc.noArticle) continue;
    for (const r of leadRows(item.doc)) {
      const y = item.labels[r.index]!;
      const by = y === 0 || y === 1 ? (item.page.set === "webpages" ? leadSettings.snippet : 1) : y === 2 ? leadSettings.span : leadSettings.silver;
      if (y < 0 || by === 0) continue;
      const weight = Math.sqrt(item.doc.lines[r.index]!.words) * by;
      out.push({ x: r.x, y: y === 0 || y === 4 ? 0 : 1, weight });
    }
  }
  return out;
}

export function fitLead(items: readonly Item[]): LogisticModel {
  return trainLogistic(leadExamples(items), { name: "clean/text-lead", features: [...LEAD_FEATURES], l2: leadSettings.l2 });
}

function cloneDoc(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [], sandwiched: [...doc.sandwiched] };
}

const RULES_AFTER = defaultRules.slice(leadAt + 1);

function bodyOf(item: Item, model: LeadModel): string {
  const doc = cloneDoc(item.doc);
  for (const r of [leadRule(() => model), ...RULES_AFTER]) r.apply(doc);
  const f = finish(doc);
  return f.rejected ? "" : f.paragraphs.join("\n\n");
}

export function leadFigures(items: readonly Item[], model: (item: Item) => LeadModel): { extraction: number; webpages: number } {
  const extraction = scoreCorpus(items.filter((i) => i.page.set === "extraction").map((i) => scorePage(bodyOf(i, model(i)), i.page.truth!))).f1;
  const webpages = snippetCorpus(items.filter((i) => i.page.set === "webpages").map((i) => scoreSnippets(bodyOf(i, model(i)), i.page.with ?? [], i.page.without ?? []))).f1;
  return { extraction, webpages };
}

/** The model on all the items; the cut chosen on out-of-fold figures (mean of the two sets' F1). */
export function trainLead(items: readonly Item[], log = false): { model: LogisticModel; cut: number | null; figures: { extraction: number; webpages: number } } {
  const folds = Array.from({ length: FOLDS }, (_, k) => fitLead(items.filter((i) => foldOf(`lead:${i.page.id}`) !== k)));
  let best: { cut: number | null; figures: { extraction: number; webpages: number }; mean: number } | null = null;
  for (const cut of leadSettings.cuts) {
    const figures = leadFigures(items, (i) => ({ model: folds[foldOf(`lead:${i.page.id}`)]!, cut }));
    const mean = (figures.extraction + figures.webpages) / 2;
    if (log) console.log(`    cut ${cut}: extraction ${figures.extraction.toFixed(4)} webpages ${figures.webpages.toFixed(4)}`);
    if (!best || mean > best.mean + 1e-9) best = { cut, figures, mean };
  }
  return { model: fitLead(items), cut: best!.cut, figures: best!.figures };
}
