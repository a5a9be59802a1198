// train:clean's pages as training items: each dev page prepared up to locate-article, its lines labelled
// from the page's truth (extraction-dev) or its must / must-not snippets (webpages-dev), and its fold.
// Shared by train-clean.ts, its steps (short-lines.ts, article-gate.ts) and the try-* scripts.
import { createHash } from "node:crypto";
import { cleanSource, prepare } from "../../src/clean/index.ts";
import { defaultRules } from "../../src/clean/rules/index.ts";
import type { TextDoc } from "../../src/clean/doc.ts";
import type { SourceFile } from "../../src/types.ts";
import type { DevPage } from "../../eval/lib/clean-corpus.ts";
import { devSource } from "../../eval/lib/dev-source.ts";
import { shingles, tokens } from "../../eval/lib/extraction-score.ts";

const SPAN_LABELS = process.env.SPAN !== "0";
/**
 * Lines of this many words or more between the first and the last must-have snippet count as article
 * (label 2). SPAN_WORDS=<n> to try another length (rc46, `PATHS=text try-blocks`, load 5-7; out-of-fold
 * tuning ext / web, then checking ext / web): 8 (shipped) .9510 / .8964, .9309 / .8984; 3 .9490 / .8641,
 * .9120 / .8937; 5 .9432 / .8788, .9158 / .8949; 12 .9434 / .9014, .9098 / .8871. Shorter lines
 * (subheadings, list items) labelled article teach the model to keep furniture of the same shape.
 */
const SPAN_WORDS = Number(process.env.SPAN_WORDS ?? "8");
/**
 * An extraction-dev line of 4+ tokens is article at this share of its 4-grams in the true body, furniture
 * at most COVER_LO, unknown between (COVER_HI / COVER_LO to try others; figures in train/try-blocks.ts, tb47).
 */
const COVER_HI = Number(process.env.COVER_HI ?? "0.5");
const COVER_LO = Number(process.env.COVER_LO ?? "0.15");
/**
 * Furniture labels by place for the text block model (off: what train:clean ships): on a webpages-dev
 * page, the unlabelled lines of SPAN_WORDS or more past the first must-not snippet below the last
 * must-have ("below"), before the last one above the first must-have ("above"), or both ("both"),
 * each weighing SPAN_FURNITURE_WEIGHT; SPAN_FURNITURE_WORDS sets the length. Aimed at the kept
 * furniture after the body (author bios, teasers, asks). Tried (tx34, `PATHS=text try-blocks`; out-of-fold
 * tuning ext / web, checking ext / web; without: .9510 / .8934, .9297 / .8926): both .9039 / .8821,
 * .9138 / .8826; above .9455 / .8925, .9364 / .8891; below .8964 / .8960, .9475 / .8891 (one short
 * tuning page, 85439e, located wrong: F1 0); below weight 0.5 .8971 / .8994, .9384 / .8928; 0.5 with 15
 * words .9000 / .8960, .9370 / .8930; 20 words .9066 / .8856, .9339 / .8810; weight 0.3 .9499 / .8882,
 * .9438 / .8907, and over PERTURB=1..3 the tuning mean moved -.0007 / +.0053 / +.0042 against the
 * same perturbation without (checking +.005 on average). Full train:clean with below, 0.3: short-line
 * out-of-fold .954 / .891 (without: .957 / .896); eval:clean text extraction .946 · .939 (from .953 ·
 * .930), webpages .904 · .891 (.903 · .888); eval:headlines text 85.0 · 82.1 (84.6 · 83.9), without
 * URL 78.0 · 69.2 (76.8 · 72.2); HTML unchanged. Not adopted: the tuning half does not gain (in-sample
 * extraction loses .007) and the text headlines lose 5 checking pages (8 without the URL).
 */
const SPAN_FURNITURE = process.env.SPAN_FURNITURE ?? "";
export const SPAN_FURNITURE_WEIGHT = Number(process.env.SPAN_FURNITURE_WEIGHT ?? "1");
const SPAN_FURNITURE_K = Number(process.env.SPAN_FURNITURE_K ?? "Infinity");
const HAND_MIN_WORDS = Number(process.env.HAND_MIN_WORDS ?? "0");
/** Folds of the out-of-fold searches and cross-validations. */
export const FOLDS = 4;

export type Path = "text" | "html";

export interface Item {
  page: DevPage;
  path: Path;
  /** The document after the rules that run before locate-article. */
  doc: TextDoc;
  /** 1 article, 0 furniture, -1 unknown, 2 article by its place between two article snippets, 3 / 4 article / furniture by the HTML model, 5 furniture by its place (SPAN_FURNITURE). */
  labels: Int8Array;
  /** 1 where the label (1 / 0) comes from a hand-labelled body (train/lib/hand-bodies.ts, HAND_BODIES=1), which weighs HAND_WEIGHT. */
  hand?: Uint8Array;
  /** A hand label's own weight (times HAND_WEIGHT) where it is not 1: HAND_TAIL_CAP's per-page cap. */
  handWeight?: Float64Array;
}

/**
 * A hand-labelled page's labels (tx61): the page's own (webpages-dev's snippets and their span; none on a dates-dev
 * page), and on the lines they leave unknown, or span as article where the hand body says furniture (a caption
 * between two snippets), the labels its hand-labelled body gives as extraction-dev's truth does.
 */
/** Which of a hand body's labels train: the tail only (HAND_TAIL), its first k lines (HAND_TAIL_K), weighed by a per-page cap (HAND_TAIL_CAP). */
export interface HandTailOptions {
  tail: boolean;
  tailK: number;
  cap: boolean;
  /**
   * HAND_TAIL_FROM=lexicon (tx79, with HAND_TAIL=1): of those first k tail lines, only the ones from the first line a
   * furniture lexicon group hits (src/clean/lexicon.ts: follow, subscribe, related, comments, author, legal…) down; the
   * lines between the body's last article line and it stay unlabelled (teach nothing), since a price, a credit, a
   * sign-off or a last short sentence stands there as often as furniture does.
   */
  from?: "lexicon";
  /**
   * HAND_TAIL_BALANCE=1 (tx79, with HAND_TAIL=1): as many of the hand body's own last lines (those the page's labels leave
   * unknown) labelled article as the tail labels furniture, so the tails teach where the body ends without moving the
   * share of furniture labels the held decode was set for.
   */
  balance?: boolean;
}

/** The trial switches' reading (HAND_TAIL=1, HAND_TAIL_K=k, HAND_TAIL_CAP=1); train:clean's TEXT_TAILS passes its own. */
export function handTailFromEnv(): HandTailOptions {
  const from = process.env.HAND_TAIL_FROM;
  if (from !== undefined && from !== "lexicon") throw new Error(`HAND_TAIL_FROM=${from}: only "lexicon"`);
  return { tail: process.env.HAND_TAIL === "1", tailK: Number(process.env.HAND_TAIL_K ?? "Infinity"), cap: process.env.HAND_TAIL_CAP === "1", from, balance: process.env.HAND_TAIL_BALANCE === "1" };
}

export function handLabelled(page: DevPage, truth: string, doc: TextDoc, options: HandTailOptions = handTailFromEnv()): { labels: Int8Array; hand: Uint8Array; handWeight?: Float64Array } {
  const labels = labelsOf(page, doc);
  const byHand = labelsOf({ ...page, truth, with: undefined, without: undefined }, doc);
  const hand = new Uint8Array(labels.length);
  // HAND_TAIL=1 (tx66, a trial): only the hand body's furniture labels below its last article line (comments,
  // author boxes, listings under the article), no article label from the hand body.
  const tail = options.tail ? byHand.lastIndexOf(1) : -1;
  const tailed: number[] = [];
  /** The label each of `tailed` had before its hand label (HAND_TAIL_FROM puts some back). */
  const was: number[] = [];
  const tailK = options.tailK;
  for (let i = 0; i < labels.length; i++) {
    const h = byHand[i]!;
    if (options.tail && (h !== 0 || i <= tail)) continue;
    // HAND_MIN_WORDS=n (a trial): a hand article label only on lines of n words or more (furniture on any).
    if (h === 1 && doc.lines[i]!.words < HAND_MIN_WORDS) continue;
    // HAND_TAIL_K=k (tx75, a trial, with HAND_TAIL=1): only the first k tail labels under the body's last article
    // line (the boundary the body's growth decides), not the footer below them.
    if (options.tail && tailed.length >= tailK) break;
    if (h >= 0 && (labels[i] === -1 || (labels[i] === 2 && h === 0))) (was.push(labels[i]!), (labels[i] = h), (hand[i] = 1), tailed.push(i));
  }
  if (options.tail && options.from === "lexicon") {
    let start = tailed.findIndex((i) => doc.lines[i]!.lexicon !== 0);
    if (start < 0) start = tailed.length;
    for (let j = 0; j < start; j++) (labels[tailed[j]!] = was[j]!), (hand[tailed[j]!] = 0);
    tailed.splice(0, start);
  }
  if (options.tail && options.balance) {
    let n = 0;
    for (let i = tail; i >= 0 && n < tailed.length; i--) if (byHand[i] === 1 && labels[i] === -1) (labels[i] = 1), (hand[i] = 1), n++;
  }
  // HAND_TAIL_CAP=1 (tx75, a trial, with HAND_TAIL=1): a page's tail labels weigh together at most as much as its
  // body's lines (each min(1, body / tail)), so one page's long comment thread or teaser list does not tip the mix.
  if (options.tail && options.cap && tailed.length > 0) {
    const body = byHand.reduce((n, h) => n + (h === 1 ? 1 : 0), 0);
    const w = Math.min(1, body / tailed.length);
    if (w < 1) {
      const handWeight = new Float64Array(labels.length).fill(1);
      for (const i of tailed) handWeight[i] = w;
      return { labels, hand, handWeight };
    }
  }
  return { labels, hand };
}

/** The rules that run before locate-article. */
const before = defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "locate-article"));

function sourceOf(page: DevPage, path: Path): SourceFile {
  return devSource(page.id, path, path === "html" ? page.html : page.text, page.url);
}

export function prepared(page: DevPage, path: Path): TextDoc | null {
  try {
    return preparedFrom(prepare(sourceOf(page, path)).doc);
  } catch {
    return null;
  }
}

/** A document made some other way (a page's blocks less some), after the rules that run before locate-article. */
export function preparedFrom(doc: TextDoc): TextDoc {
  for (const rule of before) rule.apply(doc);
  return doc;
}

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The body the HTML path cleans from a page's HTML (lc57's teacher for its text dump), or null when it has
 * under 50 tokens (or the HTML is refused): a dates-dev page's truth where the set has none.
 */
export function htmlPathBody(page: DevPage): string | null {
  let body = "";
  try {
    body = cleanSource(devSource(page.id, "html", page.html, page.url)).paragraphs.join("\n\n");
  } catch {
    return null;
  }
  return tokens(body).length < 50 ? null : body;
}

/** Share of the line's 4-gram shingles the body holds. */
export function coverOf(line: string, body: Map<string, number>): number {
  let shared = 0, total = 0;
  for (const [k, v] of shingles(line)) (total += v, (shared += Math.min(v, body.get(k) ?? 0)));
  return total ? shared / total : 0;
}

export function labelsOf(page: DevPage, doc: TextDoc): Int8Array {
  const labels = new Int8Array(doc.lines.length).fill(-1);
  if (page.truth !== undefined) {
    const truth = shingles(page.truth);
    const truthTokens = ` ${tokens(page.truth).join(" ").toLowerCase()} `;
    const short: number[] = [];
    doc.lines.forEach((l, i) => {
      const ts = tokens(l.text);
      if (ts.length >= 4) {
        const cover = coverOf(l.text, truth);
        labels[i] = cover >= COVER_HI ? 1 : cover <= COVER_LO ? 0 : -1;
      } else if (ts.length > 0) {
        if (!truthTokens.includes(` ${ts.join(" ").toLowerCase()} `)) labels[i] = 0;
        else short.push(i);
      }
    });
    // A short line the body holds counts as article text when an article line stands next to it.
    for (const i of short) if (labels[i - 1] === 1 || labels[i + 1] === 1) labels[i] = 1;
  } else {
    const must = (page.with ?? []).map(collapse).filter(Boolean);
    const mustNot = (page.without ?? []).map(collapse).filter(Boolean);
    doc.lines.forEach((l, i) => {
      const t = collapse(l.text);
      const yes = must.some((s) => t.includes(s));
      const no = mustNot.some((s) => t.includes(s));
      if (yes !== no) labels[i] = yes ? 1 : 0;
    });
    if (SPAN_LABELS) {
      // Between the first and the last must-have snippet runs the main text: its longer lines are article.
      const first = labels.indexOf(1), last = labels.lastIndexOf(1);
      for (let i = first + 1; i < last; i++) if (labels[i] === -1 && doc.lines[i]!.words >= SPAN_WORDS && doc.lines[i]!.drop === null) labels[i] = 2;
      if (SPAN_FURNITURE && first >= 0 && doc.origin === "text") {
        // Past a must-not snippet below the last must-have runs page furniture; above one over the first, too.
        let below = -1, above = -1;
        for (let i = last + 1; i < labels.length && below < 0; i++) if (labels[i] === 0) below = i;
        for (let i = first - 1; i >= 0 && above < 0; i--) if (labels[i] === 0) above = i;
        const minWords = Number(process.env.SPAN_FURNITURE_WORDS ?? SPAN_WORDS);
        const mark = (i: number): boolean => {
          if (labels[i] !== -1 || doc.lines[i]!.words < minWords || doc.lines[i]!.drop !== null) return false;
          labels[i] = 5;
          return true;
        };
        // SPAN_FURNITURE_K=k (tl83, a trial): only the first k place labels below, the lines where the body's end is
        // decided, not the page's footer far under it (HAND_TAIL_K's idea, tx75).
        let marked = 0;
        if (below >= 0 && SPAN_FURNITURE !== "above") for (let i = below + 1; i < labels.length && marked < SPAN_FURNITURE_K; i++) if (mark(i)) marked++;
        if (above >= 0 && SPAN_FURNITURE !== "below") for (let i = 0; i < above; i++) mark(i);
      }
    }
  }
  return labels;
}

/**
 * FOLD_SEED=k (a trial, tx81): every fold assignment of train:clean's chain (the block folds, the headline line model's
 * inner folds, the short-line and gate folds, CROSSFIT's) drawn by another hash; 0 (the default) is the committed
 * assignment. It changes no page, row or label, only which pages are held out together in the out-of-fold steps, so
 * trainings on all tuning pages that differ only in it show a method's spread.
 */
export const FOLD_SEED = foldSeedFrom(process.env.FOLD_SEED);

export function foldSeedFrom(value: string | undefined): number {
  const seed = Number(value ?? "0");
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`FOLD_SEED must be a whole number >= 0, not ${value}`);
  return seed;
}

/** The fold of `id` in the assignment named `salt` ("fold", "short", "gate", …) under fold seed `seed`. */
export function foldIn(salt: string, id: string, seed: number = FOLD_SEED, folds: number = FOLDS): number {
  const key = seed === 0 ? `${salt}:${id}` : `${salt}#${seed}:${id}`;
  return createHash("sha256").update(key).digest()[0]! % folds;
}

/** A page's fold for the out-of-fold decode search: by a hash of its id, so the split is fixed. */
export function foldOf(id: string): number {
  return foldIn("fold", id);
}
