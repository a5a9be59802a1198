// Silver labels for the list and table lines of a text dump, from the same page's HTML (tx70, issue 8): a dump
// line whose text (white space removed) is the text of an <li>, <tr>, <dd> or <dt> is a list line, "inside" the
// article when that element lies within the page's article region, "outside" otherwise (menus, teaser lists,
// footers). The region is found one way on every page: the deepest element whose text holds 90% or more of the
// page's gold article lines (extraction-dev's true body, webpages-dev's must-have snippets and their span) that
// the HTML's shown text holds; a list item inside it made mostly of link text is left unknown. For training only, on the tuning half: the text path never sees HTML at run time.
import { parsePage, type El } from "../../src/clean/dom.ts";
import type { TextDoc } from "../../src/clean/doc.ts";

const LIST = new Set(["li", "tr", "dd", "dt"]);
/** Text the page keeps but never shows (JSON-LD often holds the whole article body). */
const UNSHOWN = new Set(["head", "script", "title", "style", "template"]);
/** A region must hold this share of the gold lines found in the page's text. */
export const REGION_SHARE = 0.9;
/** Gold lines shorter than this (white space removed) are not looked for: they could be anywhere. */
const GOLD_CHARS = 20;
/** Fewer gold lines found than this, and the page has no region (and no silver labels). */
const GOLD_LINES = 3;

const squeeze = (s: string): string => s.replace(/\s+/gu, "");

interface Span {
  el: El;
  start: number;
  end: number;
  /** Characters of link text before the element's start and end (their difference: its link text). */
  linkStart: number;
  linkEnd: number;
}

/** The page's shown text with all white space removed, and every element's span in it. */
function flatten(root: El): { text: string; spans: Span[] } {
  const parts: string[] = [];
  let at = 0, linked = 0, inLink = 0;
  const spans: Span[] = [];
  const stack: (El | string | Span)[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === "string") {
      const s = squeeze(n);
      parts.push(s);
      at += s.length;
      if (inLink > 0) linked += s.length;
    } else if ("el" in n) {
      n.end = at;
      n.linkEnd = linked;
      if (n.el.name === "a") inLink--;
    } else if (!UNSHOWN.has(n.name)) {
      const span: Span = { el: n, start: at, end: at, linkStart: linked, linkEnd: linked };
      if (n.name === "a") inLink++;
      spans.push(span);
      stack.push(span);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return { text: parts.join(""), spans };
}

export interface ListSilver {
  /** Per dump line: 1 a list line inside the region, 0 one outside it, -1 neither (or both). */
  labels: Int8Array;
  /** Whether the page had a region (enough gold lines found in its HTML's text). */
  region: boolean;
}

/**
 * The silver list labels of a text dump's lines: `gold` is the page's labels (1 and 2 article), `html` its
 * HTML. Lines holding no list element's text, and pages without a region, are -1.
 */
export function htmlListLabels(doc: TextDoc, gold: Int8Array, html: string): ListSilver {
  const labels = new Int8Array(doc.lines.length).fill(-1);
  let root: El;
  try {
    root = parsePage(html);
  } catch {
    return { labels, region: false };
  }
  const { text, spans } = flatten(root);
  const offsets: number[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    if (gold[i] !== 1 && gold[i] !== 2) continue;
    const s = squeeze(doc.lines[i]!.text);
    if (s.length < GOLD_CHARS) continue;
    const at = text.indexOf(s);
    if (at >= 0) offsets.push(at);
  }
  if (offsets.length < GOLD_LINES) return { labels, region: false };
  offsets.sort((a, b) => a - b);
  const firstAtOrAfter = (x: number): number => {
    let lo = 0, hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const need = Math.ceil(REGION_SHARE * offsets.length);
  let region: Span | null = null;
  for (const s of spans) {
    if (firstAtOrAfter(s.end) - firstAtOrAfter(s.start) < need) continue;
    if (!region || s.end - s.start < region.end - region.start) region = s;
  }
  if (!region) return { labels, region: false };
  // Each list element's text, inside or outside the region (an <li> holding another list is no one line).
  const where = new Map<string, { inside: number; outside: number; linked: number }>();
  for (const s of spans) {
    if (!LIST.has(s.el.name) || s.end - s.start < 2) continue;
    if (s.el.name === "li" && s.el.children.some((c) => typeof c !== "string" && (c.name === "ul" || c.name === "ol"))) continue;
    const key = text.slice(s.start, s.end);
    const w = where.get(key) ?? where.set(key, { inside: 0, outside: 0, linked: 0 }).get(key)!;
    // A list item inside the region made mostly of link text (share buttons, tags, a teaser list in the article
    // element) is left unknown: inside and outside alike are its readings.
    if (s.start >= region.start && s.end <= region.end) {
      if (2 * (s.linkEnd - s.linkStart) < s.end - s.start) w.inside++;
      else w.linked++;
    } else w.outside++;
  }
  for (let i = 0; i < doc.lines.length; i++) {
    const w = where.get(squeeze(doc.lines[i]!.text));
    if (!w) continue;
    if (w.inside > 0 && w.outside === 0 && w.linked === 0) labels[i] = 1;
    else if (w.outside > 0 && w.inside === 0 && w.linked === 0) labels[i] = 0;
  }
  return { labels, region: true };
}
