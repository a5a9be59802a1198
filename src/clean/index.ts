// Stage 2: from a decoded input file to its headline, paragraphs and metadata.
import type { CleanArticle, Message, SourceFile } from "../types.ts";
import { cleanText, emptyMeta } from "./text.ts";
import { parseHtml } from "./html.ts";
import { parseMarkdown } from "./markdown.ts";
import { defaultRules, type CleanRule } from "./rules/index.ts";

export { defaultRules, rulesWithout } from "./rules/index.ts";
export type { CleanRule } from "./rules/index.ts";
export { InputRejected } from "./rejected.ts";

export function cleanSource(file: SourceFile, rules: readonly CleanRule[] = defaultRules): CleanArticle {
  const article = cleanByFormat(file, rules);
  if (!article.meta.url && file.url) article.meta.url = file.url;
  return article;
}

function cleanByFormat(file: SourceFile, rules: readonly CleanRule[]): CleanArticle {
  const base = { path: file.path, format: file.format, raw: file.text, mtime: file.mtime };
  if (file.format === "markdown") {
    const md = parseMarkdown(file.text);
    const messages: Message[] = md.warnings.map((text) => ({ file: file.path, stage: "clean", level: "warning", text }));
    return { ...base, title: md.title, paragraphs: md.paragraphs, meta: md.meta, context: "", messages };
  }
  if (file.format === "html") {
    const page = parseHtml(file.text);
    const result = cleanText(file.path, page.text, page.meta, rules, "html");
    let paragraphs = result.paragraphs;
    const messages = result.messages;
    if (paragraphs.join(" ").length < 200 && page.articleBody && page.articleBody.length > paragraphs.join(" ").length) {
      paragraphs = page.articleBody.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
      messages.push({ file: file.path, stage: "clean", level: "warning", text: "page text was thin; used the page's structured articleBody" });
    }
    const clean = messages.filter((m) => !(paragraphs.length > 0 && m.text === "no article text left after cleaning"));
    return { ...base, title: result.title || page.meta.title || "", paragraphs, meta: result.meta, context: result.context, messages: clean };
  }
  const result = cleanText(file.path, file.text, emptyMeta(), rules);
  return { ...base, title: result.title, paragraphs: result.paragraphs, meta: result.meta, context: result.context, messages: result.messages };
}
