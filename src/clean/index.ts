// Stage 2: from a decoded input file to its headline, paragraphs and metadata.
import type { CleanArticle, Message, SourceFile } from "../types.ts";
import { cleanDoc, emptyMeta } from "./text.ts";
import { docOf, makeDoc, makeLine, type TextDoc } from "./doc.ts";
import { parseHtml } from "./html.ts";
import { parseMarkdown } from "./markdown.ts";
import { PageTooLarge } from "./dom.ts";
import { InputRejected } from "./rejected.ts";
import { defaultRules, type CleanRule } from "./rules/index.ts";
import { locateWith } from "./rules/locate.ts";
import { findHeadlineWith } from "./rules/title.ts";
import { shortLineRule, type ShortLineModel } from "./rules/short-lines.ts";
import { listLinesRule, type ListLinesModel } from "./rules/list-lines.ts";
import { articleGateWith, type GateModel } from "./rules/article-gate.ts";
import type { BlockModels } from "./block-model.ts";
import type { HeadlineModels } from "./headline-model.ts";

export { defaultRules, rulesWithout } from "./rules/index.ts";
export type { CleanRule } from "./rules/index.ts";
export { InputRejected } from "./rejected.ts";

export function cleanSource(file: SourceFile, rules: readonly CleanRule[] = defaultRules): CleanArticle {
  const article = cleanByFormat(file, rules);
  if (!article.meta.url && file.url) article.meta.url = file.url;
  return article;
}

/**
 * Learned models to clean with instead of the committed weights: training brings the ones its own run
 * has just learned, so that what it learns never depends on what src/clean/weights/ holds.
 */
export interface CleanModels {
  html: BlockModels;
  /** The HTML path's article gate; without it HTML pages are not gated (what the block models are trained with). */
  htmlGate?: GateModel;
  /** The text path's models; without them the rules refuse a text dump (the caller cleans HTML only). */
  text?: { blocks: BlockModels; headline: HeadlineModels; listLines: ListLinesModel; shortLines: ShortLineModel; gate: GateModel };
}

/** The rule list with every learned rule on the given models: no rule of it reads the committed weights. */
export function rulesWith(models: CleanModels, rules: readonly CleanRule[] = defaultRules): CleanRule[] {
  const html = locateWith(models.html);
  const { text, htmlGate } = models;
  const learned: Record<string, CleanRule> = text
    ? {
        "keep-list-lines": listLinesRule(() => text.listLines),
        "find-headline": findHeadlineWith(text.headline),
        "short-line-context": shortLineRule(() => text.shortLines),
      }
    : {};
  learned["article-gate"] = articleGateWith({ text: text && (() => text.gate), html: htmlGate && (() => htmlGate) });
  const textBlocks = text ? locateWith(text.blocks) : null;
  learned["locate-article"] = {
    name: "locate-article",
    apply(doc) {
      if (doc.origin === "html") return html.apply(doc);
      if (!textBlocks) throw new Error("rulesWith: a text dump, but no text models were given");
      textBlocks.apply(doc);
    },
  };
  return rules.map((r) => learned[r.name] ?? r);
}

export interface Prepared {
  doc: TextDoc;
  /** An HTML page's JSON-LD articleBody, when it has one. */
  articleBody: string | null;
}

/** The document the rules work on: a text dump's lines, or an HTML page's blocks with their hints. */
export function prepare(file: SourceFile): Prepared {
  if (file.format === "html") {
    let page;
    try {
      page = parseHtml(file.text, file.url ?? null);
    } catch (error) {
      if (error instanceof PageTooLarge) throw new InputRejected(`${error.message}: too large to read`, "page-too-large");
      throw error;
    }
    if (!page.meta.url && file.url) page.meta.url = file.url;
    if (page.blocks.length > MAX_LINES) throw tooManyLines("blocks of text");
    const lines = page.blocks.map((b) => makeLine(b.text, true, b.dom));
    return { doc: docOf(file.path, lines, page.meta, "html"), articleBody: page.articleBody };
  }
  if (nonBlankLinesOver(file.text, MAX_LINES)) throw tooManyLines("lines of text");
  const meta = emptyMeta();
  meta.url = file.url ?? null;
  return { doc: makeDoc(file.path, file.text, meta, "text"), articleBody: null };
}

/**
 * The most lines (a page's blocks, a dump's non-blank lines) a document may have: 50 times the most of any
 * page in the corpora (1,978). Cleaning holds about 1.3 KB per line: 8 MB of one-letter lines (4 million)
 * took 84 s and 4.2 GB, where 100,000 take about 1.5 s and 250 MB.
 */
export const MAX_LINES = 100_000;

const tooManyLines = (what: string) => new InputRejected(`page has more than ${MAX_LINES} ${what}: too large to read`, "page-too-large");

/** Whether the text has more than `max` lines that are not blank, counted without splitting it. */
function nonBlankLinesOver(text: string, max: number): boolean {
  // More than max lines that are not blank hold a character each and a line break between each two: at
  // least 2 × max + 1 characters. No page of the corpora comes near; only a longer text is counted.
  if (text.length < 2 * max) return false;
  let breaks = 0;
  for (let i = text.indexOf("\n"); i >= 0 && breaks <= max; i = text.indexOf("\n", i + 1)) breaks++;
  if (breaks <= max) return false;
  let lines = 0;
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    if (/\S/.test(text.slice(from, end)) && ++lines > max) return true;
    from = end + 1;
  }
  return false;
}

function cleanByFormat(file: SourceFile, rules: readonly CleanRule[]): CleanArticle {
  if (file.format === "markdown") {
    const md = parseMarkdown(file.text);
    // Every Markdown warning is about its front matter (unreadable, or a date that is no date).
    const messages: Message[] = md.warnings.map((text) => ({ file: file.path, stage: "clean", rule: "front-matter", level: "warning", text }));
    return article(file, md.title, md.paragraphs, md.meta, "", messages);
  }
  const { doc, articleBody } = prepare(file);
  const result = cleanDoc(doc, rules);
  let paragraphs = result.paragraphs;
  const messages = result.messages;
  if (articleBody && paragraphs.join(" ").length < 200 && articleBody.length > paragraphs.join(" ").length) {
    paragraphs = articleBody.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
    messages.push({ file: file.path, stage: "clean", rule: "article-body", level: "warning", text: "page text was thin; used the page's structured articleBody" });
  } else if (result.rejected) throw new InputRejected(result.rejected, "no-article");
  const title = result.title || (file.format === "html" ? (result.meta.title ?? "") : "");
  return article(file, title, paragraphs, result.meta, result.context, messages);
}

/**
 * Longer than any headline: past this a "headline" is a paragraph, a title field filled with the text,
 * or a hostile page's 10,000 characters, and it would be every page's, feed's and search result's heading.
 */
export const MAX_HEADLINE = 300;

/** Longer than any outlet's or author's name (the longest in the corpora's pages are under 100): a field filled with something else. */
export const MAX_NAME = 200;
const NAME_FIELDS = ["source", "siteName", "publisher", "outletHint", "titleSite", "author"] as const;

/** A headline of at most MAX_HEADLINE characters: a longer one is cut at a word boundary, with "…". */
export function boundedHeadline(title: string): string {
  if (title.length <= MAX_HEADLINE) return title;
  let cut = title.slice(0, MAX_HEADLINE - 1);
  const space = cut.search(/\s\S*$/);
  if (space >= MAX_HEADLINE / 2) cut = cut.slice(0, space);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The result, written out whole: spreading a base object into it took a slow generic path (same fields, same order). */
function article(file: SourceFile, title: string, paragraphs: string[], meta: CleanArticle["meta"], context: string, messages: Message[]): CleanArticle {
  if (title.length > MAX_HEADLINE) {
    messages.push({ file: file.path, stage: "clean", rule: "long-headline", level: "warning", text: `headline of ${title.length} characters cut to ${MAX_HEADLINE}` });
    title = boundedHeadline(title);
  }
  for (const field of NAME_FIELDS) {
    const name = meta[field];
    if (name && name.length > MAX_NAME) {
      messages.push({ file: file.path, stage: "clean", rule: "long-name", level: "warning", text: `${field} of ${name.length} characters is no name; ignored` });
      meta[field] = null;
    }
  }
  return { path: file.path, format: file.format, raw: file.text, mtime: file.mtime, title, paragraphs, meta, context, messages };
}
