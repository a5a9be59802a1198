// article-gate, the last rule: does the body the rules kept read as an article, or as the best the page's
// furniture had to offer (a login box's blurb, an account form's messages, a cookie notice, a teaser, comments)?
// locate-article finds the run of lines most likely to be article text on any page; on a page with no
// article that run is furniture, and whether its best line scores a little above or below 0 turns with
// the training draw. This weighs the kept body as a whole (how sure the block model is of it, its size
// against the page's, how much of it is running prose and furniture words) with a logistic model trained
// by `npm run train:clean` on real pages and on the same pages with their article lines taken out
// (train/lib/furniture-pages.ts); a body it rates below its threshold is refused with the reason.
// Text dumps and HTML pages share the features (one idea of an article body) and each has its own
// weights (article-gate-text.json, article-gate-html.json): block scores of the two paths differ in scale.
import type { CleanRule } from "./types.ts";
import { keptBodyIndices, type Line, type TextDoc } from "../doc.ts";
import { fallbackBody } from "../doubts.ts";
import { noticeWordCount } from "./notice-words.ts";
import { voiceLevels } from "./sentence-shapes.ts";
import { loadModel, logit, type LogisticModel } from "../../model/logistic.ts";
import { boostedLogit, loadBoosted, type BoostedModel } from "../boosted.ts";
import textWeights from "../weights/article-gate-text.json" with { type: "json" };
import htmlWeights from "../weights/article-gate-html.json" with { type: "json" };

export const ARTICLE_GATE_FEATURES = [
  "best-score",
  "mean-score",
  "positive-mass",
  "body-words",
  "body-lines",
  "page-words",
  "body-share",
  "prose-share",
  "lexicon-share",
  "longest-line",
  "sentences",
  "repeated-share",
  "headline-found",
] as const;

/**
 * A text dump's body also by its words: the share of the body's and headline's words that notice pages are
 * made of (notice-words.ts). A page a site serves instead of an article ("Page not found", "Your browser is
 * not supported") has a headline-like first line and a short paragraph the other features rate as an article's.
 */
export const TEXT_GATE_FEATURES = [...ARTICLE_GATE_FEATURES, "notice-share", "reporting-level", "speaking-level"] as const;

/** The text gate's own columns (nt80): the two voices of the body (sentence-shapes.ts); the HTML gate does not read them. */
const TEXT_ONLY_FEATURES = 2;

/**
 * An HTML page's body also says where its blocks stand: the share of its words under an element whose
 * class or id names furniture (a modal, a sidebar), and its link density. Text dumps have no elements.
 * Of what an element says, only what holds for the block wherever the page puts it: not whether it lies
 * in <article> or in the densest element, which a page stripped of its article (training's furniture
 * pages) would get wrong. And the furniture-word and repeated-line shares again on a log scale: a form's
 * messages or a consent box's text are full of both, beyond any article of the tuning pages, and the
 * linear model weighs the few far values too little on the shares' own scale.
 */
export const HTML_GATE_FEATURES = [...TEXT_GATE_FEATURES.slice(0, -TEXT_ONLY_FEATURES), "furniture-class-share", "link-density", "lexicon-level", "repeated-level"] as const;

/**
 * An HTML body shorter than this is left to the build's own check for too little text (src/pipeline/
 * article.ts), which refuses it naming its word count; the HTML gate neither judges nor learns from it.
 */
const HTML_MIN_WORDS = 15;

/** The gate's feature names for a document of this origin. */
export const gateFeatures = (origin: "text" | "html"): readonly string[] => (origin === "html" ? HTML_GATE_FEATURES : TEXT_GATE_FEATURES);

const clip = (z: number): number => Math.max(-10, Math.min(10, z));

/** The indices of the lines `finish` publishes: the kept body, or when none is left the located text it falls back on. */
export function publishedLines(doc: TextDoc): number[] {
  const body = keptBodyIndices(doc);
  if (body.length > 0) return body;
  const fallback = new Set<Line>(fallbackBody(doc)?.lines ?? []);
  for (let i = doc.start; i < doc.end; i++) if (fallback.has(doc.lines[i]!)) body.push(i);
  return body;
}

/** The gate's features of a text dump or an HTML page after the other rules, or null when there is nothing to judge. */
export function articleGateRow(doc: TextDoc): Float64Array | null {
  if (doc.noArticle || !doc.scores) return null;
  const body = publishedLines(doc);
  if (body.length === 0) return null;
  let words = 0, best = -10, weighted = 0, weight = 0, mass = 0, prose = 0, lexicon = 0, longest = 0, sentences = 0, repeated = 0, negative = 0, links = 0;
  for (const i of body) {
    const l = doc.lines[i]!;
    const z = clip(doc.scores[i]!);
    const w = Math.max(1, l.words);
    words += l.words;
    best = Math.max(best, z);
    weighted += z * w;
    weight += w;
    mass += Math.max(0, z) * Math.sqrt(w);
    if (l.prose) prose += l.words;
    lexicon += l.lexiconWords;
    longest = Math.max(longest, l.words);
    sentences += l.sentences;
    if (l.repeats > 1) repeated += l.words;
    if (l.dom) {
      if (l.dom.negative > 0 || l.dom.nearNegative) negative += l.words;
      links += l.dom.linkDensity * l.words;
    }
  }
  if (doc.origin === "html" && words < HTML_MIN_WORDS) return null;
  let pageWords = 0;
  for (const l of doc.lines) pageWords += l.words;
  const total = Math.max(1, words);
  const row = [
    best,
    weighted / weight,
    Math.log1p(mass),
    Math.log1p(words),
    Math.log1p(body.length),
    Math.log1p(pageWords),
    words / Math.max(1, pageWords),
    prose / total,
    lexicon / total,
    Math.log1p(longest),
    Math.log1p(sentences),
    repeated / total,
    doc.title >= 0 ? 1 : 0,
  ];
  const headed = doc.title >= 0 && !body.includes(doc.title) ? [doc.title, ...body] : body;
  const counted = bodyWords(headed.map((i) => doc.lines[i]!));
  row.push(counted.notice / Math.max(1, counted.all));
  if (doc.origin === "text") {
    // Text dumps only: with both voices the HTML gate held back more real tuning pages and let a tuning notice through (nt80).
    const voice = voiceLevels(counted.voiceWords, counted.reporting, counted.speaking);
    row.push(voice.reporting, voice.speaking);
  }
  if (doc.origin === "html") row.push(negative / total, links / total, Math.log1p((100 * lexicon) / total), Math.log1p((10 * repeated) / total));
  return new Float64Array(row);
}

/** The body's words as the gate counts them, one scan a line (notice-words.ts); a number counts as reporting. */
export function bodyWords(lines: readonly Line[]): { all: number; notice: number; voiceWords: number; reporting: number; speaking: number } {
  let all = 0, notice = 0, voiceWords = 0, reporting = 0, speaking = 0;
  for (const l of lines) {
    const c = noticeWordCount(l.text);
    all += c.words;
    notice += c.notice;
    voiceWords += c.voiceWords;
    reporting += c.reporting + l.numbers;
    speaking += c.speaking;
  }
  return { all, notice, voiceWords, reporting, speaking };
}

/**
 * The HTML gate is two models on one row: one fitted on real and stripped pages, and `notices`, fitted on the same
 * rows and the tuning half's notice pages; a page either refuses is refused. (Learning the notices into the one model
 * lowers its threshold, which lets more stripped pages through.)
 */
export interface GateModel extends LogisticModel {
  notices?: GateModel;
  /**
   * The refusal line, a probability at or below `threshold` (train/article-gate.ts, nt71): under it the page is
   * refused; from it up to DOUBT times `threshold` it is kept with a doubt, and a story of doubted pages only is held
   * back from the feeds and the front page (stop 70). Absent in an older file: `threshold` is the refusal line.
   */
  refuse?: number;
  /**
   * The doubt line, a probability at or above `threshold` (nt77): from the refusal line up to it the page is kept with
   * a doubt (held back from the feeds and the front page). train/article-gate.ts writes it as a multiple of the
   * threshold chosen on tuning pages scored by trainings that never saw them (DOUBT_RATIOS). Absent in an older file:
   * DOUBT times `threshold`.
   */
  doubt?: number;
  /**
   * Boosted depth-2 trees over the same columns (nt83): their log-odds are added to the logistic row's. A tree reads a
   * column only on the side of another column's split where it parts the rows, so a column that says nothing for a
   * class of pages (a short body, no headline) need not drag the line for all. Absent from both committed gates (the
   * trees did not hold on the checking half at stop 83): the row alone.
   */
  trees?: BoostedModel;
}

/** A gate model's log-odds for a row: the logistic row's, and its trees' when it has them. */
export function gateLogit(g: GateModel, x: ArrayLike<number>): number {
  return g.trees ? logit(g, x) + boostedLogit(g.trees, x) : logit(g, x);
}

/** A gate model's probability that a row is an article's (what its threshold, refusal and doubt lines are set on). */
export function gateProbability(g: GateModel, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-gateLogit(g, x)));
}

let committedText: GateModel | null = null;
let committedHtml: GateModel | null = null;

/** A gate's weights file: its model, and its second model when it has one, each checked. */
export function loadGate(json: unknown, features: readonly string[]): GateModel {
  const m: GateModel = loadModel(json, features);
  const checked = (g: GateModel): GateModel => {
    if (g.refuse !== undefined && !(typeof g.refuse === "number" && g.refuse >= 0 && g.refuse <= g.threshold)) throw new Error(`model ${g.name}: its refusal line is not a probability at or below its threshold`);
    if (g.doubt !== undefined && !(typeof g.doubt === "number" && g.doubt >= g.threshold && g.doubt <= 1)) throw new Error(`model ${g.name}: its doubt line is not a probability at or above its threshold`);
    if (g.trees !== undefined) g.trees = loadBoosted(g.trees, features);
    return g;
  };
  if (m.notices) m.notices = checked(loadModel(m.notices, features));
  return checked(m);
}

export function articleGateModel(): GateModel {
  return (committedText ??= loadGate(textWeights, TEXT_GATE_FEATURES));
}

export function htmlArticleGateModel(): GateModel {
  return (committedHtml ??= loadGate(htmlWeights, HTML_GATE_FEATURES));
}

/** A gate model for each input path; a path without one is not gated. */
export interface GateModels {
  text?: () => GateModel;
  html?: () => GateModel;
}

/**
 * Without a learned doubt line (GateModel `doubt`): between the refusal line and this many times the threshold the body is kept with a doubt. The least article-like
 * real page of a few hundred tuning pages is a loose bound (train/article-gate.ts sets the threshold at half of it):
 * an unseen article may read a little less like one (a list of short notes), and so may furniture.
 */
export const DOUBT = 2;

export interface GateVerdict {
  /** Why the page is refused, or null. */
  refuse: string | null;
  /** A doubt to warn of when it is kept, or null. */
  doubt: string | null;
}

const KEEP: GateVerdict = { refuse: null, doubt: null };

/** The gate's verdict on the page (the threshold is a probability, chosen in training). */
export function gateVerdict(doc: TextDoc, model: () => GateModel): GateVerdict {
  const x = articleGateRow(doc);
  if (!x) return KEEP;
  const m = model();
  const models = m.notices ? [m, m.notices] : [m];
  const p = models.map((g) => gateProbability(g, x));
  const below = (line: (g: GateModel) => number) => models.some((g, i) => p[i]! < line(g));
  if (below((g) => g.refuse ?? g.threshold)) return { refuse: "no article text found: the text kept reads as page furniture (a notice, a form, teasers), not as an article", doubt: null };
  if (below((g) => g.doubt ?? DOUBT * g.threshold)) return { refuse: null, doubt: "the kept text reads much like page furniture (a notice, a form, a list of teasers): it may not be the article" };
  return KEEP;
}

/** The rule with the given models (training tries its own); `articleGate` uses the committed ones. */
export function articleGateWith(models: GateModels): CleanRule {
  return {
    name: "article-gate",
    apply(doc) {
      const model = doc.origin === "html" ? models.html : models.text;
      if (!model) return;
      const verdict = gateVerdict(doc, model);
      if (verdict.refuse) doc.noArticle = verdict.refuse;
      else if (verdict.doubt) doc.messages.push({ file: doc.path, stage: "clean", rule: "article-gate", level: "warning", text: verdict.doubt });
    },
  };
}

export const articleGate: CleanRule = articleGateWith({ text: articleGateModel, html: htmlArticleGateModel });
