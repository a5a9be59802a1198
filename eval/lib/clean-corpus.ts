// The dev pages the cleaning evals read: extraction-dev (true article bodies), webpages-dev
// (must / must-not snippets) and dates-dev (pages only, used here for headlines), each with its
// text dump and its HTML, decoded as the corpus README says (BOM, then UTF-8, then the meta charset).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { DomUtils, parseDocument } from "htmlparser2";
import { halfOf, type Half } from "./split.ts";
import { readJsonl } from "./jsonl.ts";
import { decodeWindows1252 } from "../../src/ingest/windows-1252.ts";

export const corpusDir = resolve(process.env.EXTRACTION_CORPUS ?? new URL("../../../shared/corpus", import.meta.url).pathname);

export interface DevPage {
  set: "extraction" | "webpages" | "dates";
  id: string;
  url: string | null;
  half: Half;
  text: string;
  html: string;
  /** extraction-dev: the true article body. */
  truth?: string;
  /** webpages-dev: snippets that must / must not appear. */
  with?: string[];
  without?: string[];
}

const readSet = <T>(file: string): T[] => readJsonl<T>(join(corpusDir, file));

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Page bytes to text: a BOM, else valid UTF-8, else the charset the page declares (windows-1252 when none). */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return utf8.decode(bytes);
  } catch {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
    const label = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? "windows-1252";
    if (/^(windows-1252|iso-8859-1|latin1|us-ascii|ascii|cp1252)$/.test(label)) {
      return decodeWindows1252(bytes);
    }
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      return new TextDecoder("latin1").decode(bytes);
    }
  }
}

function html(dir: string, id: string): string {
  return decodeHtml(gunzipSync(readFileSync(join(corpusDir, dir, `${id}.html.gz`))));
}

export function loadExtraction(): DevPage[] {
  return readSet<{ id: string; url: string; text_dump: string; article_body: string }>("extraction-dev.jsonl").map((r) => ({
    set: "extraction", id: r.id, url: r.url, half: halfOf(r.id), text: r.text_dump, html: html("extraction-html", r.id), truth: r.article_body,
  }));
}

export function loadWebpages(): DevPage[] {
  return readSet<{ id: string; url: string | null; text_dump: string; with: string[]; without: string[] }>("webpages-dev.jsonl").map((r) => ({
    set: "webpages", id: r.id, url: r.url, half: halfOf(r.id), text: r.text_dump, html: html("webpages-html", r.id), with: r.with, without: r.without,
  }));
}

export function loadDates(): DevPage[] {
  return readSet<{ id: string; url: string | null; text_dump: string }>("dates-dev.jsonl").map((r) => ({
    set: "dates", id: r.id, url: r.url, half: halfOf(r.id), text: r.text_dump, html: html("dates-html", r.id),
  }));
}

const space = (s: string) => s.replace(/\s+/g, " ").trim();

/** The page's own headline: og:title, else the first h1, else <title>. */
export function goldHeadline(html: string): string {
  const dom = parseDocument(html, { decodeEntities: true });
  const og = DomUtils.findOne((e) => e.name === "meta" && (e.attribs.property ?? e.attribs.name ?? "").toLowerCase() === "og:title" && !!space(e.attribs.content ?? ""), dom.children, true);
  if (og) return space(og.attribs.content!);
  const h1 = DomUtils.findOne((e) => e.name === "h1" && !!space(DomUtils.textContent(e)), dom.children, true);
  if (h1) return space(DomUtils.textContent(h1));
  const title = DomUtils.findOne((e) => e.name === "title", dom.children, true);
  return title ? space(DomUtils.textContent(title)) : "";
}

/** The page's first non-empty <h1>, the headline a reader sees on it ("" when it has none). */
export function shownHeadline(html: string): string {
  const dom = parseDocument(html, { decodeEntities: true });
  const h1 = DomUtils.findOne((e) => e.name === "h1" && !!space(DomUtils.textContent(e)), dom.children, true);
  return h1 ? space(DomUtils.textContent(h1)) : "";
}

/** The pages of the given sets, each id once (kept from the first set that holds it), in the sets' order. */
export function distinctPages(...sets: DevPage[][]): DevPage[] {
  const seen = new Set<string>();
  return sets.flat().filter((p) => !seen.has(p.id) && (seen.add(p.id), true));
}
