// Markdown articles are already clean: front matter gives the metadata, the body its paragraphs.
import MarkdownIt from "markdown-it";
import { DateTime } from "luxon";
import type { ArticleMeta } from "../types.ts";
import { emptyMeta } from "./text.ts";
import { splitFrontMatter } from "../text/front-matter.ts";
import { InputRejected } from "./rejected.ts";

const md = new MarkdownIt({ html: false });

export interface MarkdownParts {
  meta: ArticleMeta;
  title: string;
  paragraphs: string[];
  warnings: string[];
}

export function parseMarkdown(text: string): MarkdownParts {
  const warnings: string[] = [];
  const front = splitFrontMatter(text);
  if (front.kind === "refused") throw new InputRejected(front.reason, "front-matter");
  if (front.kind === "invalid") warnings.push(`${front.reason}; read as plain Markdown`);
  const data: Record<string, unknown> = front.kind === "data" ? front.data : {};
  const content = front.content;
  const meta = emptyMeta();
  meta.title = stringField(data.title);
  meta.source = stringField(data.source);
  meta.url = stringField(data.url);
  meta.author = stringField(data.author);
  const date = dateField(data.date);
  if (date) {
    meta.date = date;
    meta.dateOrigin = "front-matter";
  } else if (data.date !== undefined) warnings.push(`front matter date "${String(data.date)}" is not a date`);

  const blocks = textBlocks(content);
  let title = meta.title ?? "";
  if (blocks[0]?.heading && (!title || blocks[0].text === title)) {
    title ||= blocks[0].text;
    blocks.shift();
  }
  return { meta, title, paragraphs: blocks.map((b) => b.text), warnings };
}

function stringField(v: unknown): string | null {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (typeof v === "number") return String(v);
  return null;
}

function dateField(v: unknown): string | null {
  // The core schema keeps an unquoted 2025-05-29 a string, as a quoted one is: no zone is applied to it.
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (DateTime.fromISO(s, { setZone: true }).isValid) return s;
  const r = DateTime.fromRFC2822(s, { setZone: true });
  if (r.isValid) return r.toISO();
  const h = DateTime.fromHTTP(s, { setZone: true });
  if (h.isValid) return h.toISO();
  return null;
}

/** The text of each paragraph, heading, list item and quote, without Markdown syntax. */
function textBlocks(content: string): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  const tokens = md.parse(content, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "inline") {
      const text = (t.children ?? [])
        .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : c.type === "image" ? "" : ""))
        .join("")
        .replace(/\s+/g, " ")
        .trim();
      if (text) out.push({ text, heading: tokens[i - 1]?.type === "heading_open" });
    } else if ((t.type === "fence" || t.type === "code_block") && t.content.trim()) {
      out.push({ text: t.content.trim(), heading: false });
    }
  }
  return out;
}
