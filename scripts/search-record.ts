// A story page's search document (src/site/search.ts: the marked element in a bare document) as the record Pagefind
// makes of it when it parses the HTML: its "digest" (the text, headings wrapped in Pagefind's weight markers,
// a full stop closing each block whose text ends in a word) and its title (the first h1's text). Pagefind's
// `addCustomRecord` takes a digest as it is, into the same word step, so the index is the one it would build
// from the HTML, without Pagefind parsing the page (pagefind 1.6.0: fossick/parser.rs makes the digest,
// service/api.rs passes a record's content on as one). What follows that parser is a subset: a document with
// anything else (another tag, an id, a Pagefind attribute, an entity our escaping does not write) gives null,
// and goes to Pagefind as HTML. test/scripts/search-record.test.ts holds records to Pagefind's own parse.
// The build does not send records (docs/scaling.md, stop 83, pf83: the same index, and no cheaper cold build:
// what Pagefind saves, making them costs here); scripts/check-search-records.ts and bench-pagefind.ts use them.

export interface SearchRecord {
  /** The digest: what Pagefind indexes, and cuts its excerpts from. */
  content: string;
  /** The result's title, when the document has an h1 with text. */
  meta: Record<string, string>;
}

/** The blocks Pagefind closes with a space and, after a word, a full stop (its SENTENCE_SELECTORS). */
const SENTENCE = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"]);
const WEIGHT: Record<string, string> = { h1: "7", h2: "6", h3: "5", h4: "4", h5: "3", h6: "2" };
/** The other elements followed: inline ones, and the document's frame. */
const FOLLOWED = new Set([...SENTENCE, "html", "body", "ol", "a", "span", "bdi", "time", "strong", "em", "b", "i", "small", "sup", "sub", "cite", "q", "abbr", "code"]);
/** What may be inside a p or a heading without the HTML parser closing it first. */
const PHRASING = new Set(["a", "span", "bdi", "time", "strong", "em", "b", "i", "small", "sup", "sub", "cite", "q", "abbr", "code", "br"]);
/** The last character after which Pagefind adds a full stop: Rust's `[\w'"\)\$\*]` (its \w is Unicode's). */
const SENTENCE_END = /^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;
const ENTITY = /&(?:(amp|lt|gt|quot|#39);|)/g;
const DECODED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const TAG = /^<(\/?)([a-z][a-z0-9]*)((?:\s[^<>]*)?)>$/;
/** One attribute, as our templates write them: a name, and a double-quoted value (escaped: no quote or angle bracket in it). */
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)(?:="[^"<>]*")?/gy;
const WHITE = "\\p{White_Space}";
const TRIM = new RegExp(`^[${WHITE}]+|[${WHITE}]+$`, "gu");
const NEWLINES = /(?:\n|\r\n)+/g;
const SPACES = new RegExp(`[${WHITE}]{2,}`, "gu");

interface Node {
  tag: string;
  value: string;
  /**
   * Pagefind's node states: the marked element ("body"), one that held it ("holds": what it gathered before went,
   * and only the marked content, and text of its own, is added to it), any other ("index").
   */
  status: "index" | "body" | "holds";
  parent: Node | null;
}

/** Pagefind's normalize_content: entities decoded, white space trimmed, line breaks and runs of white space made one space. */
function normalized(raw: string): string | null {
  let bad = false;
  const decoded = raw.replace(ENTITY, (_, name: string | undefined) => {
    if (name === undefined) bad = true;
    return name === undefined ? "&" : DECODED[name]!;
  });
  return bad ? null : decoded.replace(TRIM, "").replace(NEWLINES, " ").replace(SPACES, " ");
}

function lastChar(value: string): string {
  const code = value.codePointAt(value.length - 1);
  if (code === undefined) return "";
  // The last character may be the second half of a surrogate pair.
  return code >= 0xdc00 && code <= 0xdfff && value.length > 1 ? String.fromCodePoint(value.codePointAt(value.length - 2)!) : String.fromCodePoint(code);
}

/** The names of a tag's attributes, or null when they are not written as our templates write them. */
function attributeNames(attributes: string): string[] | null {
  const names: string[] = [];
  ATTRIBUTE.lastIndex = 0;
  let end = 0;
  for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
    names.push(match[1]!);
    end = ATTRIBUTE.lastIndex;
  }
  return end === attributes.length ? names : null;
}

/** The record Pagefind would make of `document`, or null when it holds what this does not follow. */
export function searchRecord(document: string): SearchRecord | null {
  const root: Node = { tag: "", value: "", status: "index", parent: null };
  let node = root;
  let title: string | null = null;
  let bodies = 0;
  for (let at = 0; at < document.length; ) {
    const open = document.indexOf("<", at);
    const textEnd = open < 0 ? document.length : open;
    if (textEnd > at) {
      if (node === root) return null;
      node.value += document.slice(at, textEnd);
    }
    if (open < 0) break;
    const close = document.indexOf(">", open);
    if (close < 0) return null;
    const tag = TAG.exec(document.slice(open, close + 1));
    if (!tag) return null;
    at = close + 1;
    const [, slash, name, attributes] = tag as unknown as [string, string, string, string];
    if (name === "br") {
      if (slash || node === root) return null;
      node.value += " ";
      continue;
    }
    if (!FOLLOWED.has(name)) return null;
    if (!slash) {
      if ((node.tag === "p" || node.tag in WEIGHT) && !PHRASING.has(name)) return null;
      const names = attributeNames(attributes);
      if (names === null || names.some((n) => n === "id" || (n.startsWith("data-pagefind-") && n !== "data-pagefind-body"))) return null;
      const marked = names.includes("data-pagefind-body");
      if (marked && ++bodies > 1) return null;
      node = { tag: name, value: "", status: marked ? "body" : "index", parent: node };
      continue;
    }
    if (node.tag !== name || !node.parent) return null;
    const parent: Node = node.parent;
    if (name === "h1" && title === null && node.value.replace(TRIM, "") !== "") {
      title = normalized(node.value);
      if (title === null) return null;
    }
    let value = node.value;
    if (SENTENCE.has(name)) value = ` ${value}${SENTENCE_END.test(lastChar(value)) ? "." : ""} `;
    const weight = WEIGHT[name];
    if (weight) value = ` ___PAGEFIND_AUTO_WEIGHT___${weight} ${value} ___END_PAGEFIND_WEIGHT___ `;
    if (node.status !== "index") {
      if (parent.status !== "holds") parent.value = "";
      parent.value += value;
      parent.status = "holds";
    } else if (parent.status !== "holds") parent.value += value;
    node = parent;
  }
  if (node !== root) return null;
  const content = normalized(root.value);
  if (content === null) return null;
  return { content, meta: title === null ? {} : { title } };
}
