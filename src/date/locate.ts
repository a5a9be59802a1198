// Finding the article's own text (as the cleaner kept it) again in the raw input, cheaply: a short
// literal piece of a paragraph is searched for, and dates are placed relative to where it stands.

const PLAIN_RUN = /[A-Za-z0-9,.;:!?()' -]{16,}/;
const PROBE_LENGTH = 40;

/** A piece of `paragraph` likely to stand in the raw input as written (no characters markup may encode). */
export function probeOf(paragraph: string): string {
  const run = PLAIN_RUN.exec(paragraph.slice(0, 160))?.[0] ?? "";
  return run.trim().slice(0, PROBE_LENGTH).trim();
}

/** Whether the words around a date (block.slice(start, end)) are part of the article body. */
export function inBody(block: string, start: number, end: number, body: string): boolean {
  const snippet = block.slice(Math.max(0, start - 24), Math.min(block.length, end + 24)).replace(/\s+/g, " ").trim();
  return snippet.length >= 16 && body.includes(snippet);
}
