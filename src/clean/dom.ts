// A page's element tree, built from htmlparser2's tokenizer with a stack that costs O(1) per tag
// (htmlparser2's own Parser moves its whole stack on every open tag: quadratic on deep nesting).
// Nesting past MAX_DEPTH is flattened (deeper elements hang from the element at that depth, in
// order), so the tree is never deeper than that; every walk over it is iterative all the same. Only what extraction reads is kept: elements, attributes,
// text, the text of JSON-LD scripts and of <title>; other scripts, styles and comments are dropped.
import type { TokenizerCallbacks } from "htmlparser2";
import { SkippingTokenizer } from "./html-tokenizer.ts";

export interface El {
  name: string;
  attrs: Attrs;
  /** What the class and id words say (html-blocks.ts), worked out once per element; -1 until then. */
  hints: number;
  /** Its place among the elements html-blocks.ts last measured the page by, -1 when that walk left it out. */
  at: number;
  /** Children in order: elements, and text as plain strings. */
  children: (El | string)[];
  parent: El | null;
}

/** Elements deeper than this are read as part of the element at this depth. */
export const MAX_DEPTH = 1000;
/** A page with more elements than this is refused: no article needs them, and reading them has a cost. */
export const MAX_ELEMENTS = 1_500_000;

const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const P = new Set(["p"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const FORM = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const DDT = new Set(["dd", "dt"]);
const TSECT = new Set(["thead", "tbody"]);
/** An opening tag closes these when they are the current element (htmlparser2's table). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])], ["th", new Set(["th"])], ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])], ["a", new Set(["a"])], ["li", new Set(["li"])],
  ["p", P], ["h1", HEADINGS], ["h2", HEADINGS], ["h3", HEADINGS], ["h4", HEADINGS], ["h5", HEADINGS], ["h6", HEADINGS],
  ["select", FORM], ["input", FORM], ["output", FORM], ["button", FORM], ["datalist", FORM], ["textarea", FORM],
  ["option", new Set(["option"])], ["optgroup", new Set(["optgroup", "option"])], ["dd", DDT], ["dt", DDT],
  ...["address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"].map(
    (n): [string, Set<string>] => [n, P],
  ),
  ["tbody", TSECT], ["tfoot", TSECT],
]);
/** Raw-text elements whose content is never page text. */
const DROP_TEXT = new Set(["script", "style", "noscript", "template", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

/**
 * The attributes anything reads (class and id words, roles, hiding, microdata, metadata and links),
 * each the first of its name in the tag: the others (src, srcset, data-*, inline handlers…) are never
 * copied out of the page. Every element's attributes have the one shape (the fields, unset), so the
 * reads of them stay fast, not one shape per order the page writes them in.
 */
export class Attrs {
  class?: string = undefined;
  id?: string = undefined;
  role?: string = undefined;
  style?: string = undefined;
  hidden?: string = undefined;
  "aria-hidden"?: string = undefined;
  itemprop?: string = undefined;
  type?: string = undefined;
  content?: string = undefined;
  href?: string = undefined;
  name?: string = undefined;
  property?: string = undefined;
  rel?: string = undefined;
}
type AttrName = keyof Attrs;
const KEPT_ATTRIBUTES = new Set<string>(Object.keys(new Attrs()));
const isKept = (name: string): name is AttrName => KEPT_ATTRIBUTES.has(name);
/**
 * The first letter (lower-cased) and length of each kept name: a name of no such pair is not kept,
 * known without copying it out of the page (most are src, alt, data-…). Only ASCII letters lower-case
 * to the ASCII of a kept name, one for one.
 */
const KEPT_SHAPES = new Set([...KEPT_ATTRIBUTES].map((n) => shapeOf(n.charCodeAt(0), n.length)));
function shapeOf(first: number, length: number): number {
  return (first | 0x20) * 64 + Math.min(length, 63);
}

export class PageTooLarge extends Error {}

/** Parses a page into its element tree; the root is a synthetic "#document" element. */
export function parsePage(html: string): El {
  const root: El = { name: "#document", attrs: new Attrs(), hints: -1, at: -1, children: [], parent: null };
  const stack: El[] = [root];
  /** How many elements of each name are open: a close tag for a name not open costs nothing. */
  const open = new Map<string, number>();
  let elements = 0;
  let current: El | null = null;
  let attrName: AttrName | null = null;
  let attrValue = "";
  let text = "";
  let foreign = 0;

  const top = () => stack[stack.length - 1]!;
  const flushText = () => {
    if (!text) return;
    const parent = top();
    if (!DROP_TEXT.has(parent.name) || (parent.name === "script" && /ld\+json/i.test(parent.attrs.type ?? ""))) {
      const kids = parent.children;
      const last = kids[kids.length - 1];
      if (typeof last === "string") kids[kids.length - 1] = last + text;
      else kids.push(text);
    }
    text = "";
  };
  const pop = () => {
    const el = stack.pop()!;
    const n = open.get(el.name)! - 1;
    if (n === 0) open.delete(el.name);
    else open.set(el.name, n);
    if (el.name === "svg" || el.name === "math") foreign--;
  };
  const openTag = (name: string) => {
    flushText();
    if (name === "form" && open.has("form")) return null;
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length > 1 && implied.has(top().name)) pop();
    if (++elements > MAX_ELEMENTS) throw new PageTooLarge(`page has more than ${MAX_ELEMENTS} elements`);
    // Past MAX_DEPTH an element hangs from the element at that depth, after its earlier children:
    // the tree stays MAX_DEPTH deep, the text keeps its order and its paragraphs.
    const parent = stack.length > MAX_DEPTH ? stack[MAX_DEPTH - 1]! : top();
    const el: El = { name, attrs: new Attrs(), hints: -1, at: -1, children: [], parent };
    parent.children.push(el);
    if (!VOID.has(name)) {
      stack.push(el);
      open.set(name, (open.get(name) ?? 0) + 1);
      if (name === "svg" || name === "math") foreign++;
    }
    return el;
  };
  const closeTag = (name: string) => {
    flushText();
    if (VOID.has(name)) {
      if (name === "br") openTag("br");
      return;
    }
    if (open.has(name)) {
      while (stack.length > 1 && top().name !== name) pop();
      if (stack.length > 1) pop();
    } else if (name === "p") {
      openTag("p");
      pop();
    }
  };

  const slice = (s: number, e: number) => html.slice(s, e);
  const cbs: TokenizerCallbacks = {
    onattribdata(s, e) {
      if (attrName) attrValue += slice(s, e);
    },
    onattribentity(cp) {
      if (attrName) attrValue += String.fromCodePoint(cp);
    },
    onattribend() {
      if (attrName && current && current.attrs[attrName] === undefined) current.attrs[attrName] = attrValue;
      attrValue = "";
      attrName = null;
    },
    onattribname(s, e) {
      attrName = null;
      if (current === null || !KEPT_SHAPES.has(shapeOf(html.charCodeAt(s), e - s))) return;
      const name = slice(s, e).toLowerCase();
      if (isKept(name)) attrName = name;
    },
    oncdata() {},
    onclosetag(s, e) {
      closeTag(slice(s, e).toLowerCase());
    },
    oncomment() {},
    ondeclaration() {},
    onend() {
      flushText();
    },
    onopentagend() {
      current = null;
    },
    onopentagname(s, e) {
      const name = slice(s, e).toLowerCase();
      current = openTag(name === "image" ? "img" : name);
    },
    onprocessinginstruction() {},
    onselfclosingtag() {
      // HTML ignores the slash, except inside SVG and MathML.
      const el = current;
      current = null;
      if (foreign > 0 && el && stack[stack.length - 1] === el) pop();
    },
    ontext(s, e) {
      text += slice(s, e);
    },
    ontextentity(cp) {
      text += String.fromCodePoint(cp);
    },
    isInForeignContext() {
      return foreign > 0;
    },
  };
  const tokenizer = new SkippingTokenizer({ decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
  return root;
}

/** Every element under `root` (itself included) that `test` accepts, in document order, without recursion. */
export function findAll(root: El, test: (e: El) => boolean): El[] {
  const out: El[] = [];
  const stack: El[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (test(e)) out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== "string") stack.push(c);
    }
  }
  return out;
}

/** All the text under an element, in document order, without recursion. */
export function textOf(root: El): string {
  return textWithout(root);
}

/** The text under an element as `textOf` gives it, less the elements under it that `leftOut` names. */
export function textWithout(root: El, leftOut?: (e: El) => boolean): string {
  let out = "";
  const stack: (El | string)[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === "string") {
      out += n;
      continue;
    }
    if (leftOut && n !== root && leftOut(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
