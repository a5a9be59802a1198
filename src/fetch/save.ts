// A fetched page becomes an input file of the build: `<input>/<host>/<hash of URL>.html`, UTF-8, with
// Digest's meta tags first in the document (the URL it came from, the feed's title as outlet, the item's
// date). Fetched text is only ever data here: values are escaped into attributes, a feed's full text is
// rebuilt from a short list of text elements with no attributes, so nothing in it can run.
import { mkdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Parser, parseDocument } from "htmlparser2";
import type { ChildNode } from "domhandler";
import { shortHash } from "../text/hash.ts";
import { DEFAULT_MAX_BYTES, decode } from "../ingest/index.ts";
import type { CleanRule } from "../clean/index.ts";
import { runPipeline } from "../pipeline.ts";
import { writeWhole } from "../output/index.ts";

export interface PageMeta {
  /** The address the page was fetched from (after redirects), or the item's link; null for an item that has none. */
  url: string | null;
  /** The feed's title. */
  outlet: string | null;
  /** The item's date, ISO 8601. */
  date: string | null;
  /**
   * When the feed says the item last changed, ISO 8601: a correction saved over an earlier copy moves its
   * story's feed date (src/digest/stamps.ts `stamped`). Named so that the date scan does not read it as the page's own modified date.
   */
  changed?: string | null;
}

/**
 * Where an item's page is saved, relative to the input folder: stable for a URL, safe as a path. A linkless
 * item's key keeps its fragment (`<feed URL>#item-<hash>`), which is all that tells one such item from another.
 */
export function pageFile(url: string, linked = true): string {
  const u = new URL(url);
  if (linked) u.hash = "";
  const host = `${u.hostname}${u.port ? `_${u.port}` : ""}`.toLowerCase().replace(/[^a-z0-9.-]/g, "_").replace(/^\.+/, "_");
  return `${host}/${shortHash(u.href, 16)}.html`;
}

function escapeAttribute(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function metaTags(meta: PageMeta): string {
  const tags = ['<meta charset="utf-8">'];
  if (meta.url) tags.push(`<meta name="digest:url" content="${escapeAttribute(meta.url)}">`);
  if (meta.outlet) tags.push(`<meta name="digest:outlet" content="${escapeAttribute(meta.outlet)}">`);
  if (meta.date) tags.push(`<meta name="digest:date" content="${escapeAttribute(meta.date)}">`);
  if (meta.changed) tags.push(`<meta name="digest:changed" content="${escapeAttribute(meta.changed)}">`);
  return tags.join("\n");
}

/**
 * Where Digest's tags go: just inside <head> when the page opens with one, else inside <html>, else before
 * the first element. Either way no element of the page comes before them, so a page cannot pre-empt them
 * with digest:* tags of its own. Found with the HTML tokenizer, so markup in comments or scripts is ignored.
 */
function insertionPoint(html: string): number {
  let afterHtml = -1;
  let point = -1;
  const parser = new Parser({
    onopentagname(name) {
      if (point >= 0 || name === "html") return;
      if (name !== "head") point = afterHtml >= 0 ? afterHtml : parser.startIndex;
    },
    onopentag(name) {
      if (point >= 0) return;
      if (name === "html" && afterHtml < 0) afterHtml = parser.endIndex + 1;
      else if (name === "head") point = parser.endIndex + 1;
    },
  });
  parser.end(html);
  return point >= 0 ? point : afterHtml >= 0 ? afterHtml : 0;
}

/** The fetched page with Digest's meta tags added; nothing else in it changes. */
export function withMeta(html: string, meta: PageMeta): string {
  const at = insertionPoint(html);
  return `${html.slice(0, at)}\n${metaTags(meta)}\n${html.slice(at)}`;
}

/** Elements kept from a feed's full text, without attributes; h1 becomes h2 (the page's h1 is the title). */
const KEPT = new Set(["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "em", "strong", "b", "i", "u", "q", "cite", "code", "sub", "sup", "small", "figcaption", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "caption"]);
/** Elements dropped with everything inside them: active, embedded or invisible content. */
const DROPPED = new Set(["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "template", "noscript", "svg", "math", "form", "input", "button", "select", "textarea", "link", "meta", "base", "head", "title", "img", "picture", "video", "audio", "source", "canvas", "map"]);

function rebuild(nodes: ChildNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += escapeText(node.data);
    else if (node.type === "tag" || node.type === "script" || node.type === "style") {
      const name = node.name.toLowerCase();
      if (DROPPED.has(name) || node.type !== "tag") continue;
      const inner = rebuild(node.children);
      if (name === "br") out += "<br>";
      else if (name === "hr") out += "<hr>";
      else if (name === "h1") out += `<h2>${inner}</h2>\n`;
      else if (KEPT.has(name)) out += `<${name}>${inner}</${name}>${/^(p|h\d|ul|ol|li|blockquote|pre|table|tr|dl)$/.test(name) ? "\n" : ""}`;
      else out += inner;
    }
  }
  return out;
}

/** A page written from the feed's own full text, for when the article page cannot be had. */
export function pageFromFeedText(title: string | null, content: { html: string } | { text: string }, meta: PageMeta): string {
  const body =
    "html" in content
      ? rebuild(parseDocument(content.html).children)
      : content.text
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => `<p>${escapeText(p)}</p>\n`)
          .join("");
  const heading = title ? escapeText(title) : "";
  // The item's date is this page's publication date, so it is also stated the standard way.
  const published = meta.date ? `\n<meta property="article:published_time" content="${escapeAttribute(meta.date)}">` : "";
  return `<!DOCTYPE html>\n<html>\n<head>\n${metaTags(meta)}${published}\n${heading ? `<title>${heading}</title>\n` : ""}</head>\n<body>\n<article>\n${heading ? `<h1>${heading}</h1>\n` : ""}${body}</article>\n</body>\n</html>\n`;
}

/** Why the build would reject this page as an input, or null when it would read it as an article. */
export function rejectionOf(html: string, rules?: readonly CleanRule[]): string | null {
  const bytes = Buffer.from(html, "utf8");
  if (bytes.length > DEFAULT_MAX_BYTES) return `larger than the build's ${DEFAULT_MAX_BYTES / 1024 / 1024} MiB limit once decoded`;
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded.reason;
  try {
    const result = runPipeline([{ path: "page.html", format: "html", text: decoded.text, encoding: decoded.encoding, mtime: new Date(0) }], { zone: "UTC", rules });
    return result.rejected[0]?.reason ?? null;
  } catch (error) {
    return `could not be cleaned: ${(error as Error).message}`;
  }
}

/** Written to a temporary name beside it, then renamed: a build never sees half a page. */
export async function writePage(inputDir: string, file: string, html: string): Promise<void> {
  const path = join(inputDir, file);
  await mkdir(dirname(path), { recursive: true });
  await writeWhole(path, html, { temp: join(dirname(path), `.${basename(path)}.${process.pid}.tmp`) });
}
