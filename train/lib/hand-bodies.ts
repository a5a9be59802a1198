// Hand-labelled text-dump bodies (tx61, stop 61): train/labels/text-bodies.jsonl names, for tuning-half pages of
// dates-dev and webpages-dev, the dump lines of the article body (first, last, inner furniture lines dropped),
// read by eye from the dump. A page's labelled body becomes its `truth`, so the trainers label its lines as
// extraction-dev's (train/lib/clean-items.ts labelsOf). Chosen as long article pages (lists, subheads,
// recipes, listicles, code) where the committed text path keeps much less of the body than the HTML path, or
// keeps comments under it. Never a checking-half page: loading one throws. `set` names the file the label was
// read from; the label goes with the id.
// text-bodies-tx63.jsonl (tx63, stop 63) adds 38 webpages-dev tuning pages read the same way: every tuning page whose
// base run holds 30+ lines and where some depth candidate of train/try-regions.ts scores differently from the base
// by the snippets (the pages the per-page depth choice learns from), in a fixed hash order, three skipped as no one
// article (an index, a listing, a paywalled paper). HAND_LABELS=tx61 reads the first file only (the A/B base).
// text-bodies-tx74.jsonl (tx74, stop 74) adds webpages-dev tuning pages read for their TAIL: the unlabelled pages where
// the committed text path keeps the most tokens below the last must-have snippet, read in that order, labelled the same
// way (what stands under the body, teasers, comments, asks, author boxes, read-more links, out); pages with no one
// article (a curriculum, a villa listing, a product page) skipped. HAND_LABELS=tx63 reads the first two files only.
// text-bodies-tx75.jsonl (tx75, stop 75) adds webpages-dev tuning pages the same way, read further down that order (the
// pages where the committed text path keeps little below the last must-have snippet, and the order's zero-token tail in
// hash order); pages with no one article (a listing, a product page, a site's welcome page, a research area's index)
// and one with a shop-price table skipped. HAND_LABELS=tx74 reads the first three files only.
import { fileURLToPath } from "node:url";
import type { DevPage } from "../../eval/lib/clean-corpus.ts";
import { halfOf } from "../../eval/lib/split.ts";
import { readJsonl } from "../../eval/lib/jsonl.ts";

interface HandLabel {
  set: "dates" | "webpages";
  id: string;
  /** Dump line indices (the text split at "\n"), first and last body line, inclusive. */
  first: number;
  last: number;
  /** Furniture lines inside the body: an index or an inclusive [from, to] range. */
  drop: (number | [number, number])[];
  note: string;
}

const FILES = [
  new URL("../labels/text-bodies.jsonl", import.meta.url),
  new URL("../labels/text-bodies-tx63.jsonl", import.meta.url),
  new URL("../labels/text-bodies-tx74.jsonl", import.meta.url),
  new URL("../labels/text-bodies-tx75.jsonl", import.meta.url),
];

export function handLabels(): HandLabel[] {
  const upTo: number = ({ tx61: 1, tx63: 2, tx74: 3 } as Record<string, number>)[process.env.HAND_LABELS ?? ""] ?? FILES.length;
  const files = FILES.slice(0, upTo);
  const labels = files.flatMap((f) => readJsonl<HandLabel>(fileURLToPath(f)));
  const ids = new Set<string>();
  for (const l of labels) {
    if (ids.has(l.id)) throw new Error(`train/labels: ${l.id} labelled twice`);
    ids.add(l.id);
  }
  for (const l of labels) if (halfOf(l.id) !== "tune") throw new Error(`train/labels/text-bodies*.jsonl: ${l.id} is a checking-half page`);
  return labels;
}

/** The body a label names in the page's dump: its lines first..last less the dropped ones, blank lines left out. */
export function handBody(page: DevPage, label: HandLabel): string {
  const lines = page.text.split("\n");
  if (label.last >= lines.length || label.first > label.last) throw new Error(`train/labels/text-bodies*.jsonl: ${label.id} lines ${label.first}-${label.last} out of its ${lines.length}`);
  const dropped = new Set<number>();
  for (const d of label.drop) {
    const [a, b] = typeof d === "number" ? [d, d] : d;
    for (let i = a; i <= b; i++) dropped.add(i);
  }
  const body: string[] = [];
  for (let i = label.first; i <= label.last; i++) if (!dropped.has(i) && lines[i]!.trim()) body.push(lines[i]!.trim());
  return body.join("\n");
}

/**
 * The labelled bodies of the pages among `pages` (a training's pages: tuning half, less a perturbation), by id. A
 * page of both dates-dev and webpages-dev has one dump in both (checked: the same text), so one label serves both.
 */
export function handTruths(pages: readonly DevPage[]): Map<string, string> {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const out = new Map<string, string>();
  for (const label of handLabels()) {
    const page = byId.get(label.id);
    if (page) out.set(page.id, handBody(page, label));
  }
  return out;
}
