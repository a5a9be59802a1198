// An HTML page: metadata from <head> and JSON-LD, its headline reconciled from the page's own
// statements of it, and its text blocks in reading order (html-blocks.ts) for the text rules.
import type { ArticleMeta } from "../types.ts";
import { emptyMeta } from "./text.ts";
import { parsePage, textOf, type El } from "./dom.ts";
import { pageBlocks, shownText, type Block } from "./html-blocks.ts";
import { reconcileHeadline, titleSitePart, type HeadlineClaims } from "./headline.ts";

export interface HtmlParts {
  meta: ArticleMeta;
  /** The page's text blocks in reading order. */
  blocks: Block[];
  /** JSON-LD articleBody when the page has one. */
  articleBody: string | null;
}

export function parseHtml(html: string, url: string | null = null): HtmlParts {
  const root = parsePage(html);
  const found = collect(root);
  const meta = emptyMeta();
  const claims: HeadlineClaims = { og: null, jsonLd: null, twitter: null, h1: [], title: null, siteName: null, url };
  readMeta(found, meta, claims);
  const articleBody = readJsonLd(found.jsonLd, meta, claims);
  claims.siteName = meta.siteName ?? meta.publisher;
  claims.url = meta.url ?? url;
  meta.title = reconcileHeadline(claims) || null;
  const titleSite = titleSitePart(claims.title, meta.title);
  if (titleSite) meta.titleSite = titleSite;
  const blocks = pageBlocks(root);
  if (articleBody) markStructuredBody(blocks, articleBody);
  return { meta, blocks, articleBody };
}

/** Each block's share of words that the page's JSON-LD articleBody also has. */
function markStructuredBody(blocks: Block[], articleBody: string): void {
  const words = new Set(articleBody.toLowerCase().match(WORD) ?? []);
  for (const b of blocks) {
    const own = b.text.toLowerCase().match(WORD);
    if (!own) continue;
    let hits = 0;
    for (const w of own) if (words.has(w)) hits++;
    b.dom.ldShare = hits / own.length;
  }
}

const WORD = /[\p{L}\p{N}_]+/gu;

const clean = (s: string): string => s.replace(/\s+/g, " ").trim();

interface Found {
  metas: El[];
  links: El[];
  title: El | null;
  jsonLd: El[];
  h1: El[];
}

/** One walk for everything the metadata needs. */
function collect(root: El): Found {
  const out: Found = { metas: [], links: [], title: null, jsonLd: [], h1: [] };
  const stack: El[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.name) {
      case "meta":
        out.metas.push(e);
        break;
      case "link":
        out.links.push(e);
        break;
      case "title":
        out.title ??= e;
        break;
      case "script":
        if (/ld\+json/i.test(e.attrs.type ?? "")) out.jsonLd.push(e);
        break;
      case "h1":
        if (out.h1.length < 3) out.h1.push(e);
        break;
    }
    // An <svg> has its own <title>: never the page's.
    if (e.name === "svg" || e.name === "script" || e.name === "style") continue;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== "string") stack.push(c);
    }
  }
  return out;
}

function readMeta(found: Found, meta: ArticleMeta, claims: HeadlineClaims): void {
  const values = new Map<string, string>();
  for (const m of found.metas) {
    const key = (m.attrs.property || m.attrs.name || m.attrs.itemprop || "").toLowerCase();
    const v = clean(m.attrs.content ?? "");
    if (key && v && !values.has(key)) values.set(key, v);
  }
  const get = (...keys: string[]): string | null => {
    for (const key of keys) {
      const v = values.get(key);
      if (v) return v;
    }
    return null;
  };
  claims.og = get("og:title");
  claims.twitter = get("twitter:title", "headline", "dc.title");
  meta.siteName = get("og:site_name", "application-name");
  meta.outletHint = get("digest:outlet");
  const changed = get("digest:changed");
  if (changed) meta.changed = changed;
  const fed = get("digest:date");
  if (fed) meta.feedDate = fed;
  meta.source = meta.siteName ?? get("publisher", "dc.publisher");
  meta.author = get("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author");
  if (meta.author && /^https?:/.test(meta.author)) meta.author = null;
  const date = get("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "publish-date", "article.published");
  if (date) {
    meta.date = date;
    meta.dateOrigin = "html-meta";
  }
  const canonical = found.links.find((e) => /\bcanonical\b/i.test(e.attrs.rel ?? ""));
  meta.url = (canonical && canonical.attrs.href) || get("og:url", "twitter:url", "digest:url");
  if (meta.url && !/^https?:\/\//.test(meta.url)) meta.url = null;
  claims.title = found.title ? clean(textOf(found.title)) || null : null;
  claims.h1 = found.h1.map((e) => clean(shownText(e))).filter(Boolean);
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function readJsonLd(scripts: El[], meta: ArticleMeta, claims: HeadlineClaims): string | null {
  let body: string | null = null;
  for (const s of scripts) {
    let data: Json;
    try {
      data = JSON.parse(textOf(s)) as Json;
    } catch {
      continue;
    }
    for (const item of flatten(data)) {
      const type = item["@type"];
      const types = Array.isArray(type) ? type.map(String) : [String(type ?? "")];
      if (!types.some((t) => /Article|Posting|Report|NewsArticle|BlogPosting/i.test(t))) continue;
      if (typeof item.headline === "string" && !claims.jsonLd) claims.jsonLd = clean(item.headline) || null;
      if (typeof item.datePublished === "string" && (!meta.date || meta.dateOrigin !== "html-meta")) {
        meta.date = item.datePublished;
        meta.dateOrigin = "json-ld";
      }
      const publisher = item.publisher;
      if (!meta.publisher && publisher && typeof publisher === "object" && !Array.isArray(publisher) && typeof publisher.name === "string") meta.publisher = clean(publisher.name);
      meta.source ??= meta.publisher;
      const author = Array.isArray(item.author) ? item.author[0] : item.author;
      if (!meta.author && author && typeof author === "object" && !Array.isArray(author) && typeof author.name === "string") meta.author = clean(author.name);
      if (!meta.url && typeof item.url === "string" && /^https?:\/\//.test(item.url)) meta.url = item.url;
      if (typeof item.articleBody === "string" && item.articleBody.length > (body?.length ?? 0)) body = item.articleBody;
    }
  }
  return body;
}

/** JSON-LD items, nested @graph lists included, without recursion. */
function flatten(data: Json): { [k: string]: Json }[] {
  const out: { [k: string]: Json }[] = [];
  const stack: Json[] = [data];
  while (stack.length > 0 && out.length < 1000) {
    const d = stack.pop()!;
    if (Array.isArray(d)) for (let i = d.length - 1; i >= 0; i--) stack.push(d[i]!);
    else if (d && typeof d === "object") {
      out.push(d);
      const graph = d["@graph"];
      if (Array.isArray(graph)) for (let i = graph.length - 1; i >= 0; i--) stack.push(graph[i]!);
    }
  }
  return out;
}
