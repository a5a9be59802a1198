// Date evidence in an HTML page, found without building a DOM (the cleaner has already parsed the page
// once; a second full parse would cost more than all the dating): one regular-expression pass finds the
// few places that matter (meta tags, JSON-LD, <time>, itemprop, headlines, the years written in visible
// text) and htmlparser2 reads each small piece found, so attributes and entities are decoded as a
// browser would.
import { Parser } from "htmlparser2";
import { asciiDigits, findDates } from "./text-dates.ts";
import { readStamp, dayProblem, isoDay } from "./parse.ts";
import type { BadDate, PageScan, StructuredDate, StructuredKind, VisibleDate } from "./scan-types.ts";
import { inBody, probeOf } from "./locate.ts";
import { inPageZone } from "./local-day.ts";

// One pass finds every place that matters; the kind of match decides what is read there. A date's hint
// only says which block to read: findDates checks what is written there.
const MARKS = /<(meta\s|time\b|script\b|style\b|template\b|svg\b|title\b|h1[\s>]|!--)|itemprop\s*=\s*["']?date(?:published|created|modified)\b|(?<!\d)(?:19|20)\d\d(?:(?!\d)|(?=\d{1,2}\.?\s*[a-z\u00C0-\u024F]))|(?<![\d.])\d{1,2}\.\d{1,2}\.\d\d(?![\d.])|\d\.?[ \t]+[a-z\u00C0-\u024F\u0370-\u04FF]{3,}\.?[ \t]+\d\d(?!\d)/gi;
// An end tag is its name followed by a space, "/" or ">", and runs to the next ">": "</svg\n</span>" is
// one (malformed) end tag of svg, as a browser reads it, and must not hide the rest of the page.
const CLOSING: Record<string, RegExp> = {
  script: /<\/script(?=[\s/>])[^>]*>?/gi,
  style: /<\/style(?=[\s/>])[^>]*>?/gi,
  template: /<\/template(?=[\s/>])[^>]*>?/gi,
  svg: /<\/svg(?=[\s/>])[^>]*>?/gi,
  title: /<\/title(?=[\s/>])[^>]*>?/gi,
};
const BODY = /<body[\s>]/i;
const TAG_AT = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/y;
const H1_END = /<\/h1\s*>/gi;
const HTML_LANG = /<html\b[^>]*\blang\s*=\s*["']?([a-zA-Z-]+)/i;

const BLOCK = new Set([
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
  "section", "article", "header", "footer", "aside", "nav", "main", "figure", "figcaption", "blockquote", "form", "address", "pre", "body",
]);
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "param", "track"]);
/** How far around a year to look for the edges of its block, and for the markup that holds it. */
const BLOCK_BACK = 600;
const BLOCK_AHEAD = 400;
const MARKUP_BACK = 1500;
const MAX_ANCESTORS = 3;

/** Key names of meta tags and marks of <time> elements: what kind of date each states. */
const MODIFIED_KEY = /modif|updat|revis|lastmod|last-mod|edited/;
const PUBLISHED_KEY = /publi|pubdate|issued|created|creation|release|posted|post_date|post-date|uploaddate|firstpub/;
const DATE_KEY = /(^|[:._-])date$|^date([:._-]|$)|^dc\.date$|^dcterms\.date$/;
const NOT_A_DAY_KEY = /expir|valid|birth|copyright|verif|end|start|lastbuild|retriev|crawl|index|current|today|now/;

export interface HtmlInput {
  raw: string;
  /** The headline the cleaner found, to locate the headline in the markup. */
  title: string;
  /** The article body the cleaner kept. */
  paragraphs: readonly string[];
}

export function scanHtml(input: HtmlInput): PageScan {
  const { raw } = input;
  const bad: BadDate[] = [];
  const structured: StructuredDate[] = [];
  const h1s: number[] = [];
  const years: number[] = [];
  const yearCounts = new Map<number, number>();
  const bodyAt = bodyStart(raw);
  let firstTime = true;
  // Years written in other scripts' digits are found too (the same places: one unit for one).
  const scanned = asciiDigits(raw);
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(scanned); m; m = MARKS.exec(scanned)) {
    const at = m.index;
    const tag = m[1]?.toLowerCase();
    if (tag === undefined) {
      if (/^i/i.test(m[0])) readItemprop(raw, at, structured, bad);
      else if (at > bodyAt && raw.lastIndexOf("<", at) < raw.lastIndexOf(">", at)) {
        // Written in the page's text, not inside a tag's attributes.
        years.push(at);
        if (m[0].length === 4) yearCounts.set(Number(m[0]), (yearCounts.get(Number(m[0])) ?? 0) + 1);
      }
      continue;
    }
    if (tag === "!--") {
      const end = raw.indexOf("-->", at + 4);
      MARKS.lastIndex = end < 0 ? raw.length : end + 3;
      continue;
    }
    const open = raw.indexOf(">", at);
    const tagText = raw.slice(at, open < 0 ? raw.length : open + 1);
    if (tag.startsWith("meta")) readMeta(tagText, structured, bad);
    else if (tag === "time") {
      if (at > bodyAt && readTime(tagText, firstTime, structured, bad)) firstTime = false;
    } else if (tag.startsWith("h1")) {
      if (at > bodyAt) h1s.push(at);
    } else {
      const close = CLOSING[tag]!;
      close.lastIndex = open < 0 ? raw.length : open;
      const end = close.exec(raw);
      if (tag === "script" && /ld\+json/i.test(tagText)) readJsonLd(raw.slice(open + 1, end ? end.index : raw.length), structured, bad);
      MARKS.lastIndex = end ? end.index + end[0].length : raw.length;
    }
  }
  const lang = HTML_LANG.exec(raw.slice(0, 4000))?.[1]?.toLowerCase() ?? null;
  const headline = headlineAt(raw, bodyAt, h1s, input.title);
  return { structured: inPageZone(structured), visible: visibleDates(input, years, bodyAt, headline), bad, years: yearCounts, lang, headline: input.title };
}

function bodyStart(raw: string): number {
  const at = raw.indexOf("<body");
  if (at >= 0 && /[\s>]/.test(raw.charAt(at + 5))) return at;
  return BODY.exec(raw)?.index ?? 0;
}

// ---- machine-readable dates ----

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const parser = new Parser(
    {
      onattribute(name, value) {
        if (!(name in out)) out[name] = value;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(tag);
  return out;
}

/** A date value's day, or a record of why it is not one. */
function readValue(value: string, where: string, bad: BadDate[]): Omit<StructuredDate, "kind"> | null {
  const v = value.trim();
  if (!v || !/\d/.test(v)) return null;
  const stamp = readStamp(v);
  if (stamp) {
    const problem = dayProblem(stamp.year, stamp.month, stamp.day);
    if (problem) {
      bad.push({ value: v.slice(0, 80), where, problem });
      return null;
    }
    const time = stamp.minutes === null ? null : { minutes: stamp.minutes, seconds: stamp.seconds, offset: stamp.offset };
    return { day: isoDay(stamp.year, stamp.month, stamp.day)!, time };
  }
  const written = findDates(v)[0];
  const day = written?.day ?? written?.monthFirst ?? null;
  return day ? { day, time: null } : null;
}

/** A second published date of the same kind is someone else's (a comment's, a listed article's). */
const LATER: Partial<Record<StructuredKind, StructuredKind>> = { "meta-published": "meta-published-other", "time-published": "time-published-other" };

function add(structured: StructuredDate[], kind: StructuredKind, value: string, where: string, bad: BadDate[]): boolean {
  const read = readValue(value, where, bad);
  if (!read) return false;
  const later = LATER[kind];
  structured.push({ kind: later && structured.some((s) => s.kind === kind && s.day !== read.day) ? later : kind, ...read });
  return true;
}

function metaKind(key: string): StructuredKind | null {
  if (key === "digest:date") return "feed";
  if (NOT_A_DAY_KEY.test(key) && !PUBLISHED_KEY.test(key)) return null;
  if (MODIFIED_KEY.test(key)) return "meta-modified";
  if (PUBLISHED_KEY.test(key)) return "meta-published";
  if (DATE_KEY.test(key)) return "meta-date";
  return null;
}

/**
 * Whether a tag's text could hold a key metaKind gives a kind to: one of its key patterns, or "date"
 * (which every DATE_KEY holds). A tag without an entity holds its key as written, so a tag this is false
 * for need not be parsed.
 */
function mayNameDate(tag: string): boolean {
  const lower = tag.toLowerCase();
  return lower.includes("date") || MODIFIED_KEY.test(lower) || PUBLISHED_KEY.test(lower);
}

function readMeta(tag: string, structured: StructuredDate[], bad: BadDate[]): void {
  if (!/\d/.test(tag)) return;
  if (!tag.includes("&") && !mayNameDate(tag)) return;
  const a = attributes(tag);
  const key = (a.property || a.name || a.itemprop || a["http-equiv"] || "").toLowerCase();
  const kind = key ? metaKind(key) : null;
  if (kind && a.content) add(structured, kind, a.content, `meta ${key}`, bad);
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const ARTICLE_TYPE = /article|posting|report|review|recipe|video|podcast|episode|creativework|webpage|itempage|event|newsletter|blog/i;
const LD_KEYS = ["datePublished", "dateCreated", "uploadDate", "dateModified"];

function readJsonLd(text: string, structured: StructuredDate[], bad: BadDate[]): void {
  let data: Json;
  try {
    data = JSON.parse(text.replace(/^\s*<!--|-->\s*$/g, "")) as Json;
  } catch {
    // Broken JSON-LD is common; its date fields are still plain "key": "value" pairs.
    let first = !structured.some((s) => s.kind === "ld-published");
    for (const f of text.matchAll(/"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{6,40})"/g)) {
      if (add(structured, ldKind(f[1]!, first), f[2]!, `JSON-LD ${f[1]}`, bad) && f[1] === "datePublished") first = false;
    }
    return;
  }
  let first = !structured.some((s) => s.kind === "ld-published");
  const stack: { value: Json; depth: number }[] = [{ value: data, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (!value || typeof value !== "object" || depth > 12) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i]!, depth: depth + 1 });
      continue;
    }
    const type = value["@type"];
    const types = (Array.isArray(type) ? type : [type]).map((t) => String(t ?? ""));
    const own = types.some((t) => ARTICLE_TYPE.test(t)) || types.every((t) => !t);
    for (const key of LD_KEYS) {
      const v = value[key];
      if (typeof v !== "string") continue;
      if (add(structured, ldKind(key, first && own), v, `JSON-LD ${key}`, bad) && key === "datePublished" && own) first = false;
    }
    const children = Object.entries(value).filter(([k]) => k !== "@context");
    for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], depth: depth + 1 });
  }
}

function ldKind(key: string, main: boolean): StructuredKind {
  if (key === "dateModified") return "ld-modified";
  if (key === "datePublished") return main ? "ld-published" : "ld-published-other";
  return "ld-created";
}

/** A <time> tag's datetime; true when it gave a day. */
function readTime(tag: string, first: boolean, structured: StructuredDate[], bad: BadDate[]): boolean {
  const a = attributes(tag);
  const value = a.datetime || (a.content ?? "");
  if (!value) return false;
  const marks = `${a.class ?? ""} ${a.itemprop ?? ""} ${a.id ?? ""}`.toLowerCase();
  let kind: StructuredKind = first ? "time-first" : "time-other";
  if ("pubdate" in a || PUBLISHED_KEY.test(marks)) kind = "time-published";
  else if (MODIFIED_KEY.test(marks)) kind = "time-modified";
  return add(structured, kind, value, "<time datetime>", bad);
}

/** An element other than <meta> or <time> marked itemprop="datePublished" (or Created, Modified). */
function readItemprop(raw: string, at: number, structured: StructuredDate[], bad: BadDate[]): void {
  const start = raw.lastIndexOf("<", at);
  const end = raw.indexOf(">", at);
  if (start < 0 || end < 0 || raw.lastIndexOf(">", at) > start) return;
  const name = /^<([a-zA-Z0-9]+)/.exec(raw.slice(start, start + 12))?.[1]?.toLowerCase();
  if (!name || name === "meta" || name === "time") return;
  const a = attributes(raw.slice(start, end + 1));
  const kind: StructuredKind = /modified/i.test(a.itemprop ?? "") ? "itemprop-modified" : "itemprop-published";
  const value = a.content || a.datetime || textOf(raw.slice(end + 1, end + 200).split("<")[0]!);
  add(structured, kind, value, `itemprop ${a.itemprop}`, bad);
}

// ---- dates in visible text ----

/** Visible text of a piece of markup, entities decoded, script and style left out. */
function textOf(html: string): string {
  // Without a tag or an entity, the text is the markup itself.
  if (!html.includes("<") && !html.includes("&")) return tidy(html);
  let out = "";
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === "script" || name === "style") hidden++;
      },
      onclosetag(name) {
        if ((name === "script" || name === "style") && hidden > 0) hidden--;
        else if (BLOCK.has(name)) out += "\n";
      },
      ontext(text) {
        if (!hidden) out += text;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return tidy(out);
}

function tidy(text: string): string {
  return text.replace(/[ \t\u00a0\r\f]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
}

const ATTR_MARKS = /\b(?:class|id|itemprop)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

function marksOf(attrs: string): string {
  let out = "";
  ATTR_MARKS.lastIndex = 0;
  for (let m = ATTR_MARKS.exec(attrs); m; m = ATTR_MARKS.exec(attrs)) out += ` ${m[1] ?? m[2] ?? m[3]}`;
  return out;
}

interface Block {
  start: number;
  end: number;
  markup: string;
  inTime: boolean;
}

/** The block of text that holds position `p`, and the markup (class, id, itemprop) of the elements around it. */
function blockAt(raw: string, p: number, bodyAt: number): Block {
  let start = -1;
  let markup = "";
  let inTime = false;
  let timeClosed = false;
  let depth = 0;
  let ancestors = 0;
  const floor = Math.max(bodyAt, p - MARKUP_BACK);
  for (let q = raw.lastIndexOf("<", p); q >= floor; q = raw.lastIndexOf("<", q - 1)) {
    TAG_AT.lastIndex = q;
    const t = TAG_AT.exec(raw);
    if (!t) continue;
    const closing = t[1] === "/";
    const name = t[2]!.toLowerCase();
    if (start < 0 && (BLOCK.has(name) || q < p - BLOCK_BACK)) start = q < p - BLOCK_BACK ? raw.indexOf(">", q) + 1 : q + t[0].length;
    if (name === "time") {
      if (closing) timeClosed = true;
      else if (!timeClosed) inTime = true;
    }
    if (VOID.has(name)) continue;
    if (closing) depth++;
    else if (depth > 0) depth--;
    else {
      markup += ` <${name}>${marksOf(t[3]!)}`;
      if (++ancestors >= MAX_ANCESTORS && start >= 0) break;
    }
  }
  if (start < 0) start = Math.max(floor, raw.lastIndexOf(">", p) + 1);
  let end = Math.min(raw.length, p + BLOCK_AHEAD);
  for (let q = raw.indexOf("<", p); q >= 0 && q < p + BLOCK_AHEAD; q = raw.indexOf("<", q + 1)) {
    TAG_AT.lastIndex = q;
    const t = TAG_AT.exec(raw);
    end = q;
    if (t && BLOCK.has(t[2]!.toLowerCase())) break;
  }
  return { start, end, markup: markup.toLowerCase(), inTime };
}

/** Where the headline stands: the <h1> that best matches the cleaner's headline, else the headline's text. */
function headlineAt(raw: string, bodyAt: number, h1s: number[], title: string): number | null {
  const want = words(title);
  let best: { at: number; score: number } | null = null;
  for (const at of h1s) {
    H1_END.lastIndex = at;
    const end = H1_END.exec(raw);
    const have = words(textOf(raw.slice(at, end ? end.index : at + 500)));
    const shared = [...have].filter((w) => want.has(w)).length;
    const score = want.size ? shared / want.size : 0;
    if (!best || score > best.score) best = { at, score };
  }
  if (best && (best.score >= 0.5 || !title)) return best.at;
  const probe = title.slice(0, 40);
  if (probe.length >= 12 && !/[&<>"']/.test(probe)) {
    const at = raw.indexOf(probe, bodyAt);
    if (at >= 0) return at;
  }
  return best ? best.at : null;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Blocks of text at most this far apart (in characters of markup) are neighbours. */
const NEIGHBOURHOOD = 800;

function visibleDates(input: HtmlInput, years: number[], bodyAt: number, headline: number | null): VisibleDate[] {
  const { raw, paragraphs } = input;
  const found: { block: Block; text: string; dates: ReturnType<typeof findDates> }[] = [];
  let blockEnd = -1;
  for (const p of years) {
    if (p < blockEnd) continue;
    const block = blockAt(raw, p, bodyAt);
    blockEnd = Math.max(block.end, p + 4);
    const text = textOf(raw.slice(block.start, block.end));
    const dates = findDates(text);
    if (dates.length) found.push({ block, text, dates });
  }
  if (!found.length) return [];
  const first = probeOf(paragraphs[0] ?? "");
  const last = probeOf(paragraphs[paragraphs.length - 1] ?? "");
  const bodyStart = first.length >= 12 ? raw.indexOf(first, headline ?? bodyAt) : -1;
  const lastAt = last.length >= 12 ? raw.indexOf(last, Math.max(bodyStart, bodyAt)) : -1;
  const bodyEnd = lastAt < 0 ? -1 : lastAt + (paragraphs[paragraphs.length - 1]?.length ?? 0);
  const body = paragraphs.join(" ");
  const out: VisibleDate[] = [];
  for (const f of found) {
    const at = f.block.start;
    const neighbours = found.filter((g) => g !== f && Math.abs(g.block.start - at) <= NEIGHBOURHOOD).length;
    for (const date of f.dates) {
      out.push({
        date,
        block: f.text,
        index: out.length,
        position: (at - bodyAt) / Math.max(1, raw.length - bodyAt),
        fromHeadline: headline === null ? null : (at - headline) / 1000,
        fromBody: bodyStart < 0 ? null : (at - bodyStart) / 1000,
        afterBody: bodyEnd >= 0 && at > bodyEnd,
        neighbours,
        markup: f.block.markup,
        inTime: f.block.inTime,
        inBody: inBody(f.text, date.start, date.end, body),
      });
    }
  }
  return out;
}
