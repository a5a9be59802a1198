// An HTML page as a list of text blocks in reading order, each with what its place in the page says
// about it: link density, block tag, class and id hints of its ancestors, whether it sits in an
// <article> or in the element a content-density score picks (readability's idea), and its container.
// All of the page is read (not one picked element): a learned model weighs these hints with the
// block's text features, the same ones a text dump's lines get. Every walk is iterative.
import { textWithout, type El } from "./dom.ts";
import type { DomHints } from "./doc.ts";

/** Never text of the page as a reader sees it. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "button", "select", "nav", "footer", "aside", "figure",
  "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "input", "textarea", "dialog", "menu", "label", "option",
  "link", "meta", "title", "img", "base", "head",
]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "br", "hr", "body", "html", "address", "center",
  "caption", "details", "summary", "form", "fieldset", "legend", "hgroup",
]);
/**
 * Skipped elements that never draw a box (display: none in every browser): a browser's innerText joins the
 * text on either side of one as it stands, spaces and all ("Mayor <script>…</script>opens" reads "Mayor
 * opens", "Mayor<script>…</script>opens" reads "Mayoropens"). Every other skipped element still ends the
 * block: images, icons and buttons are often made blocks by the page's own style sheet.
 */
const NO_BOX = new Set(["script", "style", "template", "noscript", "meta", "link", "title", "base"]);
const SKIP_ROLES = /\b(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alertdialog|button)\b/;
const SCORED = new Set(["p", "pre", "td", "blockquote"]);
const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Class and id words of content and of furniture, matched word by word ("pageRow" is not "pager"). */
const POSITIVE = words("article body content entry hentry main page post text blog story artikel beitrag inhalt meldung");
const NEGATIVE = words(
  "ad ads adv advert advertisement agegate banner breadcrumb breadcrumbs combx comment comments community contact cookie cookies consent cover " +
    "disqus extra footer gdpr header hidden legends masthead menu meta modal nav navbar navigation newsletter outbrain pagination pager popup " +
    "promo recirc related remark replies rss share sharing shopping shoutbox sidebar skyscraper social sponsor subscribe supplemental " +
    "taboola tags tag teaser toolbar trending widget signup login byline caption credit author timestamp dateline",
);
/** Words of these lengths or less must match exactly ("ad" is not "address"). */
const EXACT_BELOW = 4;

function words(list: string): Set<string> {
  return new Set(list.split(" "));
}

/** Furniture so plainly named that its whole box is left out (readability's "unlikely candidates"). */
const UNLIKELY = words(
  "agegate banner breadcrumb breadcrumbs comment comments commentlist community consent cookie cookies disqus footer gdpr masthead menu modal " +
    "nav navbar navigation newsletter outbrain pagination pager popup promo recirc related remark replies share sharing shoutbox sidebar " +
    "skyscraper social sponsor subscribe taboola toolbar",
);

const HINT_POSITIVE = 1;
const HINT_NEGATIVE = 2;
const HINT_UNLIKELY = 4;

function hintBits(value: string): number {
  let bits = 0;
  for (const w of value.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/)) {
    if (w) bits |= wordHints(w);
  }
  return bits;
}

/** The hint bits of one class or id word, worked out once per distinct word (pages share most of theirs). */
function wordHints(w: string): number {
  let bits = WORD_HINTS.get(w);
  if (bits !== undefined) return bits;
  bits = 0;
  if (POSITIVE.has(w)) bits |= HINT_POSITIVE;
  if (NEGATIVE.has(w)) bits |= HINT_NEGATIVE;
  if (UNLIKELY.has(w)) bits |= HINT_UNLIKELY;
  if (w.length > EXACT_BELOW) {
    for (const k of POSITIVE) if (k.length >= EXACT_BELOW && w.startsWith(k)) bits |= HINT_POSITIVE;
    for (const k of NEGATIVE) if (k.length >= EXACT_BELOW && w.startsWith(k)) bits |= HINT_NEGATIVE;
    for (const k of UNLIKELY) if (k.length >= EXACT_BELOW && w.startsWith(k)) bits |= HINT_UNLIKELY;
  }
  if (WORD_HINTS.size >= CACHE_LIMIT) WORD_HINTS.clear();
  WORD_HINTS.set(w, bits);
  return bits;
}

/** Hint bits by word and by an element's class and id together, kept from page to page up to this many each. */
const CACHE_LIMIT = 50_000;
const WORD_HINTS = new Map<string, number>();
const KEY_HINTS = new Map<string, number>();

function hidden(e: El): boolean {
  return e.attrs["aria-hidden"] === "true" || notDisplayed(e);
}

function notDisplayed(e: El): boolean {
  const a = e.attrs;
  if (a.hidden !== undefined) return true;
  const style = a.style;
  return !!style && /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Never text, wherever it stands. */
const NEVER = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "head", "link", "meta", "title", "base", "img", "input", "textarea", "select", "option", "button"]);

/**
 * The text of an element as a browser's innerText gives it: what is never text (a heading's icon, its
 * share button) and what is not displayed left out. aria-hidden text is displayed (a headline's dash).
 */
export function shownText(root: El): string {
  return textWithout(root, (e) => NEVER.has(e.name) || notDisplayed(e));
}

/**
 * Skipped: never text, hidden, or furniture by its tag or role. Furniture that holds the page's
 * <article> or <main> (a header left unclosed around the whole page) is read all the same.
 */
function skipped(e: El, holdsArticle: ReadonlySet<El>): boolean {
  if (NEVER.has(e.name)) return true;
  if (holdsArticle.has(e)) return false;
  return SKIP.has(e.name) || hidden(e) || (!!e.attrs.role && SKIP_ROLES.test(e.attrs.role));
}

/** The page's article and main elements (by tag, role or itemprop) and every element above them. */
function articleAncestors(root: El): Set<El> {
  const out = new Set<El>();
  const stack: El[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === "article" || e.name === "main" || e.attrs.role === "main" || /articlebody/i.test(e.attrs.itemprop ?? "")) {
      for (let p = e.parent; p && !out.has(p); p = p.parent) out.add(p);
    }
    if (NEVER.has(e.name)) continue;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== "string") stack.push(c);
    }
  }
  return out;
}

/** Visible characters of a text node (white space runs count as one); its commas into `counts`, counted in the same pass. */
function visible(s: string, counts: { commas: number }): number {
  let n = 0, space = true, commas = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12) {
      if (!space) (n++, (space = true));
    } else {
      n++;
      space = false;
      if (c === 44 || c === 0xff0c || c === 0x3001) commas++;
    }
  }
  counts.commas = commas;
  return space && n > 0 ? n - 1 : n;
}

/** The page's elements in document order with per-element measures, junk subtrees left out. */
interface Tree {
  els: El[];
  parent: Int32Array;
  /** One past the last element of each element's subtree (subtrees are contiguous in document order). */
  end: Int32Array;
  text: Float64Array;
  link: Float64Array;
  commas: Float64Array;
  paragraphs: Float64Array;
  hints: Uint8Array;
  blockChild: Uint8Array;
  depth: Uint16Array;
  /** `visible` of each text child of the kept elements, counted once for both walks: element i's from `firstText[i]`, in child order. */
  visibleText: number[];
  firstText: Int32Array;
}

/** Elements whose class or id plainly names furniture, unless they are the page's main elements or also read as content. */
function unlikely(e: El): boolean {
  if (e.name === "body" || e.name === "html" || e.name === "article" || e.name === "main" || e.name === "a") return false;
  const bits = hintsOf(e);
  return (bits & HINT_UNLIKELY) !== 0 && (bits & HINT_POSITIVE) === 0;
}

/** The hint bits of an element's class and id words, looked up once per distinct class and id. */
function hintsOf(e: El): number {
  if (e.hints >= 0) return e.hints;
  const { class: cls, id } = e.attrs;
  // The words are what counts: a class alone reads as the class followed by an empty id.
  const key = id === undefined ? cls : cls === undefined ? id : `${cls} ${id}`;
  let bits = 0;
  if (key) {
    const known = KEY_HINTS.get(key);
    if (known !== undefined) bits = known;
    else {
      if (KEY_HINTS.size >= CACHE_LIMIT) KEY_HINTS.clear();
      KEY_HINTS.set(key, (bits = hintBits(key)));
    }
  }
  e.hints = bits;
  return bits;
}

function measure(root: El, byHints: boolean): Tree {
  const els: El[] = [];
  const parents: number[] = [];
  // Elements to visit, each beside its parent's place in `els`.
  const stack: El[] = [root];
  const stackParent: number[] = [-1];
  const holdsArticle = articleAncestors(root);
  while (stack.length > 0) {
    const e = stack.pop()!;
    const p = stackParent.pop()!;
    // Each element's place is written on it (`El.at`), for the walk that reads this tree next: every
    // child of a kept element passes here, kept or left out.
    if (e !== root && (skipped(e, holdsArticle) || (byHints && !holdsArticle.has(e) && unlikely(e)))) {
      e.at = -1;
      continue;
    }
    e.at = els.length;
    els.push(e);
    parents.push(p);
    const me = els.length - 1;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== "string") {
        stack.push(c);
        stackParent.push(me);
      }
    }
  }
  const n = els.length;
  const t: Tree = {
    els, parent: Int32Array.from(parents), end: new Int32Array(n), text: new Float64Array(n), link: new Float64Array(n),
    commas: new Float64Array(n), paragraphs: new Float64Array(n), hints: new Uint8Array(n), blockChild: new Uint8Array(n), depth: new Uint16Array(n),
    visibleText: [], firstText: new Int32Array(n),
  };
  for (let i = 1; i < n; i++) t.depth[i] = Math.min(65535, t.depth[t.parent[i]!]! + 1);
  const counts = { commas: 0 };
  for (let i = n - 1; i >= 0; i--) {
    const e = els[i]!;
    let own = 0;
    t.firstText[i] = t.visibleText.length;
    for (const c of e.children) {
      if (typeof c === "string") {
        const seen = visible(c, counts);
        t.visibleText.push(seen);
        own += seen;
        t.commas[i]! += counts.commas;
      } else if (BLOCK.has(c.name) && c.name !== "br") t.blockChild[i] = 1;
    }
    t.text[i]! += own;
    if (e.name === "a") t.link[i] = t.text[i]!;
    if (e.name === "p") t.paragraphs[i]! += 1;
    t.hints[i] = hintsOf(e);
    t.end[i] = Math.max(t.end[i]!, i + 1);
    const p = t.parent[i]!;
    if (p >= 0) {
      t.text[p]! += t.text[i]!;
      t.link[p]! += t.link[i]!;
      t.commas[p]! += t.commas[i]!;
      t.paragraphs[p]! += t.paragraphs[i]!;
      t.end[p] = Math.max(t.end[p]!, t.end[i]!);
    }
  }
  return t;
}

const density = (t: Tree, i: number): number => (t.text[i]! === 0 ? 0 : t.link[i]! / t.text[i]!);

function tagWeight(name: string): number {
  if (name === "div" || name === "article" || name === "main") return 5;
  if (name === "pre" || name === "td" || name === "blockquote") return 3;
  if (/^(address|ol|ul|dl|dd|dt|li|form)$/.test(name)) return -3;
  if (name in HEADING_LEVEL || name === "th") return -5;
  return 0;
}

function classWeight(t: Tree, i: number): number {
  const h = t.hints[i]!;
  return (h & HINT_NEGATIVE ? -25 : 0) + (h & HINT_POSITIVE ? 25 : 0);
}

/** The elements a content-density score picks as the article's (readability's walk), as index ranges. */
function pick(t: Tree): [number, number][] {
  const n = t.els.length;
  const score = new Float64Array(n);
  const scored = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = t.els[i]!;
    const paragraphLike = SCORED.has(e.name) || (e.name === "div" && t.blockChild[i] === 0);
    if (!paragraphLike || t.text[i]! < 25) continue;
    const s = 1 + t.commas[i]! + Math.min(3, Math.floor(t.text[i]! / 100));
    let level = 0;
    for (let a = t.parent[i]!; a > 0 && level < 5; a = t.parent[a]!, level++) {
      if (!scored[a]) {
        scored[a] = 1;
        score[a] = tagWeight(t.els[a]!.name) + classWeight(t, a);
      }
      score[a]! += s / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  let top = -1;
  for (let i = 0; i < n; i++) {
    if (!scored[i]) continue;
    score[i]! *= 1 - density(t, i);
    if (top < 0 || score[i]! > score[top]!) top = i;
  }
  if (top < 0) return [[0, n]];
  // A parent that scores higher holds more of the article.
  const threshold = score[top]! / 3;
  let last = score[top]!;
  for (let p = t.parent[top]!; p > 0; p = t.parent[p]!) {
    const name = t.els[p]!.name;
    if (name === "body" || name === "html") break;
    if (!scored[p]) continue;
    if (score[p]! < threshold) break;
    if (score[p]! > last) {
      top = p;
      break;
    }
    last = score[p]!;
  }
  const parent = t.parent[top]!;
  if (parent < 0) return [[top, t.end[top]!]];
  const topScore = score[top]!;
  const cut = Math.max(10, topScore * 0.2);
  const out: [number, number][] = [];
  const topClass = t.els[top]!.attrs.class;
  for (let s = parent + 1; s < t.end[parent]!; s = t.end[s]!) {
    if (s === top) {
      out.push([s, t.end[s]!]);
      continue;
    }
    const bonus = topClass && t.els[s]!.attrs.class === topClass ? topScore * 0.2 : 0;
    if (scored[s] && score[s]! + bonus >= cut) out.push([s, t.end[s]!]);
    else if (t.els[s]!.name === "p" && t.text[s]! > 80 && density(t, s) < 0.25) out.push([s, t.end[s]!]);
  }
  return out;
}

export interface Block {
  text: string;
  dom: DomHints;
}

interface Frame {
  i: number;
  /** Next child to visit. */
  next: number;
  /** Text children visited so far. */
  texts: number;
  positive: number;
  negative: number;
  inArticle: boolean;
  inHeader: boolean;
  inList: boolean;
  inTable: boolean;
  inLink: boolean;
  /** The innermost block element, this one or an ancestor. */
  block: number;
}

/** Runs of white space (as `\s` reads it) as one space, the ends trimmed. */
export function collapse(s: string): string {
  const t = s.trim();
  // Nine blocks in ten hold no run to fold once their ends are trimmed (dev pages: 198,000 of 202,000): the pattern would copy them all.
  return hasRun(t) ? t.replace(/\s+/g, " ") : t;
}

/** Whether the text holds white space that `collapse` folds: a run of two or more, or one that is not a plain space. */
function hasRun(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 32 && c < 0xa0) continue;
    // A space before white space of another kind is found at that one.
    if (c === 32) {
      if (i + 1 < t.length && t.charCodeAt(i + 1) === 32) return true;
    } else if (isSpace(c)) return true;
  }
  return false;
}

/** The characters of `\s` (and of `trim`): ECMAScript's WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The page's blocks of text in reading order. Boxes plainly named as furniture are left out; when
 * that leaves almost no text (a theme that names its page wrapper "header-2"), the page is read
 * again with them.
 */
export function pageBlocks(root: El, onJoin?: (name: string) => void): Block[] {
  const body = findBody(root);
  const joins: string[] = [];
  const blocks = blocksOf(measure(body, true), onJoin && ((name) => joins.push(name)));
  let chars = 0;
  for (const b of blocks) chars += b.text.length;
  if (chars >= MIN_CHARS) {
    if (onJoin) for (const name of joins) onJoin(name);
    return blocks;
  }
  return blocksOf(measure(body, false), onJoin);
}

/** Fewer characters than this left after the furniture boxes went: read the page with them. */
const MIN_CHARS = 200;

function blocksOf(t: Tree, onJoin?: (name: string) => void): Block[] {
  const picked = pick(t);
  const inPicked = (i: number) => picked.some(([s, e]) => i >= s && i < e);
  const blocks: Block[] = [];
  let buffer = "";
  let linkText = 0;
  let allText = 0;
  let owner: Frame | null = null;
  /** The skipped inline element last passed inside a block's text, for `onJoin`. */
  let joinedBy = "";
  const flush = () => {
    if (buffer) {
      const text = collapse(buffer);
      if (text && owner) {
        const b = owner.block;
        const name = t.els[b]!.name;
        const level = HEADING_LEVEL[name] ?? 0;
        const container = t.parent[b]! >= 0 ? t.parent[b]! : b;
        const grand = t.parent[container]! >= 0 ? t.parent[container]! : container;
        const page = Math.max(1, t.text[0]!);
        blocks.push({
          text,
          dom: {
            linkDensity: allText > 0 ? Math.min(1, linkText / allText) : 0,
            tag: level ? "h" : name === "p" ? "p" : name === "li" || name === "dt" || name === "dd" ? "li" : name === "td" || name === "th" ? "td" : name === "blockquote" || name === "pre" ? "quote" : "other",
            level,
            positive: owner.positive,
            negative: owner.negative,
            inArticle: owner.inArticle,
            inPicked: inPicked(b),
            inHeader: owner.inHeader,
            inList: owner.inList,
            inTable: owner.inTable,
            containerChars: t.text[container]!,
            containerLinkDensity: density(t, container),
            container,
            grand,
            depth: t.depth[b]!,
            containerShare: t.text[container]! / page,
            grandShare: t.text[grand]! / page,
            grandLinkDensity: density(t, grand),
            nearNegative: ((t.hints[b]! | t.hints[container]! | t.hints[grand]!) & HINT_NEGATIVE) !== 0,
            ldShare: -1,
          },
        });
      }
    }
    buffer = "";
    linkText = 0;
    allText = 0;
    joinedBy = "";
  };
  const frameOf = (i: number, up: Frame | null): Frame => {
    const e = t.els[i]!;
    const h = t.hints[i]!;
    const role = e.attrs.role;
    return {
      i,
      next: 0,
      texts: 0,
      positive: (up?.positive ?? 0) + (h & HINT_POSITIVE ? 1 : 0),
      negative: (up?.negative ?? 0) + (h & HINT_NEGATIVE ? 1 : 0),
      inArticle: (up?.inArticle ?? false) || e.name === "article" || e.name === "main" || role === "main" || /articlebody/i.test(e.attrs.itemprop ?? ""),
      inHeader: (up?.inHeader ?? false) || e.name === "header",
      inList: (up?.inList ?? false) || e.name === "li",
      inTable: (up?.inTable ?? false) || e.name === "table",
      inLink: (up?.inLink ?? false) || e.name === "a",
      block: BLOCK.has(e.name) && e.name !== "br" ? i : (up?.block ?? i),
    };
  };
  const stack: Frame[] = [frameOf(0, null)];
  owner = stack[0]!;
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const e = t.els[f.i]!;
    if (f.next >= e.children.length) {
      stack.pop();
      if (BLOCK.has(e.name)) flush();
      owner = stack[stack.length - 1] ?? null;
      continue;
    }
    const c = e.children[f.next++]!;
    if (typeof c === "string") {
      if (joinedBy && onJoin && c.trim()) {
        onJoin(joinedBy);
        joinedBy = "";
      }
      if (owner !== f) {
        // Inline text continues the current block; a new owner only takes over an empty buffer.
        if (!buffer) owner = f;
      }
      buffer += c;
      const n = t.visibleText[t.firstText[f.i]! + f.texts++]!;
      allText += n;
      if (f.inLink) linkText += n;
      continue;
    }
    const ci = c.at;
    if (ci < 0) {
      // A skipped subtree still separates blocks when it is a block; inside a heading, one that draws no box
      // does not (a headline is one line, whatever script its page put in it).
      const joins = NO_BOX.has(c.name) && t.els[f.block]!.name in HEADING_LEVEL;
      if (BLOCK.has(c.name) || (SKIP.has(c.name) && !joins)) flush();
      else if (onJoin && joins && buffer.trim()) joinedBy = c.name;
      continue;
    }
    if (c.name === "form" && t.paragraphs[ci]! < 2) {
      flush();
      continue;
    }
    if (BLOCK.has(c.name)) flush();
    const child = frameOf(ci, f);
    stack.push(child);
    if (BLOCK.has(c.name) || !buffer) owner = child;
  }
  flush();
  return blocks;
}

function findBody(root: El): El {
  const stack: El[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.name === "body") return e;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const c = e.children[i]!;
      if (typeof c !== "string" && c.name !== "head") stack.push(c);
    }
  }
  return root;
}
