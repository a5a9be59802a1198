// A plain-text scrape (or the text lines of an HTML page) through the rule list to title and paragraphs.
import type { ArticleMeta, Message } from "../types.ts";
import { endsSentence, keptBodyIndices, makeDoc, stripBullet, type Line, type TextDoc } from "./doc.ts";
import { defaultRules, type CleanRule } from "./rules/index.ts";
import { doubts, fallbackBody, type Doubt } from "./doubts.ts";
import { sourceOfText } from "./source.ts";
import { lastCrumb } from "./breadcrumbs.ts";
import { withoutKicker } from "./headline.ts";
import { hostOf } from "../text/paths.ts";

export interface TextCleanResult {
  title: string;
  paragraphs: string[];
  meta: ArticleMeta;
  /** The lines the rules removed, joined: evidence for dating, never shown. */
  context: string;
  messages: Message[];
  /** Which rule removed how many lines. */
  dropped: Record<string, number>;
  /** Why the page holds no article (then `paragraphs` is empty), or null. */
  rejected: string | null;
}

export function emptyMeta(): ArticleMeta {
  return { title: null, date: null, dateOrigin: null, source: null, siteName: null, publisher: null, outletHint: null, url: null, author: null };
}

export function cleanText(path: string, text: string, meta: ArticleMeta = emptyMeta(), rules: readonly CleanRule[] = defaultRules, origin: "text" | "html" = "text"): TextCleanResult {
  return cleanDoc(makeDoc(path, text, meta, origin), rules);
}

/** Runs the rules over a document already made (a text dump's lines, or an HTML page's blocks). */
export function cleanDoc(doc: TextDoc, rules: readonly CleanRule[] = defaultRules): TextCleanResult {
  for (const rule of rules) rule.apply(doc);
  return finish(doc);
}

export function finish(doc: TextDoc): TextCleanResult {
  const shown = doc.title >= 0 ? lastCrumb(stripBullet(doc.lines[doc.title]!.text)) : null;
  const title = shown === null ? (doc.meta.title ?? "") : doc.origin === "html" ? withoutKicker(shown, doc.meta.title) : shown;
  const body = keptBodyLines(doc);
  const messages = [...doc.messages];
  const warn = ({ rule, text }: Doubt) => messages.push({ file: doc.path, stage: "clean", rule, level: "warning", text });
  let rejected = doc.noArticle;
  if (body.length === 0 && !rejected) {
    // The located article, less what the context rules took: never text the block model refused.
    const fallback = fallbackBody(doc);
    if (fallback) {
      body.push(...fallback.lines);
      warn(fallback.warning);
    } else rejected = "no article text left after cleaning";
  } else for (const doubt of doubts(doc, body)) warn(doubt);
  const paragraphs = joinWrapped(body);
  if (!doc.meta.source || !doc.meta.author) {
    const found = sourceOfText(doc.lines, body, hostOf(doc.meta.url));
    doc.meta.source ??= found.source;
    doc.meta.author ??= found.author;
  }
  // Built in place, in the order the rules' names first come (as from a Map), without the Map.
  const dropped: Record<string, number> = {};
  const removed: string[] = [];
  for (const l of doc.lines) {
    if (l.drop === null) continue;
    removed.push(l.text);
    if (l.drop) dropped[l.drop] = (dropped[l.drop] ?? 0) + 1;
  }
  const context = removed.join("\n");
  if (!title && !rejected) warn({ rule: "no-headline", text: "no headline found" });
  return { title, paragraphs, meta: doc.meta, context, messages, dropped, rejected };
}

/**
 * The lines of `keptBodyIndices`, pushed one by one into an array that held an object from the start:
 * to V8 every body is then the same kind of array, empty or not. A `map` result (its kind differs
 * between the interpreter's `map` and the optimised code's) or an empty literal (an array of small
 * integers) met after `finish`, `doubts`, `sourceOfText` and `outside` were optimised deoptimised them.
 */
function keptBodyLines(doc: TextDoc): Line[] {
  const body: Line[] = [doc.lines[0]!];
  body.pop();
  for (const i of keptBodyIndices(doc)) body.push(doc.lines[i]!);
  return body;
}

/** Hard-wrapped text: a line that does not end a sentence, followed by one starting in lower case, continues it. */
function joinWrapped(lines: Line[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length - 1;
    if (prev >= 0 && !line.blankBefore && !endsSentence(out[prev]!) && !endsColon(out[prev]!) && /^\p{Ll}/u.test(line.text)) {
      out[prev] = `${out[prev]} ${line.text}`;
    } else out.push(line.text);
  }
  return out;
}

/** `/[:;]$/.test(text)`, read from the end: the pattern would search the whole paragraph, and a joined one keeps growing. */
function endsColon(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 58 || c === 59;
}
