// Finds the article's element in a parsed page by content and link density (after the readability
// family of extractors) and returns its block text, one block per line.
import type { AnyNode, Element } from "domhandler";

const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "nav", "footer",
  "aside", "figure", "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "input",
  "textarea", "dialog", "menu", "label", "option", "link", "meta", "title", "img", "base",
]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
  "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "br", "hr", "body", "html",
  "address", "center", "caption", "details", "summary",
]);
const SKIP_ROLES = /\b(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert|button)\b/;
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const SCORED = new Set(["p", "pre", "td", "blockquote"]);

/** Class and id words (prefixes) of page furniture, matched word by word: "pageRow" is not "pager". */
const UNLIKELY = words(
  "ad ads adv advert advertisement agegate ai2html banner breadcrumb combx comment community cover disqus extra footer gdpr header legends menu related remark replies rss shoutbox sidebar skyscraper social sponsor supplemental pagination pager popup newsletter subscribe promo recirc outbrain taboola share sharing cookie modal byline caption trending tags tag nav navbar toolbar signup login",
);
const MAYBE = words("article body column content main story post entry text");
const POSITIVE = words("article body content entry hentry main page post text blog story");
const NEGATIVE = words(
  "ad ads adv advert hidden hid banner combx comment com contact footer gdpr masthead media meta outbrain promo related scroll share sharing shoutbox sidebar skyscraper sponsor shopping tags tag widget newsletter subscribe recirc caption credit byline author timestamp dateline",
);
/** Words of these lengths or less must match exactly ("ad" is not "address"). */
const EXACT_BELOW = 4;

function words(list: string): Set<string> {
  return new Set(list.split(" "));
}

function hintWords(value: string): string[] {
  return value.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function matches(value: string, set: Set<string>): boolean {
  for (const w of hintWords(value)) {
    if (set.has(w)) return true;
    for (const k of set) if (k.length >= EXACT_BELOW && w.startsWith(k)) return true;
  }
  return false;
}

interface Stats {
  text: number;
  link: number;
  commas: number;
  paragraphs: number;
  items: number;
  images: number;
  inputs: number;
  score: number;
  scored: boolean;
}

const attr = (e: Element, name: string): string => e.attribs[name] ?? "";
const isTag = (n: AnyNode | null): n is Element => !!n && (n.type === "tag" || n.type === "script" || n.type === "style");
const hints = (e: Element): string => `${attr(e, "class")} ${attr(e, "id")}`;

function hidden(e: Element): boolean {
  if ("hidden" in e.attribs || attr(e, "aria-hidden") === "true") return true;
  return /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attr(e, "style"));
}

/** Never content: scripts, navigation, hidden elements, and furniture by its class or id. */
export function junk(e: Element, byHints = true): boolean {
  if (SKIP.has(e.name) || hidden(e) || SKIP_ROLES.test(attr(e, "role"))) return true;
  if (!byHints) return false;
  if (e.name === "body" || e.name === "html" || e.name === "article" || e.name === "main" || e.name === "a") return false;
  const h = hints(e);
  return h.length > 1 && matches(h, UNLIKELY) && !matches(h, MAYBE);
}

function classWeight(e: Element): number {
  let w = 0;
  for (const h of [attr(e, "class"), attr(e, "id")]) {
    if (!h) continue;
    if (matches(h, NEGATIVE)) w -= 25;
    if (matches(h, POSITIVE)) w += 25;
  }
  return w;
}

function tagWeight(name: string): number {
  if (name === "div" || name === "article" || name === "main") return 5;
  if (name === "pre" || name === "td" || name === "blockquote") return 3;
  if (/^(address|ol|ul|dl|dd|dt|li|form)$/.test(name)) return -3;
  if (HEADINGS.has(name) || name === "th") return -5;
  return 0;
}

const space = (s: string): string => s.replace(/\s+/g, " ");

/** One post-order pass: text, link text and element counts of every kept element. */
function measure(root: AnyNode[], stats: Map<Element, Stats>, byHints: boolean): { text: number; link: number } {
  const visit = (node: AnyNode, inLink: boolean): { text: number; link: number } => {
    if (node.type === "text") {
      const n = space(node.data).trim().length;
      return { text: n, link: inLink ? n : 0 };
    }
    if (!isTag(node) || junk(node, byHints)) return { text: 0, link: 0 };
    const s: Stats = { text: 0, link: 0, commas: 0, paragraphs: 0, items: 0, images: 0, inputs: 0, score: 0, scored: false };
    const link = inLink || node.name === "a";
    for (const child of node.children) {
      const r = visit(child, link);
      s.text += r.text;
      s.link += r.link;
      if (child.type === "text") s.commas += (child.data.match(/[,，、]/g) ?? []).length;
      if (isTag(child)) {
        const c = stats.get(child);
        if (c) {
          s.commas += c.commas;
          s.paragraphs += c.paragraphs;
          s.items += c.items;
          s.images += c.images;
          s.inputs += c.inputs;
        }
        if (child.name === "img") s.images++;
        if (child.name === "input" || child.name === "select" || child.name === "textarea") s.inputs++;
      }
    }
    if (node.name === "p") s.paragraphs++;
    if (node.name === "li") s.items++;
    stats.set(node, s);
    return { text: s.text, link: s.link };
  };
  let text = 0, link = 0;
  for (const n of root) {
    const r = visit(n, false);
    text += r.text;
    link += r.link;
  }
  return { text, link };
}

const density = (s: Stats): number => (s.text === 0 ? 0 : s.link / s.text);

function hasBlockChild(e: Element): boolean {
  return e.children.some((c) => isTag(c) && BLOCK.has(c.name) && c.name !== "br");
}

/** The element holding the article, with the sibling blocks that continue it. */
export function pickContent(nodes: AnyNode[], byHints = true): Element[] {
  const stats = new Map<Element, Stats>();
  measure(nodes, stats, byHints);
  const candidates: Element[] = [];
  const credit = (e: Element, amount: number) => {
    const s = stats.get(e);
    if (!s) return;
    if (!s.scored) {
      s.scored = true;
      s.score = tagWeight(e.name) + classWeight(e);
      candidates.push(e);
    }
    s.score += amount;
  };
  for (const [e, s] of stats) {
    const paragraphLike = SCORED.has(e.name) || (e.name === "div" && !hasBlockChild(e));
    if (!paragraphLike || s.text < 25) continue;
    const score = 1 + s.commas + Math.min(3, Math.floor(s.text / 100));
    let level = 0;
    for (let a = e.parent; isTag(a) && level < 5; a = a.parent, level++) {
      credit(a, score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  for (const e of candidates) {
    const s = stats.get(e)!;
    s.score *= 1 - density(s);
  }
  let top: Element | null = null;
  for (const e of candidates) if (!top || stats.get(e)!.score > stats.get(top)!.score) top = e;
  if (!top) {
    const body = nodes.flatMap((n) => (isTag(n) ? [n] : [])).find((n) => n.name === "html" || n.name === "body");
    return body ? [body] : nodes.filter(isTag);
  }
  top = climb(top, stats);
  return withSiblings(top, stats);
}

/** A parent that scores higher than the candidate holds more of the article (readability's walk up). */
function climb(top: Element, stats: Map<Element, Stats>): Element {
  let last = stats.get(top)!.score;
  const threshold = last / 3;
  for (let p = top.parent; isTag(p) && p.name !== "body" && p.name !== "html"; p = p.parent) {
    const s = stats.get(p);
    if (!s || !s.scored) continue;
    if (s.score < threshold) break;
    if (s.score > last) return p;
    last = s.score;
  }
  let e = top;
  while (isTag(e.parent) && e.parent.name !== "body" && e.parent.children.filter(isTag).length === 1 && stats.has(e.parent)) e = e.parent;
  return e;
}

function withSiblings(top: Element, stats: Map<Element, Stats>): Element[] {
  const parent = top.parent;
  if (!isTag(parent)) return [top];
  const topScore = stats.get(top)!.score;
  const threshold = Math.max(10, topScore * 0.2);
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (!isTag(sib)) continue;
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s) continue;
    const bonus = attr(sib, "class") && attr(sib, "class") === attr(top, "class") ? topScore * 0.2 : 0;
    if (s.scored && s.score + bonus >= threshold) out.push(sib);
    else if (sib.name === "p") {
      if (s.text > 80 && density(s) < 0.25) out.push(sib);
      else if (s.text > 0 && s.text <= 80 && density(s) === 0 && /\.( |$)/.test(sib.children.map(textOf).join(""))) out.push(sib);
    }
  }
  return out;
}

function textOf(n: AnyNode): string {
  if (n.type === "text") return n.data;
  if (isTag(n)) return n.children.map(textOf).join("");
  return "";
}

/** Link lists, image galleries, forms and negatively named boxes inside the content (readability's conditional clean). */
function dropInside(e: Element, stats: Map<Element, Stats>): boolean {
  if (!/^(div|section|ul|ol|table|header|dl|aside|span)$/.test(e.name) && !HEADINGS.has(e.name)) return false;
  const s = stats.get(e);
  if (!s) return true;
  const weight = classWeight(e);
  if (HEADINGS.has(e.name)) return weight < 0 || density(s) > 0.33;
  if (weight < 0 && s.text < 600) return true;
  if (s.commas >= 10) return false;
  const list = e.name === "ul" || e.name === "ol";
  if (s.images > 1 && s.paragraphs / s.images < 0.5 && s.text < 200) return true;
  if (!list && s.items > s.paragraphs + 10 && density(s) > 0.2) return true;
  if (s.inputs > s.paragraphs / 3) return true;
  if (weight < 25 && density(s) > 0.4 && s.text > 0) return true;
  if (weight >= 25 && density(s) > 0.6) return true;
  return false;
}

/** Block text of the chosen elements, one line per block, furniture left out. */
export function contentLines(roots: Element[], page: AnyNode[], byHints = true): string[] {
  const stats = new Map<Element, Stats>();
  measure(page, stats, byHints);
  const lines: string[] = [];
  let buffer = "";
  const flush = () => {
    const t = space(buffer).trim();
    if (t) lines.push(t);
    buffer = "";
  };
  const walk = (list: AnyNode[]) => {
    for (const node of list) {
      if (node.type === "text") buffer += node.data;
      else if (isTag(node)) {
        if (junk(node, byHints) || dropInside(node, stats)) {
          if (BLOCK.has(node.name)) flush();
          continue;
        }
        if (BLOCK.has(node.name)) {
          flush();
          walk(node.children);
          flush();
        } else walk(node.children);
      }
    }
  };
  for (const r of roots) {
    if (junk(r, byHints)) continue;
    flush();
    walk(r.children);
    flush();
  }
  return lines;
}

/**
 * The article's lines. Class and id hints go wrong on some themes ("header-style-2" on the page
 * wrapper); when they leave almost nothing, the page is read again without them.
 */
export function articleLines(page: AnyNode[]): string[] {
  const lines = contentLines(pickContent(page), page);
  if (lines.join(" ").length >= 500) return lines;
  const loose = contentLines(pickContent(page, false), page, false);
  return loose.join(" ").length > lines.join(" ").length ? loose : lines;
}
