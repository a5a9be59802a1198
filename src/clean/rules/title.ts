// The headline of a text scrape: above the body, near it, Title Case, printed again elsewhere on
// the page; or inside the top of the body when a banner paragraph came first.
import type { Line, TextDoc } from "../doc.ts";
import { normalise } from "../../text/words.ts";
import { densestRun } from "./density.ts";

/** A line opening with a byline: "By Jane Smith", "von …", "par …". */
export const BYLINE = /^(by|von|par|por|oleh|от)\s+\p{Lu}/iu;

function titleScore(doc: TextDoc, index: number, firstKept: number, counts: Map<string, number>, start: number): number {
  const line = doc.lines[index]!;
  // A headline recurs in the page (browser title, breadcrumb, share text); a line printed over and
  // over is a caption or a label instead.
  const repeats = (counts.get(line.norm) ?? 1) - 1;
  let score = repeats <= 2 ? 2 * repeats : 0;
  // A scrape often starts with its headline; a two-word first line is a section label ("U.S. news").
  if (index === firstKept && line.words >= 4) score += 2;
  if (line.caps > 0.6) score += 1;
  if (line.words >= 5 && line.words <= 25) score += 1;
  // The headline sits just above the body; a line far up is more likely the site's menu or banner.
  let between = 0;
  for (let i = index + 1; i < start && between <= 8; i++) if (doc.lines[i]!.drop === null) between++;
  if (between <= 3) score += 2;
  else if (between <= 8) score += 1;
  return score;
}

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
/** "By Mike Wall", "Updated Nov 13, 2019", "2019-11-18T20:51Z", "18 November 2019". */
export const BYLINE_OR_DATE = new RegExp(
  `^(?:by|von|par|por|oleh|от)\\s+\\p{Lu}|^(?:updated|published|posted)\\b|\\b${MONTH} \\d{1,2},? (?:19|20)\\d\\d\\b|\\b\\d{1,2} ${MONTH} (?:19|20)\\d\\d\\b|\\b(?:19|20)\\d\\d-\\d\\d-\\d\\d`,
  "iu",
);

/**
 * A headline inside the top of the densest run: a banner paragraph (a cookie notice, an affiliate
 * disclaimer) came first. The headline is Title Case and a byline or date follows it closely.
 */
function titleInRun(doc: TextDoc, start: number, end: number): number {
  let proseLines = 0;
  for (let i = start; i < Math.min(end, start + 12); i++) {
    const line = doc.lines[i]!;
    if (line.drop !== null) continue;
    if (line.prose) {
      if (++proseLines > 2) return -1;
      continue;
    }
    if (proseLines === 0 || !line.headline || line.glued || line.caps <= 0.6 || line.words < 5) continue;
    for (let j = i + 1; j < Math.min(end, i + 4); j++) {
      const next = doc.lines[j]!;
      if (next.drop === null && !next.prose && next.words <= 15 && (next.dated || BYLINE_OR_DATE.test(next.text))) return i;
    }
  }
  return -1;
}

function isTitleCandidate(line: Line, first: boolean): boolean {
  if (line.drop !== null || line.words < 3 || line.chrome || BYLINE.test(line.text)) return false;
  return line.headline || (first && line.words <= 30);
}

/**
 * The headline's index (or -1) and the body's start and end, which finding the headline may move:
 * the body starts below a headline found inside it, or below a first line that is the headline.
 */
export function findTitle(doc: TextDoc, start: number, end: number, firstKept: number): [number, number, number] {
  const counts = new Map<string, number>();
  // Only lines short enough to be a headline are counted: a headline and its repeats are never long.
  for (const l of doc.lines) if (l.words <= 30) counts.set(l.norm, (counts.get(l.norm) ?? 0) + 1);
  const known = doc.meta.title ? doc.lines.findIndex((l, i) => i < end && l.norm === normalise(doc.meta.title!)) : -1;
  if (known >= 0) return [known, start, end];
  const inRun = titleInRun(doc, start, end);
  if (inRun >= 0) return [inRun, inRun + 1, end];
  let title = -1;
  let bestScore = -Infinity;
  for (let i = Math.max(0, start - 80); i < start; i++) {
    if (!isTitleCandidate(doc.lines[i]!, i === firstKept)) continue;
    // Nearer the body wins ties: `>=` keeps the later line.
    const s = titleScore(doc, i, firstKept, counts, start);
    if (s >= bestScore) {
      bestScore = s;
      title = i;
    }
  }
  if (title < 0 && start === firstKept && doc.lines[start]!.words <= 30 && !doc.meta.title) {
    // The first line is the headline even when it reads as a sentence; the body is what follows.
    title = start;
    const rest = densestRun(doc.lines.map((l, i) => (i <= title ? { ...l, drop: "title" } : l)), doc.end);
    if (rest) [start, end] = [rest[0], Math.max(rest[1], end)];
    else start = title + 1;
  }
  return [title, start, end];
}
