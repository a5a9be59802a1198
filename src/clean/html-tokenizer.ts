// htmlparser2's Tokenizer, made to skip runs of characters its states would look at one by one and
// ignore: text up to the next `<` or `&`, tag and attribute names up to their end, quoted attribute
// values up to their quote or `&`, and its own fast-forwards through indexOf. Each skip stops on the
// character where the original state would act, and hands it to the original state: the callbacks
// are the same, with the same offsets, in the same order (test/clean/html-tokenizer.test.ts compares
// them with the original's on the dev pages and on malformed markup). Its run loop took a third of
// the time of cleaning an HTML page, one character at a time.
//
// The states are private to htmlparser2's typings, so the skips are installed on a subclass's
// prototype against the fields they read. When loaded, the subclass tokenizes a sample that passes
// through every patched state and compares its callbacks with the original's: if an htmlparser2 release
// renamed or changed what the skips rely on, the patches are taken off again (`skipping` is false) and the
// subclass is htmlparser2's own Tokenizer, slower but right. The test asserts the skips are on.
import { Tokenizer } from "htmlparser2";

/** The fields and states of htmlparser2 12's Tokenizer that the skips use (HTML mode). */
interface Internals {
  state: number;
  buffer: string;
  index: number;
  offset: number;
  /** Where `<` and `&` are next, at or after the index (buffer length when none): found by indexOf, kept until passed. */
  nextLt: number;
  nextAmp: number;
  /** Where `"` and `'` are next, the same way: a value's closing quote is searched for once, not once per entity in it. */
  nextDq: number;
  nextSq: number;
}
type State = (this: Internals, c: number) => void;

const LT = 60;
const AMP = 38;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;

const isEndOfTagSection = (c: number): boolean => c === SLASH || c === GT || c === 32 || c === 10 || c === 9 || c === 12 || c === 13;

export class SkippingTokenizer extends Tokenizer {
  nextLt = -1;
  nextAmp = -1;
  nextDq = -1;
  nextSq = -1;
}

const base = Tokenizer.prototype as unknown as Record<string, State>;
const own = SkippingTokenizer.prototype as unknown as Record<string, unknown>;
const PATCHED = ["stateText", "stateInTagName", "stateInClosingTagName", "stateInAttributeName", "stateInAttributeValueDoubleQuotes", "stateInAttributeValueSingleQuotes", "fastForwardTo"] as const;
const noState: State = () => {
  throw new Error("htmlparser2's Tokenizer lacks a state the skips call");
};
const original = (name: string): State => {
  const f = base[name];
  return typeof f === "function" ? f : noState;
};
const stateText = original("stateText");
const stateInTagName = original("stateInTagName");
const stateInClosingTagName = original("stateInClosingTagName");
const stateInAttributeName = original("stateInAttributeName");
const stateInAttributeValueDoubleQuotes = original("stateInAttributeValueDoubleQuotes");
const stateInAttributeValueSingleQuotes = original("stateInAttributeValueSingleQuotes");

/** The next position at or after `from` (in the buffer) of the character `code`, or the buffer's length. */
function nextOf(buffer: string, ch: string, from: number): number {
  const i = buffer.indexOf(ch, from);
  return i < 0 ? buffer.length : i;
}

own.stateText = function (this: Internals, c: number): void {
  if (c === LT || c === AMP) return stateText.call(this, c);
  // Every character before the next `<` or `&` leaves the text state as it is.
  const at = this.index - this.offset;
  if (this.nextLt <= at) this.nextLt = nextOf(this.buffer, "<", at);
  if (this.nextAmp <= at) this.nextAmp = nextOf(this.buffer, "&", at);
  this.index = Math.min(this.nextLt, this.nextAmp) + this.offset - 1;
};

// Each state below ignores every character until its stop character: it skips to that one, and lets
// the original state take it. Written out one by one: a shared closure would call its test and its
// state through one call site for all five, too many kinds for the engine to inline.

own.stateInTagName = function (this: Internals, c: number): void {
  if (!isEndOfTagSection(c)) {
    const buffer = this.buffer;
    let i = this.index - this.offset + 1;
    while (i < buffer.length && !isEndOfTagSection((c = buffer.charCodeAt(i)))) i++;
    if (atEnd(this, i)) return;
  }
  stateInTagName.call(this, c);
};

own.stateInClosingTagName = function (this: Internals, c: number): void {
  if (!isEndOfTagSection(c)) {
    const buffer = this.buffer;
    let i = this.index - this.offset + 1;
    while (i < buffer.length && !isEndOfTagSection((c = buffer.charCodeAt(i)))) i++;
    if (atEnd(this, i)) return;
  }
  stateInClosingTagName.call(this, c);
};

own.stateInAttributeName = function (this: Internals, c: number): void {
  if (c !== EQ && !isEndOfTagSection(c)) {
    const buffer = this.buffer;
    let i = this.index - this.offset + 1;
    while (i < buffer.length && (c = buffer.charCodeAt(i)) !== EQ && !isEndOfTagSection(c)) i++;
    if (atEnd(this, i)) return;
  }
  stateInAttributeName.call(this, c);
};

// Quoted values (URLs, srcsets, inline data) run long: found by indexOf, as text is. The closing quote
// is kept until passed: a value of JSON written with "&quot;" stops at every entity, and searching
// from each to the quote again read a 500 KB page's value over and over (a few dev pages spent
// seconds a pass there).
own.stateInAttributeValueDoubleQuotes = function (this: Internals, c: number): void {
  if (c !== DQ && c !== AMP) {
    const at = this.index - this.offset;
    if (this.nextDq <= at) this.nextDq = nextOf(this.buffer, '"', at);
    if (this.nextAmp <= at) this.nextAmp = nextOf(this.buffer, "&", at);
    if (atEnd(this, Math.min(this.nextDq, this.nextAmp))) return;
    c = this.buffer.charCodeAt(this.index - this.offset);
  }
  stateInAttributeValueDoubleQuotes.call(this, c);
};

own.stateInAttributeValueSingleQuotes = function (this: Internals, c: number): void {
  if (c !== SQ && c !== AMP) {
    const at = this.index - this.offset;
    if (this.nextSq <= at) this.nextSq = nextOf(this.buffer, "'", at);
    if (this.nextAmp <= at) this.nextAmp = nextOf(this.buffer, "&", at);
    if (atEnd(this, Math.min(this.nextSq, this.nextAmp))) return;
    c = this.buffer.charCodeAt(this.index - this.offset);
  }
  stateInAttributeValueSingleQuotes.call(this, c);
};

/**
 * Moves the index to `i`, the stop character's place in the buffer; at the buffer's end, to where the
 * original leaves it (the run loop steps past the end), and says so.
 */
function atEnd(t: Internals, i: number): boolean {
  if (i >= t.buffer.length) {
    t.index = t.buffer.length + t.offset - 1;
    return true;
  }
  t.index = i + t.offset;
  return false;
}

const CHARS = new Map<number, string>();
own.fastForwardTo = function (this: Internals, c: number): boolean {
  let ch = CHARS.get(c);
  if (ch === undefined) CHARS.set(c, (ch = String.fromCharCode(c)));
  const i = this.buffer.indexOf(ch, this.index - this.offset + 1);
  if (i >= 0) {
    this.index = i + this.offset;
    return true;
  }
  // Where the original leaves it: the run loop steps past the buffer's end.
  this.index = this.buffer.length + this.offset - 1;
  return false;
};

/** Every callback of a tokenizer on `html`, with its arguments, in order. */
function callbacks(T: typeof Tokenizer, html: string): string[] {
  const out: string[] = [];
  const log = (name: string) => (...args: unknown[]) => void out.push(`${name} ${args.join(",")}`);
  const names = ["attribdata", "attribentity", "attribend", "attribname", "cdata", "closetag", "comment", "declaration", "end", "opentagend", "opentagname", "processinginstruction", "selfclosingtag", "text", "textentity"];
  const cbs = Object.fromEntries([...names.map((n) => [`on${n}`, log(n)]), ["isInForeignContext", () => false]]) as unknown as ConstructorParameters<typeof Tokenizer>[1];
  const t = new T({ decodeEntities: true }, cbs);
  t.write(html);
  t.end();
  return out;
}

/** A page that passes through every patched state, and ends inside an attribute value. */
const SAMPLE = `<!DOCTYPE html><html lang=en><head><title>A &amp; B</title><script>if (a < b && c) x = "</p>";</script><style>p{}</style></head><body class="x y" data-a='1 &lt; 2' id=main hidden>
<!-- a comment --><p>One &copy; two <b>three</b> four&nbsp;five</p><br/><svg><path d="M0 0"/></svg><textarea>a<b</textarea></body></html><a href="x&amp;y`;

/** Whether the skips are on: they give the original's callbacks on SAMPLE (else they are taken off, see above). */
export const skipping: boolean = (() => {
  try {
    if (JSON.stringify(callbacks(SkippingTokenizer, SAMPLE)) === JSON.stringify(callbacks(Tokenizer, SAMPLE))) return true;
  } catch {
    // a state or field the skips use is missing
  }
  for (const name of PATCHED) delete own[name];
  return false;
})();
