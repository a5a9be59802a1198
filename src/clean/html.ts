// An HTML page: metadata from <head> and JSON-LD, the article's block text from the DOM, then the text rules.
import { parseDocument, DomUtils } from "htmlparser2";
import type { AnyNode, Element } from "domhandler";
import type { ArticleMeta } from "../types.ts";
import { emptyMeta } from "./text.ts";
import { articleLines } from "./html-content.ts";

export interface HtmlParts {
  meta: ArticleMeta;
  /** The page's block text, one block per line, with the chosen article region only. */
  text: string;
  /** JSON-LD articleBody when the page has one. */
  articleBody: string | null;
}

export function parseHtml(html: string): HtmlParts {
  const dom = parseDocument(html, { decodeEntities: true });
  const meta = readMeta(dom.children);
  const articleBody = readJsonLd(dom.children, meta);
  const lines = articleLines(dom.children);
  const h1 = DomUtils.findOne((e) => e.name === "h1", dom.children, true);
  if (!meta.title && h1) meta.title = clean(DomUtils.textContent(h1));
  return { meta, text: lines.join("\n\n"), articleBody };
}

function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function attr(e: Element, name: string): string {
  return e.attribs[name] ?? "";
}

function readMeta(nodes: AnyNode[]): ArticleMeta {
  const meta = emptyMeta();
  const metas = DomUtils.findAll((e) => e.name === "meta", nodes);
  const get = (...keys: string[]): string | null => {
    for (const key of keys) {
      const m = metas.find((e) => (attr(e, "property") || attr(e, "name") || attr(e, "itemprop")).toLowerCase() === key);
      const v = m ? clean(attr(m, "content")) : "";
      if (v) return v;
    }
    return null;
  };
  meta.title = get("og:title", "twitter:title", "headline", "dc.title");
  meta.siteName = get("og:site_name", "application-name");
  meta.outletHint = get("digest:outlet");
  meta.source = meta.siteName ?? get("publisher", "dc.publisher");
  meta.author = get("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author");
  if (meta.author && /^https?:/.test(meta.author)) meta.author = null;
  const date = get("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "publish-date", "article.published");
  if (date) {
    meta.date = date;
    meta.dateOrigin = "html-meta";
  }
  const canonical = DomUtils.findOne((e) => e.name === "link" && /\bcanonical\b/i.test(attr(e, "rel")), nodes, true);
  meta.url = (canonical && attr(canonical, "href")) || get("og:url", "twitter:url", "digest:url");
  if (meta.url && !/^https?:\/\//.test(meta.url)) meta.url = null;
  if (!meta.title) {
    const t = DomUtils.findOne((e) => e.name === "title", nodes, true);
    if (t) meta.title = stripSiteName(clean(DomUtils.textContent(t)), meta.source);
  }
  if (!meta.date) {
    const time = DomUtils.findOne((e) => e.name === "time" && !!attr(e, "datetime"), nodes, true);
    if (time) {
      meta.date = attr(time, "datetime");
      meta.dateOrigin = "html-meta";
    }
  }
  return meta;
}

/** "Headline | Outlet" or "Headline - Outlet" in <title>: keep the headline. */
function stripSiteName(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  if (site) {
    const kept = parts.filter((p) => p.toLowerCase() !== site.toLowerCase());
    if (kept.length) return kept.join(" - ");
  }
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function readJsonLd(nodes: AnyNode[], meta: ArticleMeta): string | null {
  let body: string | null = null;
  for (const s of DomUtils.findAll((e) => e.name === "script" && /ld\+json/i.test(attr(e, "type")), nodes)) {
    let data: Json;
    try {
      data = JSON.parse(DomUtils.textContent(s)) as Json;
    } catch {
      continue;
    }
    for (const item of flatten(data)) {
      const type = item["@type"];
      const types = Array.isArray(type) ? type.map(String) : [String(type ?? "")];
      if (!types.some((t) => /Article|Posting|Report|NewsArticle|BlogPosting/i.test(t))) continue;
      if (typeof item.headline === "string" && !meta.title) meta.title = clean(item.headline);
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

function flatten(data: Json): { [k: string]: Json }[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (data && typeof data === "object") {
    const graph = data["@graph"];
    return [data, ...(Array.isArray(graph) ? graph.flatMap(flatten) : [])];
  }
  return [];
}
