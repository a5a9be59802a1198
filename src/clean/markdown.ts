// Markdown articles are already clean: front matter gives the metadata, the body its paragraphs.
import { createRequire } from "node:module";
import type MarkdownItCallable from "markdown-it";
import { DateTime, IANAZone } from "luxon";
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
  let data: Record<string, unknown> = {};
  if (front.kind === "data") data = front.data;
  else if (front.kind === "invalid") {
    data = front.lines;
    const kept = Object.keys(front.lines).length > 0;
    warnings.push(`${front.reason}; ${kept ? 'its "key: value" lines were read as plain text' : "read as plain Markdown"}`);
  }
  const content = front.content;
  const fields = fieldsOf(data);
  const draft = draftMark(fields);
  if (draft) throw new InputRejected(`a draft (${draft} in its front matter): not published until that line is removed`, "draft");
  const meta = emptyMeta();
  meta.title = stringField(fields.get("title"));
  meta.source = sourceField(fields.get("source"));
  meta.url = urlField(fields.get("url"));
  meta.author = stringField(fields.get("author"));
  // Jekyll's `published: true` is a flag, not a date.
  const dates = fields.getAll("date").filter((d) => typeof d.value !== "boolean");
  const date = dates.map((d) => dateField(d.value)).find((d) => d !== null) ?? null;
  if (date) {
    meta.date = date;
    meta.dateOrigin = "front-matter";
  } else if (dates.length > 0) {
    const { key, value } = dates[0]!;
    const line = keyLine(text, key);
    warnings.push(`front matter ${key} ${shown(value)} is not a date${dateHint(value)}${line ? ` (line ${line})` : ""}`);
  }

  const blocks = textBlocks(content);
  let title = meta.title ?? "";
  if (blocks[0]?.heading && (!title || blocks[0].text === title)) {
    title ||= blocks[0].text;
    blocks.shift();
  }
  // Markdown is not cleaned of page furniture: a body with no paragraph is what the file holds, and the build's
  // "only page furniture" would name a cause that is not there.
  if (blocks.length === 0) throw new InputRejected(emptyBody(front.kind !== "none", content, title), "no-body");
  return { meta, title, paragraphs: blocks.map((b) => b.text), warnings };
}

/** Why a Markdown file with no paragraph has no article, in the file's own terms. */
function emptyBody(hasFrontMatter: boolean, content: string, title: string): string {
  if (hasFrontMatter && !content.trim()) return "no article text: the file holds front matter and nothing after it";
  return `no article text: no paragraph ${title ? "under its headline" : "in the file"} (only ${hasFrontMatter ? "front matter, " : ""}headings, images or markup)`;
}

/**
 * The names hand-written front matter gives each field, in the order they are taken: other generators',
 * feed readers' and schema.org's words ("published", "pubDate", "link", "outlet", "site_name"), in any
 * case ("Title:", "Date:"), with "-" or "_" ("canonical-url").
 */
const FIELD_NAMES = {
  title: ["title", "headline"],
  date: ["date", "published", "publishdate", "published_at", "publish_date", "date_published", "datepublished", "pubdate", "created", "created_at"],
  url: ["url", "link", "canonical", "canonical_url", "canonicalurl", "original_url", "source_url"],
  source: ["source", "outlet", "publisher", "publication", "site_name", "sitename"],
  author: ["author", "authors", "byline"],
  draft: ["draft"],
} as const;

type Field = keyof typeof FIELD_NAMES;

interface Fields {
  get(field: Field): unknown;
  /** Every key present for the field, in the order above, with the key as written. */
  getAll(field: Field): { key: string; value: unknown }[];
}

function fieldsOf(data: Record<string, unknown>): Fields {
  const byName = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(data)) {
    const name = key.trim().toLowerCase().replace(/[\s-]+/g, "_");
    if (!byName.has(name)) byName.set(name, { key, value });
  }
  const getAll = (field: Field) => FIELD_NAMES[field].flatMap((n) => byName.get(n) ?? []);
  return { getAll, get: (field) => getAll(field).find((f) => f.value !== null && f.value !== undefined && f.value !== "")?.value };
}

/** `draft: true` (Hugo, Eleventy) or `published: false` (Jekyll): the writer has not published it yet. */
function draftMark(fields: Fields): string | null {
  const flag = (v: unknown) => (v === true || v === false ? v : typeof v === "string" && /^(?:true|false|yes|no)$/i.test(v.trim()) ? /^(?:true|yes)$/i.test(v.trim()) : null);
  const draft = fields.getAll("draft")[0];
  if (draft && flag(draft.value) === true) return `${draft.key}: ${String(draft.value).trim()}`;
  const published = fields.getAll("date").find((f) => f.key.trim().toLowerCase() === "published");
  if (published && flag(published.value) === false) return `${published.key}: ${String(published.value).trim()}`;
  return null;
}

/** The file's line (from 1) where front matter sets `key`, or null. */
function keyLine(text: string, key: string): number | null {
  const lines = text.split("\n", 200);
  const i = lines.findIndex((l, n) => n > 0 && l.startsWith(key) && /^\s*[:=]/.test(l.slice(key.length)));
  return i > 0 ? i + 1 : null;
}

/** What to write instead, when the date is one this reader could not settle. */
function dateHint(v: unknown): string {
  if (typeof v === "string" && SLASHED.test(v.trim())) return ": day and month could each be either number; write it as YYYY-MM-DD";
  return "";
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

/** A character a reader sees: not white space, not a format character (zero-width space, joiners, bidi marks). */
const VISIBLE = /[^\s\p{Cf}]/u;

function stringField(v: unknown): string | null {
  // A title of zero-width spaces only is no title: the headline falls back to the text's, never an invisible one.
  if (typeof v === "string" && VISIBLE.test(v)) return v.trim();
  if (typeof v === "number") return String(v);
  // authors: [Jane Doe, John Roe]
  if (Array.isArray(v)) {
    const parts = v.map(stringField).filter((p): p is string => p !== null);
    return parts.length > 0 ? parts.join(", ") : null;
  }
  return null;
}

/** The outlet: a name, or a mapping that holds one (`source: {name: BBC News, url: …}`). */
function sourceField(v: unknown): string | null {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    return stringField(o.name) ?? stringField(o.title);
  }
  return stringField(v);
}

/** The article's address; one written without its scheme ("www.bbc.co.uk/news/…") is taken as https. */
function urlField(v: unknown): string | null {
  const s = stringField(v);
  if (s && !/^[a-z][a-z\d+.-]*:/i.test(s) && /^(?:www\d*\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\//u.test(s)) return `https://${s}`;
  return s;
}

/**
 * Forms other generators write into front matter besides ISO 8601 and RFC 2822: Jekyll's and YAML 1.1's
 * "2025-05-29 23:30:00 -05:00", and dates spelled out ("May 29, 2025"). Those with an offset keep it; those
 * without are read as the wall-clock time they state (never in this machine's zone). A time may end in a
 * zone's name ("Europe/London") or in one of the North American abbreviations RFC 2822 defines ("EST").
 */
const OFFSET_FORMS = ["yyyy-MM-dd HH:mm:ss ZZ", "yyyy-MM-dd HH:mm:ss ZZZ", "yyyy-MM-dd HH:mm:ss.u ZZ", "yyyy-MM-dd HH:mm:ss.u ZZZ", "yyyy-MM-dd HH:mm ZZ", "yyyy-MM-dd HH:mm ZZZ"];
const LOCAL_FORMS = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.u", "yyyy-MM-dd HH:mm", "yyyy/M/d HH:mm:ss", "yyyy/M/d HH:mm"];
const DAY_FORMS = ["yyyy/M/d", "yyyy.M.d", "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM, yyyy"];
const ABBREVIATIONS: Readonly<Record<string, string>> = { UT: "+0000", UTC: "+0000", GMT: "+0000", Z: "+0000", EST: "-0500", EDT: "-0400", CST: "-0600", CDT: "-0500", MST: "-0700", MDT: "-0600", PST: "-0800", PDT: "-0700" };
/** 29/05/2025 or 05/29/2025: read only when one of the two numbers is past 12, so only one reading is a date. */
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

function dateField(v: unknown): string | null {
  // The core schema keeps an unquoted 2025-05-29 a string, as a quoted one is: no zone is applied to it.
  if (typeof v === "number") return unixTime(v);
  if (typeof v !== "string") return null;
  const s = v.trim().replace(/\s+/g, " ");
  return plainDate(s) ?? zonedDate(s);
}

/** Seconds (or milliseconds) since 1970 as some exporters write them: 2001 to 2096, or it is no time. */
function unixTime(n: number): string | null {
  const ms = n >= 1e9 && n < 4e9 ? n * 1000 : n >= 1e12 && n < 4e12 ? n : null;
  if (ms === null || !Number.isInteger(n)) return null;
  return DateTime.fromMillis(ms, { zone: "UTC" }).toISO({ suppressMilliseconds: true });
}

/** A time that ends in a zone's name or abbreviation: "2025-05-29 10:00 EST", "2025-05-29 10:00:00 Europe/London". */
function zonedDate(s: string): string | null {
  const zoned = /^(.*\d) ([A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+|[A-Z]{1,3})$/.exec(s);
  if (!zoned) return null;
  const time = zoned[1]!;
  const zone = zoned[2]!;
  const offset = ABBREVIATIONS[zone];
  if (offset) return plainDate(`${time} ${offset}`);
  if (!zone.includes("/") || !IANAZone.isValidZone(zone)) return null;
  const local = plainDate(time);
  if (!local || /(?:Z|[+-]\d{2}:?\d{2})$/.test(local)) return null;
  if (local.length <= 10) return local;
  const d = DateTime.fromISO(local, { zone });
  return d.isValid ? d.toISO({ suppressMilliseconds: true }) : null;
}

function plainDate(s: string): string | null {
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
  const slashed = SLASHED.exec(s);
  if (slashed) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if ((a > 12) === (b > 12)) return null;
    const d = DateTime.fromObject({ year, month: a > 12 ? b : a, day: a > 12 ? a : b }, { zone: "UTC" });
    return d.isValid ? d.toISODate() : null;
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
