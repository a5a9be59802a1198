// An HTML page: metadata from <head> and JSON-LD, the article's block text from the DOM, then the text rules.
import { parseDocument, DomUtils } from "htmlparser2";
import type { AnyNode, Element } from "domhandler";
import type { ArticleMeta } from "../types.ts";
import { emptyMeta } from "./text.ts";

const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "nav", "footer",
  "aside", "figure", "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "head", "input", "textarea", "dialog", "menu",
]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "br", "hr", "body", "html", "address", "center",
]);
const SKIP_ROLES = /\b(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)\b/;

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
  const root = pickRoot(dom.children);
  const lines: string[] = [];
  collect(root, lines);
  const h1 = DomUtils.findOne((e) => e.name === "h1", dom.children, true);
  if (!meta.title && h1) meta.title = clean(DomUtils.textContent(h1));
  return { meta, text: lines.join("\n"), articleBody };
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
  meta.source = get("og:site_name", "application-name", "publisher", "dc.publisher");
  meta.author = get("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author");
  if (meta.author && /^https?:/.test(meta.author)) meta.author = null;
  const date = get("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "publish-date", "article.published");
  if (date) {
    meta.date = date;
    meta.dateOrigin = "html-meta";
  }
  const canonical = DomUtils.findOne((e) => e.name === "link" && /\bcanonical\b/i.test(attr(e, "rel")), nodes, true);
  meta.url = (canonical && attr(canonical, "href")) || get("og:url", "twitter:url");
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
      if (!meta.source && publisher && typeof publisher === "object" && !Array.isArray(publisher) && typeof publisher.name === "string") meta.source = clean(publisher.name);
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

function skipped(e: Element): boolean {
  if (SKIP.has(e.name)) return true;
  if ("hidden" in e.attribs || attr(e, "aria-hidden") === "true") return true;
  return SKIP_ROLES.test(attr(e, "role"));
}

/**
 * The element holding the article: an explicit articleBody or <article>, else the element whose
 * paragraphs carry the most text (each <p> credits its parent fully and its grandparent half).
 */
function pickRoot(nodes: AnyNode[]): AnyNode[] {
  const explicit = DomUtils.findOne((e) => attr(e, "itemprop") === "articleBody", nodes, true);
  if (explicit && textLength(explicit) > 300) return [explicit];
  const scores = new Map<Element, number>();
  for (const p of DomUtils.findAll((e) => e.name === "p", nodes)) {
    if (insideSkipped(p)) continue;
    const len = clean(DomUtils.textContent(p)).length;
    if (len < 25) continue;
    const parent = p.parent as Element | null;
    if (parent && parent.type === "tag") scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent?.parent as Element | null;
    if (grand && grand.type === "tag") scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [e, s] of scores) {
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  }
  const article = DomUtils.findAll((e) => e.name === "article", nodes).sort((a, b) => textLength(b) - textLength(a))[0];
  if (article && best && isAncestor(article, best)) return [article];
  if (best) return [best];
  const body = DomUtils.findOne((e) => e.name === "body", nodes, true);
  return body ? [body] : nodes;
}

function isAncestor(ancestor: Element, node: AnyNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function insideSkipped(e: Element): boolean {
  for (let n = e.parent as Element | null; n && n.type === "tag"; n = n.parent as Element | null) if (skipped(n)) return true;
  return false;
}

function textLength(e: Element): number {
  return clean(DomUtils.textContent(e)).length;
}

/** Block text, one line per block; inline runs between blocks become their own lines. */
function collect(nodes: AnyNode[], lines: string[]): void {
  let buffer = "";
  const flush = () => {
    const t = clean(buffer);
    if (t) lines.push(t);
    buffer = "";
  };
  const walk = (list: AnyNode[]) => {
    for (const node of list) {
      if (node.type === "text") buffer += (node as unknown as { data: string }).data;
      else if (node.type === "tag" || node.type === "script" || node.type === "style") {
        const e = node as Element;
        if (skipped(e)) continue;
        if (BLOCK.has(e.name)) {
          flush();
          walk(e.children);
          flush();
        } else walk(e.children);
      }
    }
  };
  walk(nodes);
  flush();
}
