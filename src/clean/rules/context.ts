// Lines inside the body that are not running prose: subheadings and list items stay when the
// article's prose surrounds them; captions, bylines, share rows and link lists go (jusText's idea).
import type { CleanRule } from "./types.ts";
import { bodyIndices, dropLine, type Line, type TextDoc } from "../doc.ts";
import { isUpperCased } from "../chars.ts";

export { isGluedTeaser } from "../doc.ts";

export type Kind = "good" | "bad" | "short";

const URL_LINE = /^(https?:\/\/|www\.)\S+$/i;
const BYLINE = /^([Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Oo]leh|[Оо]т)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*(,|and|&)\s*\p{Lu}.*)?$/u;
const LABEL = /^(image|media|photo|video|picture|graphic)\s*(caption|copyright|source|credit)\b/i;
const SEPARATORS = /[|•·»›]/;
/** Guillemets used as quotation marks, in pairs («…», »…«, ‹…›, ›…‹): a quotation, not a breadcrumb's separators. */
const QUOTED = /«[^«»]*»|»[^«»]*«|‹[^‹›]*›|›[^‹›]*‹/g;
/** A gallery's counter and buttons: "Image 1 of 12", "1 / 12", "Back to Gallery". */
const GALLERY = /^(?:(?:image|photo|picture|slide)s? \d+ ?(?:of|\/)|\d+ ?(?:of|\/) ?\d+$|back to (?:gallery|top|article|story)|(?:view|open|launch) (?:the )?gallery)/;
/** Buttons and labels of page widgets (galleries, players, share bars) standing alone on a line. */
const WIDGET_WORDS =
  /^(close|caption|captions|shares?|pocket|flipboard|menu|search|home|next|previous|prev|more|loading( \.\.\.| …)?|gallery|expand|collapse|play|pause|replay|mute|unmute|fullscreen|skip|back|top|log ?in|log ?out|sign ?in|comments?|reply|like|follow|photos?|videos?|images?|enlarge|zoom|download|copy|embed|view|show more|read more|see more|load more|back to top|print|email)[.:!…]*$/;

export function lineKind(line: Line): Kind {
  if (line.prose && !line.glued) return "good";
  if (line.words === 0 || (line.words <= 2 && WIDGET_WORDS.test(line.norm)) || URL_LINE.test(line.text) || BYLINE.test(line.text) || LABEL.test(line.text)) return "bad";
  if (line.words <= 12 && SEPARATORS.test(line.text) && SEPARATORS.test(line.text.replace(QUOTED, ""))) return "bad";
  if (line.words <= 6 && GALLERY.test(line.norm)) return "bad";
  // A whole line in capitals, too long for a subheading: a link to another story ("TAYLOR SWIFT CLEARED TO…").
  if (line.words >= 9 && line.caps === 1 && isUpperCased(line.text)) return "bad";
  if (line.glued) return "bad";
  return "short";
}

/** Punctuation skeleton of a line: "England (Group A): 10th appearance" → "():". */
function skeleton(text: string): string {
  return text.replace(/[\p{L}\p{N}\s]+/gu, "");
}

/** Most lines of the run share one non-empty punctuation skeleton: rows of a table or a structured list. */
function isParallel(run: Line[]): boolean {
  if (run.length < 3) return false;
  const counts = new Map<string, number>();
  for (const l of run) {
    const k = skeleton(l.text);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let most = 0;
  for (const n of counts.values()) most = Math.max(most, n);
  return most >= 0.6 * run.length;
}

/** "Roger Gonzalez", "CBS Sports Writer": a short line of capitalised words only. */
export function isNameLabel(line: Line): boolean {
  return line.words <= 3 && line.caps === 1 && !/[.!?:]$/.test(line.text);
}

/** One run of short lines inside the body, with what the hand rule reads around it. */
export interface ShortRun {
  /** Positions in the body's index list: the run is body[from..to). */
  from: number;
  to: number;
  before: Kind | undefined;
  after: Kind | undefined;
  /** Share of the run's lines shaped like a teaser headline (mostly capitalised). */
  teasers: number;
  parallel: boolean;
  /** The hand rule keeps body[from..keepTo) and drops the rest of the run. */
  keepTo: number;
}

/** The body's line indices, each one's kind, and its runs of short lines with the hand rule's verdict. */
export interface ShortRuns {
  body: number[];
  kinds: Kind[];
  runs: ShortRun[];
}

export function shortRuns(doc: TextDoc): ShortRuns {
  const body = bodyIndices(doc);
  // Pushed, not mapped: a `map` result's kind of array differs between the interpreter and optimised code.
  const kinds: Kind[] = [];
  for (const i of body) kinds.push(lineKind(doc.lines[i]!));
  const runs: ShortRun[] = [];
  let k = 0;
  while (k < body.length) {
    if (kinds[k] !== "short") {
      k++;
      continue;
    }
    let e = k;
    while (e < body.length && kinds[e] === "short") e++;
    const before = k > 0 ? kinds[k - 1] : undefined;
    const after = e < body.length ? kinds[e] : undefined;
    const run: Line[] = [];
    let headlines = 0;
    for (let j = k; j < e; j++) {
      const l = doc.lines[body[j]!]!;
      run.push(l);
      if (l.headline && l.caps > 0.6) headlines++;
    }
    const teasers = headlines / run.length;
    const parallel = isParallel(run);
    // Above the first paragraph: kicker, byline, promo. After the last: a list of other headlines,
    // unless the lines share one template ("England (Group A): 10th appearance"), as a table does.
    // Between paragraphs, or a list closing the article: content.
    const closes = after === undefined || after === "bad";
    const keep = before !== undefined && (after === "good" || (closes && (teasers < 0.5 || parallel)));
    let stop = e;
    // A closing list keeps its items, not the author's name and title under it.
    if (keep && closes) while (stop > k && isNameLabel(doc.lines[body[stop - 1]!]!)) stop--;
    runs.push({ from: k, to: e, before, after, teasers, parallel, keepTo: keep ? stop : k });
    k = e;
  }
  return { body, kinds, runs };
}

/**
 * What both forms of short-line-context do first, on a text dump whose body has running prose: the
 * body's furniture-shaped lines go. The runs of short lines are left for the caller to judge; null
 * when there is nothing to judge (an HTML page, or a body without a prose line).
 */
export function dropFurnitureLines(doc: TextDoc): ShortRuns | null {
  if (doc.origin === "html") return null;
  const short = shortRuns(doc);
  if (!short.kinds.includes("good")) return null;
  for (let k = 0; k < short.body.length; k++) if (short.kinds[k] === "bad") dropLine(doc, short.body[k]!, "short-line-context");
  return short;
}

/**
 * The hand rule: runs of short lines between two prose lines are kept (subheadings, list items,
 * one-line paragraphs); at the edges of the body, or next to page furniture, they go. The rule that
 * runs (short-lines.ts) keeps what this keeps, and a learned model may keep more of what it drops.
 */
export const handShortLineContext: CleanRule = {
  name: "short-line-context",
  apply(doc: TextDoc) {
    const short = dropFurnitureLines(doc);
    if (!short) return;
    for (const r of short.runs) for (let j = r.keepTo; j < r.to; j++) dropLine(doc, short.body[j]!, "short-line-context");
  },
};
