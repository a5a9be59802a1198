// Date evidence in a text dump (or a Markdown file): the full dates written on its lines, each with the
// line it stands on and where that line is relative to the headline and the article body. The same idea
// of a visible date as in HTML, counted in lines instead of markup.
import { asciiDigits, DATE_HINT, findAsciiDates } from "./text-dates.ts";
import { inBody, probeOf } from "./locate.ts";
import type { PageScan, VisibleDate } from "./scan-types.ts";
import { lineLocator } from "../text/line-starts.ts";

/** Around a year on a very long line, only this much either side is read. */
const LONG_LINE = 400;
/** Its own copy: findAsciiDates runs DATE_HINT on each line while this one walks the whole text. */
const HINT = new RegExp(DATE_HINT.source, DATE_HINT.flags);
/** Dated lines at most this many lines apart are neighbours (a list of dated items). */
const NEIGHBOURHOOD = 2;
const NOT_SPACE = /\S/g;

export interface TextInput {
  raw: string;
  title: string;
  paragraphs: readonly string[];
}

export function scanText(input: TextInput): PageScan {
  const { raw, paragraphs } = input;
  const { starts: lineStarts, lineOf } = lineLocator(raw);
  const found: { line: number; text: string; dates: ReturnType<typeof findAsciiDates> }[] = [];
  const years = new Map<number, number>();
  // Dates written in other scripts' digits are found too (the same places: one unit for one).
  const scanned = asciiDigits(raw);
  HINT.lastIndex = 0;
  for (let m = HINT.exec(scanned); m; m = HINT.exec(scanned)) {
    if (m[0].length === 4) years.set(Number(m[0]), (years.get(Number(m[0])) ?? 0) + 1);
    const line = lineOf(m.index);
    if (found.length && found[found.length - 1]!.line === line) continue;
    // The line as written (kept as the date's block) and as folded (read for dates): the same places.
    let text = lineText(raw, lineStarts, line);
    let folded = scanned === raw ? text : lineText(scanned, lineStarts, line);
    if (text.length > 2 * LONG_LINE) {
      const at = m.index - lineStarts[line]!;
      text = text.slice(Math.max(0, at - LONG_LINE), at + LONG_LINE);
      folded = folded.slice(Math.max(0, at - LONG_LINE), at + LONG_LINE);
    }
    const dates = findAsciiDates(folded);
    if (dates.length) found.push({ line, text, dates });
  }
  if (!found.length) return { structured: [], visible: [], bad: [], years, lang: null, headline: input.title };

  // Lines are counted without the blank ones, which text dumps scatter between blocks.
  // A line is filled when the first non-space at or after its start stands before its end: one walk over
  // the text finds them all, where reading each line on its own would copy every line.
  const filled = new Int32Array(lineStarts.length + 1);
  let nextFilled = -1;
  for (let l = 0; l < lineStarts.length; l++) {
    const start = lineStarts[l]!;
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : raw.length;
    if (nextFilled < start) {
      NOT_SPACE.lastIndex = start;
      nextFilled = NOT_SPACE.exec(raw)?.index ?? raw.length;
    }
    filled[l + 1] = filled[l]! + (nextFilled < end ? 1 : 0);
  }
  // Searched with spaces made plain: dumps keep no-break and other spaces the cleaner's text has not.
  const plain = plainSpaces(raw);
  const bodyAt = locateParagraph(plain, paragraphs[0] ?? "", 0);
  const lastAt = paragraphs.length > 1 ? locateParagraph(plain, paragraphs[paragraphs.length - 1]!, bodyAt ?? 0) : bodyAt;
  const headAt = locate(plain, plainSpaces(input.title.trim()).slice(0, 60), bodyAt ?? raw.length, true);
  const rel = (at: number | null) => (line: number) => (at === null ? null : filled[line]! - filled[lineOf(at)]!);
  const fromHeadline = rel(headAt);
  const fromBody = rel(bodyAt);
  const bodyEnd = lastAt === null ? null : lineOf(lastAt);
  const body = paragraphs.join(" ");
  const visible: VisibleDate[] = [];
  for (const f of found) {
    const neighbours = found.filter((g) => g !== f && Math.abs(filled[g.line]! - filled[f.line]!) <= NEIGHBOURHOOD).length;
    for (const date of f.dates) {
      visible.push({
        date,
        block: f.text,
        index: visible.length,
        position: lineStarts[f.line]! / Math.max(1, raw.length),
        fromHeadline: fromHeadline(f.line),
        fromBody: fromBody(f.line),
        afterBody: bodyEnd !== null && f.line > bodyEnd,
        neighbours,
        markup: "",
        inTime: false,
        inBody: inBody(f.text, date.start, date.end, body),
      });
    }
  }
  return { structured: [], visible, bad: [], years, lang: null, headline: input.title };
}

function lineText(raw: string, lineStarts: number[], line: number): string {
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : raw.length;
  return raw.slice(lineStarts[line]!, end);
}

const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** The text with every kind of space written as a plain one (same length, so positions still hold). */
function plainSpaces(text: string): string {
  return text.replace(SPACES, " ");
}

/**
 * Where a paragraph the cleaner kept stands in the text: found by its opening words as written (any
 * script), else by a plain-letter piece of it.
 */
function locateParagraph(plain: string, paragraph: string, from: number): number | null {
  const opening = plainSpaces(paragraph.trim()).slice(0, PROBE);
  return locate(plain, opening, from, false) ?? locate(plain, probeOf(paragraph), from, false);
}

/** How much of a paragraph's opening is searched for. */
const PROBE = 40;

/**
 * Where `probe` stands in the text: the first place at or after `from`, or (`before`) the last place
 * before it, so a headline repeated in menus and lists is taken where it heads the body.
 */
function locate(raw: string, probe: string, from: number, before: boolean): number | null {
  if (probe.length < 12) return null;
  const at = before ? raw.lastIndexOf(probe, from) : raw.indexOf(probe, from);
  if (at >= 0) return at;
  const any = raw.indexOf(probe);
  return any >= 0 ? any : null;
}
