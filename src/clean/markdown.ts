// Markdown articles are already clean: front matter gives the metadata, the body its paragraphs.
import { createRequire } from "node:module";
import type MarkdownItCallable from "markdown-it";
import { DateTime } from "luxon";
import type { ArticleMeta } from "../types.ts";
import { emptyMeta } from "./text.ts";
import { splitFrontMatter } from "../text/front-matter.ts";
import { InputRejected } from "./rejected.ts";

type MarkdownIt = InstanceType<typeof MarkdownItCallable>;

let md: MarkdownIt | null = null;

/**
 * markdown-it, loaded at the first Markdown input (its CommonJS build: the same code, loaded without
 * waiting): a build of text dumps and HTML pages never needs it, and loading it cost every thread that
 * cleans about 40 ms of CPU.
 */
function markdownIt(): MarkdownIt {
  if (!md) {
    const MarkdownItClass = createRequire(import.meta.url)("markdown-it") as typeof MarkdownItCallable;
    md = new MarkdownItClass({ html: false });
  }
  return md;
}

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
  } else if (data.date !== undefined) warnings.push(`front matter date ${shown(data.date)} is not a date`);

  const blocks = textBlocks(content);
  let title = meta.title ?? "";
  if (blocks[0]?.heading && (!title || blocks[0].text === title)) {
    title ||= blocks[0].text;
    blocks.shift();
  }
  return { meta, title, paragraphs: blocks.map((b) => b.text), warnings };
}

/**
 * A front-matter value as a warning quotes it: never the whole of a list or mapping, whose text can be
 * exponentially larger than the file (YAML aliases of aliases: "billion laughs").
 */
function shown(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return Array.isArray(v) ? "(a list)" : "(a mapping)";
}

function stringField(v: unknown): string | null {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (typeof v === "number") return String(v);
  return null;
}

/**
 * Forms other generators write into front matter besides ISO 8601 and RFC 2822: Jekyll's and YAML 1.1's
 * "2025-05-29 23:30:00 -05:00", and dates spelled out ("May 29, 2025"). Those with an offset keep it; those
 * without are read as the wall-clock time they state (never in this machine's zone).
 */
const OFFSET_FORMS = ["yyyy-MM-dd HH:mm:ss ZZ", "yyyy-MM-dd HH:mm:ss ZZZ", "yyyy-MM-dd HH:mm:ss.u ZZ", "yyyy-MM-dd HH:mm:ss.u ZZZ", "yyyy-MM-dd HH:mm ZZ", "yyyy-MM-dd HH:mm ZZZ"];
const LOCAL_FORMS = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.u", "yyyy-MM-dd HH:mm"];
const DAY_FORMS = ["MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy"];

function dateField(v: unknown): string | null {
  // The core schema keeps an unquoted 2025-05-29 a string, as a quoted one is: no zone is applied to it.
  if (typeof v !== "string") return null;
  const s = v.trim().replace(/\s+/g, " ");
  if (DateTime.fromISO(s, { setZone: true }).isValid) return s;
  const r = DateTime.fromRFC2822(s, { setZone: true });
  if (r.isValid) return r.toISO();
  const h = DateTime.fromHTTP(s, { setZone: true });
  if (h.isValid) return h.toISO();
  const fixed = { setZone: true, zone: "UTC", locale: "en-US" };
  for (const form of OFFSET_FORMS) {
    const d = DateTime.fromFormat(s, form, fixed);
    if (d.isValid) return d.toISO({ suppressMilliseconds: true });
  }
  for (const form of LOCAL_FORMS) {
    const d = DateTime.fromFormat(s, form, fixed);
    if (d.isValid) return d.toISO({ includeOffset: false, suppressMilliseconds: true });
  }
  for (const form of DAY_FORMS) {
    const d = DateTime.fromFormat(s, form, fixed);
    if (d.isValid) return d.toISODate();
  }
  return null;
}

/** The text of each paragraph, heading, list item and quote, without Markdown syntax. */
function textBlocks(content: string): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  const tokens = markdownIt().parse(content, {});
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
