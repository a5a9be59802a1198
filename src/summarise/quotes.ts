// Quotations that run over several sentences: 'He said: "We will rebuild.' … 'Every home will stand."'. A
// summary that shows one end only reads wrong (a quotation never closed, or words closing one never opened).
// So a sentence of such a quotation is taken only with the sentences before it that its quoted words begin
// in (select.ts), and where the summary leaves the quotation before its end, the marks are closed as an
// editor trims a quotation ('He said: "We will rebuild."'). News style runs a quotation over paragraphs by
// opening each with a mark and closing only the last: a sentence that opens with a mark while a quotation is
// open goes on with it, and its words read on their own. So do a closing sentence's that name who speaks
// ('…later," Mr Greenspan said.'), shown with the quotation's opening mark.
//
// A mark opens or closes by what stands beside it (as Markdown reads emphasis): after a space and before a
// word it opens ("We…, »Die…, „Wir…), after a word and before a space or stop it closes (…home." …Welt« …“ ),
// and a mark before a stop or comma never opens.
// A mark with a space or a word on both sides falls back to its usual role (French « Nous » spaced), and a
// straight mark then to what is open. Single marks are apostrophes as often as quotes (don't, fans' ): one
// opens only before a letter, and closes only a quotation a single mark opened.

/** Families of marks, as bits: a quotation opened by one is closed by the same family. */
const DOUBLE = 1; // " “ ” „ « »
const SINGLE = 2; // ' ‘ ’ ‚ ‹ ›
const CORNER = 4; // 「 」
const WHITE_CORNER = 8; // 『 』

const OPENS = 1;
const CLOSES = 2;
/** A straight mark, or one whose flanks say nothing: its role is what is open (DOUBLE, SINGLE) or fixed. */
const EITHER = 3;

/** Family and usual role of each mark (EITHER for the straight ones). */
const MARKS = new Map<number, { family: number; role: number }>([
  [0x22, { family: DOUBLE, role: EITHER }],
  [0x201c, { family: DOUBLE, role: OPENS }],
  [0x201d, { family: DOUBLE, role: CLOSES }],
  [0x201e, { family: DOUBLE, role: OPENS }],
  [0xab, { family: DOUBLE, role: OPENS }],
  [0xbb, { family: DOUBLE, role: CLOSES }],
  [0x27, { family: SINGLE, role: EITHER }],
  [0x2018, { family: SINGLE, role: OPENS }],
  [0x2019, { family: SINGLE, role: CLOSES }],
  [0x201a, { family: SINGLE, role: OPENS }],
  [0x2039, { family: SINGLE, role: OPENS }],
  [0x203a, { family: SINGLE, role: CLOSES }],
  [0x300c, { family: CORNER, role: OPENS }],
  [0x300d, { family: CORNER, role: CLOSES }],
  [0x300e, { family: WHITE_CORNER, role: OPENS }],
  [0x300f, { family: WHITE_CORNER, role: CLOSES }],
]);

/** The mark that closes a quotation each mark opens: „ and ‚ as German closes them, » and « both ways round. */
const PARTNER = new Map<number, string>([
  [0x22, '"'], [0x201c, "\u201d"], [0x201d, "\u201d"], [0x201e, "\u201c"], [0xab, "\u00bb"], [0xbb, "\u00ab"],
  [0x27, "'"], [0x2018, "\u2019"], [0x2019, "\u2019"], [0x201a, "\u2018"], [0x2039, "\u203a"], [0x203a, "\u2039"],
  [0x300c, "\u300d"], [0x300e, "\u300f"],
]);

const STRAIGHT = new Set([0x22, 0x27, 0x60]);

/** Every code unit that is a mark or begins one (`` is two backticks). Shared: `lastIndex` is set before each search. */
const MARK = /["'`«»“”„‘’‚‹›「」『』]/gu;

/** A mark of a family whose quotations may run over sentences (double marks, as one code unit or two singles, and corners): text without one has no quotation to find. */
export const MAY_RUN_ON = /["“”„«»「」『』]|''|``/u;

/** Marks whose role never depends on their flanks: the corner brackets. */
const FIXED = new Set([0x300c, 0x300d, 0x300e, 0x300f]);

// By code unit (-1 past the text's ends: codeAt), ASCII read at once, the rest by the regex.
const isSpace = (c: number) => c < 0 || c === 32 || (c < 0x80 ? c >= 9 && c <= 13 : /\s/u.test(String.fromCharCode(c)));
const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isWord = (c: number) => (c < 0x80 ? isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) : /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
const isLetter = (c: number) => (c < 0x80 ? isAsciiLetter(c) : /\p{L}/u.test(String.fromCharCode(c)));
/** What comes after a closing mark, never after an opening one: French spaces a closing guillemet from the word (« Nous »). */
const ENDS_CLAUSE = new Set([...".,;:!?…)]"].map((c) => c.charCodeAt(0)));

/** What reading a sentence found, as bits: it began inside a quotation (CONTINUES), with a mark that opens it again
 * (REOPENS, news style: its quoted words read on their own), ended inside one (LEAVES_OPEN), or closed one never
 * opened (STRAY). */
const CONTINUES = 1;
const REOPENS = 2;
const LEAVES_OPEN = 4;
const STRAY = 8;

/** A quotation mark in a text: its family, its role there (OPENS, CLOSES, or 0 for none: an apostrophe), its length. */
interface MarkHere {
  family: number;
  role: number;
  width: number;
  /** What closes the quotation it opens. */
  partner: string;
}

/**
 * The quotation mark at `at`, given the families open, or null. Tokenised text (and TeX) writes a double
 * mark as two single ones: '' (either way round) and `` (opening).
 */
function markAt(text: string, at: number, open: number): MarkHere | null {
  const code = text.charCodeAt(at);
  // Every mark is one of these three or past U+00AA.
  if (code < 0xab && code !== 0x22 && code !== 0x27 && code !== 0x60) return null;
  if ((code === 0x27 || code === 0x60) && codeAt(text, at + 1) === code) {
    const usual = code === 0x60 ? OPENS : EITHER;
    return here(DOUBLE, flankRole(text, at, 2, DOUBLE, usual, open), 2, "''");
  }
  const mark = MARKS.get(code);
  if (!mark) return null;
  const role = FIXED.has(code) ? mark.role : flankRole(text, at, 1, mark.family, mark.role, open);
  return here(mark.family, role, 1, PARTNER.get(code)!);
}

/** The one MarkHere `markAt` answers with, filled anew by each call (one is read before the next is asked for). */
const HERE: MarkHere = { family: 0, role: 0, width: 0, partner: "" };
function here(family: number, role: number, width: number, partner: string): MarkHere {
  HERE.family = family;
  HERE.role = role;
  HERE.width = width;
  HERE.partner = partner;
  return HERE;
}

/**
 * `text.charCodeAt(at)`, or -1 past either end (a space, no word, no letter: what charCodeAt's NaN was to the
 * tests above). Never reading past the ends, and always a small integer: optimised code that meets an index out
 * of bounds, or a NaN, it has not seen before is thrown away and compiled again.
 */
function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : -1;
}

/** The role of a mark `width` long at `at`: by its flanks, else its usual role, else (a straight mark) by what is open; 0 for none. */
function flankRole(text: string, at: number, width: number, family: number, usual: number, open: number): number {
  const before = codeAt(text, at - 1);
  const after = codeAt(text, at + width);
  const opening = !isSpace(after) && !ENDS_CLAUSE.has(after) && (isSpace(before) || !isWord(before));
  const closing = !isSpace(before) && (isSpace(after) || !isWord(after));
  let role: number;
  if (opening && !closing) role = OPENS;
  else if (closing && !opening) role = CLOSES;
  // Between two words: an apostrophe (don't), or a mark run into a word.
  else if (family === SINGLE && isWord(before) && isWord(after)) return 0;
  else role = usual !== EITHER ? usual : open & family ? CLOSES : OPENS;
  // A single mark opens only before a letter ('90s, rock 'n' roll's second mark), and closes only what a single mark opened.
  if (family === SINGLE && role === OPENS && !isLetter(after)) return 0;
  if (family === SINGLE && role === CLOSES && (open & SINGLE) === 0) return 0;
  return role;
}

/** Reads sentences in order and keeps which quotations are open between them. */
export class QuoteReader {
  /** The families with a quotation open. */
  open = 0;
  /** The open quotations, innermost last: family and what closes it (its opener's partner, spaced as the opener is). */
  private stack: Array<{ family: number; opener: string; closer: string }> = [];

  /** What opens the quotations open now, outermost first: to show a sentence that begins inside them as a whole quotation. */
  opening(): string {
    if (this.open === 0) return "";
    let out = "";
    for (const q of this.stack) if (this.open & q.family) out += q.opener;
    return out;
  }

  /** What closes the quotations open now, innermost first: to show a sentence ending inside them as a whole quotation. */
  closing(): string {
    let out = "";
    for (let k = this.stack.length - 1; k >= 0; k--) if (this.open & this.stack[k]!.family) out += this.stack[k]!.closer;
    return out;
  }

  /** Reads the next sentence: what it found (CONTINUES, REOPENS, LEAVES_OPEN, STRAY). */
  read(sentence: string): number {
    // Outside quotations, a sentence of single marks alone (apostrophes, mostly) leaves none open.
    if (this.open === 0 && !MAY_RUN_ON.test(sentence)) return 0;
    let found = this.open !== 0 ? CONTINUES : 0;
    // The regex finds the marks faster than a loop over the sentence's code units.
    MARK.lastIndex = 0;
    while (MARK.test(sentence)) {
      // Every mark's first code unit is one: the match ends right after it.
      const i = MARK.lastIndex - 1;
      const mark = markAt(sentence, i, this.open);
      if (!mark) continue;
      // A straight mark that would open a quotation already open, inside a sentence, is its closing mark with
      // the space on the wrong side (tokenised text: 'the "midnight rules "set to').
      if (mark.role === OPENS && i > 0 && (this.open & mark.family) !== 0 && STRAIGHT.has(sentence.charCodeAt(i))) mark.role = CLOSES;
      if (mark.role === OPENS) {
        // An open quotation of the family is not opened again but goes on (news style: each paragraph of it
        // opens with a mark); quotations within quotations take the other family.
        const after = codeAt(sentence, i + mark.width);
        this.stack = this.stack.filter((q) => q.family !== mark.family && (this.open & q.family) !== 0);
        const space = after >= 0 && isSpace(after) ? sentence[i + mark.width]! : "";
        this.stack.push({ family: mark.family, opener: sentence.slice(i, i + mark.width) + space, closer: space + mark.partner });
        if (i === 0 && (this.open & mark.family) !== 0) found |= REOPENS;
        this.open |= mark.family;
      } else if (mark.role === CLOSES) {
        if (this.open & mark.family) this.open &= ~mark.family;
        else if (mark.family !== SINGLE) found |= STRAY;
      }
      MARK.lastIndex = i + mark.width;
    }
    // Single marks are apostrophes as often ('bot nets, Mu'awiyah): one left open ends with its sentence
    // unless it is inside another quotation.
    if (this.open === SINGLE) this.open = 0;
    return this.open !== 0 ? found | LEAVES_OPEN : found;
  }

  /**
   * Whether the quotations open at the end of a paragraph go on in the next, which begins with `sentences[from]`:
   * it opens with a mark of theirs (news style), or the next mark of theirs closes (a quotation run over
   * paragraphs without the marks, as in text whose every sentence is a paragraph). Keeps only those that do.
   */
  goesOn(sentences: readonly string[], from: number): boolean {
    const first = sentences[from]!.trimStart();
    const opening = markAt(first, 0, this.open);
    if (opening !== null && (this.open & opening.family) !== 0 && opening.role === OPENS) {
      this.open = opening.family;
      return true;
    }
    for (let j = from; j < sentences.length; j++) {
      const s = sentences[j]!;
      for (let i = 0; i < s.length; i++) {
        const mark = markAt(s, i, this.open);
        if (!mark) continue;
        i += mark.width - 1;
        if ((this.open & mark.family) === 0 || mark.role === 0) continue;
        this.open = mark.role === CLOSES ? mark.family : 0;
        return this.open !== 0;
      }
    }
    this.open = 0;
    return false;
  }
}

/** A quotation run over several sentences (or left open by its paragraph), by their indices. */
export interface Quotation {
  first: number;
  last: number;
}

/**
 * A sentence's place in a quotation: the quotation; the sentence its quoted words are read from (the
 * quotation's first, or the last before it that opens it again, news style, or itself when it closes the
 * quotation and names who speaks: 'Those changes should be made sooner," Mr Greenspan said.'); the marks that
 * open the quotation before it when it is read from itself though it began earlier ("" otherwise); and the
 * marks that close the quotation after it ("" after its last).
 */
export interface Quoted {
  quotation: Quotation;
  from: number;
  opening: string;
  closing: string;
}

/** Speaking verbs after a quotation, English, German, French and Spanish. */
const SPEAKING =
  "said|says|added|adds|told|tells|explained|explains|insisted|argued|warned|stressed|admitted|claimed|continued|wrote|writes|asked|replied|sagte|sagt|erklärte|erklärt|betonte|betont|schrieb|fügte|déclaré|dit|ajouté|expliqué|affirmé|souligné|explique|ajoute|affirme|souligne|dijo|afirmó|señaló|explicó|añadió|aseguró|declaró";
/** After a quotation's closing mark, the speaker by name: ', Mr Greenspan said.', ', said Connors.', ', sagte Merkel.' (not 'he said'). */
const NAMED_SPEAKER = new RegExp(
  `^[\\s,]*(?:(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}(?:${SPEAKING})|(?:a\\s+)?(?:${SPEAKING})\\s+(?:\\p{Lu}[\\p{L}'’.-]*)(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3})(?![\\p{L}\\p{N}])[^"“”„«»]*$`,
  "u",
);

/**
 * The quotations of one article's sentences (each flagged when it opens a paragraph) that run over several
 * sentences or that its paragraph leaves open, by sentence; null for any other sentence. A quotation with a
 * mark that closes what was never opened is malformed text (a lost mark, tokenising traces), left as it is:
 * its sentences are null too.
 */
export function quotations(sentences: readonly string[], opensParagraph: readonly boolean[]): Array<Quoted | null> {
  const out: Array<Quoted | null> = [];
  const malformed = new Set<Quotation>();
  const reader = new QuoteReader();
  let current: Quotation | null = null;
  let from = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (opensParagraph[i] && reader.open !== 0 && !reader.goesOn(sentences, i)) current = null;
    const opening = reader.opening();
    const found = reader.read(sentences[i]!);
    const continues = (found & CONTINUES) !== 0;
    const leavesOpen = (found & LEAVES_OPEN) !== 0;
    if (continues && current) current.last = i;
    else if (leavesOpen) current = { first: i, last: i };
    const alone = (found & (CONTINUES | REOPENS | LEAVES_OPEN)) === CONTINUES && namesSpeaker(sentences[i]!);
    if (!continues || found & REOPENS || alone) from = i;
    out.push(current ? { quotation: current, from, opening: alone ? opening : "", closing: leavesOpen ? reader.closing() : "" } : null);
    if (found & STRAY && current) malformed.add(current);
    if (!leavesOpen) current = null;
  }
  return out.map((q) => (q !== null && !malformed.has(q.quotation) ? q : null));
}

/** Whether the sentence ends with a quotation's closing mark and the name of who speaks ('…later," Mr Greenspan said.'). */
function namesSpeaker(sentence: string): boolean {
  let at = -1;
  for (let i = sentence.length - 1; i >= 0 && at < 0; i--) if (CLOSING_MARKS.has(sentence.charCodeAt(i))) at = i;
  return at > 0 && NAMED_SPEAKER.test(sentence.slice(at + 1));
}

const CLOSING_MARKS = new Set([0x22, 0x201d, 0x201c, 0xbb, 0xab, 0x300d, 0x300f]);

/** Whether a run of sentences, read in order as one passage, leaves a quotation open or closes one it never opened. */
export function cutQuotation(sentences: readonly string[]): boolean {
  const reader = new QuoteReader();
  for (const s of sentences) if (reader.read(s) & STRAY) return true;
  return reader.open !== 0;
}
