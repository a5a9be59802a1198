// Hand-labelled text-dump bodies (tx61, stop 61): train/labels/text-bodies.jsonl names, for tuning-half pages of
// dates-dev and webpages-dev, the dump lines of the article body (first, last, inner furniture lines dropped),
// read by eye from the dump. A page's labelled body becomes its `truth`, so the trainers label its lines as
// extraction-dev's (train/lib/clean-items.ts labelsOf). Chosen as long article pages (lists, subheads,
// recipes, listicles, code) where the committed text path keeps much less of the body than the HTML path, or
// keeps comments under it. Never a checking-half page: loading one throws. `set` names the file the label was
// read from; the label goes with the id.
import { readFileSync } from "node:fs";
import type { DevPage } from "../../eval/lib/clean-corpus.ts";
import { halfOf } from "../../eval/lib/split.ts";

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

const FILE = new URL("../labels/text-bodies.jsonl", import.meta.url);

export function handLabels(): HandLabel[] {
  const labels = readFileSync(FILE, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as HandLabel);
  for (const l of labels) if (halfOf(l.id) !== "tune") throw new Error(`train/labels/text-bodies.jsonl: ${l.id} is a checking-half page`);
  return labels;
}

/** The body a label names in the page's dump: its lines first..last less the dropped ones, blank lines left out. */
export function handBody(page: DevPage, label: HandLabel): string {
  const lines = page.text.split("\n");
  if (label.last >= lines.length || label.first > label.last) throw new Error(`train/labels/text-bodies.jsonl: ${label.id} lines ${label.first}-${label.last} out of its ${lines.length}`);
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
