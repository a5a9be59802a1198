// The headline of a text dump: which line near the start of the located article is it? Lines that
// are dates, numbers, navigation, forms or labels never are (a hard rule: a reader must never see
// "Skip to content" as a story's headline); among the rest a learned model weighs shape, place,
// repetition in the page (also quoted inside a longer line: a breadcrumb, "3 comments on “…”"), the
// byline or date under it, and the page URL's slug; a second model weighs each line's score against
// its neighbours' (a kicker stands just above the headline, a standfirst just below it).
import { MARK_COLON, type Line, type TextDoc } from "./doc.ts";
import { gluedPastOpeningQuotes } from "./line-features.ts";
import { GROUP_BIT } from "./lexicon.ts";
import { headlineTokens, plainTokens, slugTokens, tokenF1 } from "./headline.ts";
import { dateAt, isHeadlineByline } from "./bylines.ts";
import { TermSums } from "../text/term-sums.ts";
import { float64Scratch, int32Scratch, int8Scratch } from "./scratch.ts";

export const HEADLINE_FEATURES = [
  "log-words", "caps-share", "stop-share", "ends-sentence", "ends-question", "headline-shape", "prose", "log-repeats",
  "above-body", "in-body", "log-distance", "nearest-above", "slug-f1", "slug-cover", "byline-or-date-below",
  "byline-or-date-above", "first-line", "position", "block-score", "next-block-score", "lexicon-share", "dropped",
  "title-f1", "has-url", "body-overlap", "at-anchor", "log-quoted", "short", "byline-or-date-next",
  "arrow-end", "all-caps", "domain", "quote-line", "clock-time", "slug-match", "byline-or-date-within-6",
  "log-words-squared", "lead-cover", "lead-cover-rare",
  "words-1", "words-2", "words-3", "words-4-6", "words-7-10", "words-11-15", "words-16-20", "words-21-30", "words-31-up",
] as const;

/** Lexicon groups that make a short line furniture whatever else it says. */
const FURNITURE = GROUP_BIT.consent | GROUP_BIT.navigation | GROUP_BIT.account | GROUP_BIT.subscribe | GROUP_BIT.legal | GROUP_BIT.comments | GROUP_BIT.ads | GROUP_BIT.related | GROUP_BIT.market;

/** A form field's name: an e-mail address, a password, a user name, in the dev sets' languages. */
const FORM_FIELD = /\b(?:e-?mail[- ]?(?:adresse|address|addresse)|(?:adresse|direcci[oó]n|indirizzo|endere[cç]o) (?:de )?(?:e-?mail|correo)|passwor[dt]|kennwort|mot de passe|contrase[nñ]a|benutzername|username|nom d'utilisateur)\b/i;

/**
 * A picture's credit: "Photograph by …", "Bild © …"; a credit's label and a colon ("Bildnachweis:",
 * "Quelle:"); a picture's label and a colon on a short line ("Foto: Marco Roepers", where "Fotos: So feierte Köln"
 * is a gallery's headline); a copyright sign or "(c) 2020"; a Creative Commons licence or its host.
 */
export const PHOTO_CREDIT = /^\s*(?:(?:fotos?|photos?|photographs?|bild(?:er)?|images?|pictures?)\s*(?:by|©|\(c\))|(?:credits?|fotocredit|bildquelle|bildnachweis|quelle|source|photographer|fotograf)\s*:)|©|\(c\)\s*\d{4}|\bcc[- ]by\b|wikimedia commons/iu;
/** A word's lower-case run with 3+ capitals (and digits) glued to its end as the line's last word: a credit after a caption. */
export const GLUED_CREDIT = /\p{Ll}{3}(?:\p{Lu}{4,}|\p{Lu}{2,}\p{N}+)$/u;
const PICTURE_LABEL = /^\s*(?:fotos?|photos?|bild(?:er)?|images?|pictures?)\s*:/iu;

/**
 * `PHOTO_CREDIT.test(t)`, the pattern run only on a line it may match (about one line in five): one opening with
 * white space, a character past ASCII or the first two letters of one of its labels ("fo", "ph", "pi", "bi", "im",
 * "cr", "qu", "so", in either case); or one holding "©", "(", a "cc" or an "mm" (of "commons") in either case.
 * Under the pattern's `iu` flags no other ASCII letter matches those letters (the long s "ſ", read as "s", is past
 * ASCII). Same answers, about half the time over the dev and bench lines.
 */
export function isPhotoCredit(t: string): boolean {
  const c = t.charCodeAt(0);
  let may = c >= 0x80 || c <= 0x20;
  if (!may) {
    const d = t.charCodeAt(1);
    may = !(d < 0x80) || LABEL_OPENINGS[(c << 7) | d] === 1 || CREDIT_INSIDE.test(t);
  }
  return may && PHOTO_CREDIT.test(t);
}
/** A character the pattern's unanchored parts cannot match without: "©", "(", "cc" or "mm" in either case. */
const CREDIT_INSIDE = /[©(]|[cC][cC]|[mM][mM]/;
/** By two ASCII code units (first × 128 + second): 1 when a label of PHOTO_CREDIT may open with them, in either case. */
const LABEL_OPENINGS = new Uint8Array(128 * 128);
for (const opening of ["fo", "ph", "pi", "bi", "im", "cr", "qu", "so"]) {
  for (const a of [opening[0]!, opening[0]!.toUpperCase()]) for (const b of [opening[1]!, opening[1]!.toUpperCase()]) LABEL_OPENINGS[(a.charCodeAt(0) << 7) | b.charCodeAt(0)] = 1;
}

/** `GLUED_CREDIT.test(t)`, run only on a line ending in a character past ASCII, a capital A-Z or a digit (the pattern's last \p{Lu} or \p{N}). */
export function isGluedCredit(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return (c >= 0x80 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) && GLUED_CREDIT.test(t);
}

/** Never a headline: dates, numbers, navigation, forms, labels, bylines, photo credits. */
export function cannotBeHeadline(line: Line): boolean {
  return headlineRefusal(line) !== null;
}

/** The first clause of cannotBeHeadline that turns the line away, by name (the trials count them: train/try-headline-*.ts); null: it may be a headline. */
export function headlineRefusal(line: Line): string | null {
  if (line.words < 1 || line.words > 35) return "length";
  if (line.dated) return "dated";
  if (line.glued && gluedPastOpeningQuotes(line.text)) return "glued";
  const t = line.text;
  const last = t.charCodeAt(t.length - 1);
  if (last === 58 || last === 44 || last === 59) return "ends-colon-comma";
  // Mostly numbers (ratings, counts, addresses); "Monstergespräche #1" is a headline.
  if (line.numbers * 2 > line.words || (line.numbers * 2 === line.words && line.words >= 4) || line.digits > 0.5) return "numbers";
  if (line.dateOrNumber) return "date-or-number";
  // Mostly furniture words: two of them at least, or one standing alone ("Home prices rise" is a headline).
  const share = line.lexiconWords / line.words;
  if ((share >= 0.5 && (line.lexiconWords >= 2 || line.words === 1)) || (line.words <= 10 && share >= 0.3 && line.lexiconWords >= 2)) return "lexicon";
  if (line.words <= 6 && (line.lexiconFirst & FURNITURE) !== 0) return "lexicon-first";
  if (isHeadlineByline(t, line.words)) return "byline";
  // A form's prompt ("Warum muss ich meine E-Mail-Adresse eingeben?", "Ein Passwort wird Ihnen per E-Mail zugeschickt.").
  if (line.words <= 14 && FORM_FIELD.test(t)) return "form";
  // A photo's credit ("Foto: Marco Roepers [CC BY-SA 3.0], via Wikimedia Commons", "Photograph by …").
  if (isPhotoCredit(t) || (line.words <= 6 && PICTURE_LABEL.test(t))) return "credit";
  // A caption with its agency's credit glued on ("… sklepy w ChileENEX", "… koronawirusemTVN24").
  if (line.words >= 3 && isGluedCredit(t)) return "glued-credit";
  // Menus glued together ("Auto NewsRetail NewsHealth News"), addresses, date-led lines.
  if (line.innerCaps >= 2 || /https?:\/\/|www\.\w/.test(t)) return "inner-caps-or-address";
  const date = dateAt(t, line.digits > 0);
  if (date >= 0 && (line.words <= 8 || date < 4)) return "date-inside";
  return null;
}

export interface HeadlineCandidate {
  index: number;
  x: Float64Array;
}

/**
 * How far above the body a headline may stand, and how far into it. Far above: the located body can
 * start well below the headline (a gallery, a comment thread, a long teaser list in between). Into
 * it: the block model may start the body on a teaser run or a standfirst above the headline (8 lines
 * missed such headlines; 20 finds them, and 30 began to take subheadings deep in the body, which
 * takes the text above them out of the article).
 */
const ABOVE = 100;
const INTO = 20;

/**
 * Candidate lines around the body's start, with their features. With `transient`, the features share
 * one buffer with the next call's: for a caller done with them before then.
 */
export function headlineCandidates(doc: TextDoc, knownTitle: string | null = null, transient = false): HeadlineCandidate[] {
  const lines = doc.lines;
  const n = lines.length;
  if (n === 0) return [];
  const start = bodyAnchor(doc);
  const slug = slugTokens(doc.meta.url);
  const title = knownTitle ? headlineTokens(knownTitle) : [];
  const firstKept = lines.findIndex((l) => l.drop === null || l.drop === "page-header" || l.drop === "locate-article");
  const scores = doc.scores;
  const out: HeadlineCandidate[] = [];
  // Above the article's run as well as its core: the block model may keep the headline's own
  // lines (deck, byline) as article text and put the core further down.
  const from = Math.max(0, Math.min(start, doc.start) - ABOVE);
  const to = Math.min(n, start + INTO);
  const chosen: number[] = [];
  for (let i = from; i < to; i++) if (usable(lines[i]!) && !cannotBeHeadline(lines[i]!)) chosen.push(i);
  const [coreFrom, coreTo] = doc.core ?? [doc.start, doc.end];
  const uses = termUses(lines, chosen, coreFrom, coreTo);
  // One buffer for all the candidates' features, each a view of it: a typed array of its own per
  // candidate costs more to allocate than its features cost to compute.
  const width = HEADLINE_FEATURES.length;
  const features = transient ? candidateScratch.room(chosen.length * width) : new Float64Array(chosen.length * width);
  // Whether each line is a date or a byline (`near`), asked by up to four candidates apiece: 0 not yet known.
  const dated = datedScratch.zeros(n);
  // The core's first kept line of running prose: the length bins count only above it.
  let firstProse = n;
  for (let i = coreFrom; i < coreTo; i++) if (lines[i]!.drop === null && lines[i]!.prose) (firstProse = i, (i = coreTo));
  // The nearest possible headline above the body (the usual place).
  let nearest = -1;
  for (const i of chosen) if (i < start && lines[i]!.words >= 3) nearest = i;
  for (const i of chosen) {
    const l = lines[i]!;
    const toks = title.length > 0 ? headlineTokens(l.text) : [];
    const below = near(lines, dated, i + 1, Math.min(n, i + 4));
    const above = near(lines, dated, Math.max(0, i - 3), i);
    let slugCover = 0;
    const plain = slug.length > 0 ? plainTokens(l.text) : [];
    if (slug.length > 0) {
      // A headline has a few dozen words at most: looked through, no Set made per line.
      let hits = 0;
      for (const w of slug) if (plain.includes(w)) hits++;
      slugCover = hits / slug.length;
    }
    const slugF1 = tokenF1(plain, slug);
    const x = features.subarray(out.length * width, (out.length + 1) * width);
    // Written in place, in HEADLINE_FEATURES order: no array of the values made per candidate.
    let k = 0;
    x[k++] = Math.log1p(l.words);
    x[k++] = l.caps;
    x[k++] = l.stops;
    x[k++] = endsInStop(l.text) ? 1 : 0;
    x[k++] = l.text.endsWith("?") ? 1 : 0;
    x[k++] = l.headline ? 1 : 0;
    x[k++] = l.prose ? 1 : 0;
    x[k++] = Math.log(l.repeats);
    x[k++] = i < start ? 1 : 0;
    x[k++] = i >= start ? 1 : 0;
    x[k++] = Math.log1p(Math.abs(start - i));
    x[k++] = i === nearest ? 1 : 0;
    x[k++] = slugF1;
    x[k++] = slugCover;
    x[k++] = below ? 1 : 0;
    x[k++] = above ? 1 : 0;
    x[k++] = i === firstKept ? 1 : 0;
    x[k++] = n > 1 ? i / (n - 1) : 0;
    x[k++] = scores ? clamp(scores[i]!) : 0;
    x[k++] = scores && i + 1 < n ? clamp(scores[i + 1]!) : 0;
    x[k++] = l.lexiconWords / Math.max(1, l.words);
    x[k++] = l.drop !== null ? 1 : 0;
    x[k++] = tokenF1(toks, title);
    x[k++] = doc.meta.url ? 1 : 0;
    x[k++] = bodyOverlap(l, uses, i >= coreFrom && i < coreTo && l.drop === null);
    x[k++] = i === start ? 1 : 0;
    x[k++] = Math.log1p(quotedIn(lines, l, uses));
    x[k++] = l.words <= 2 ? 1 : 0;
    x[k++] = near(lines, dated, i + 1, Math.min(n, i + 2)) ? 1 : 0;
    x[k++] = arrowEnd(l.text) ? 1 : 0;
    x[k++] = l.words >= 2 && !LOWER_LETTER.test(l.text) && UPPER_LETTER.test(l.text) ? 1 : 0;
    x[k++] = hasDomain(l.text) ? 1 : 0;
    x[k++] = QUOTE_LINE.test(l.text) ? 1 : 0;
    x[k++] = (l.marks & MARK_COLON) !== 0 && CLOCK.test(l.text) ? 1 : 0;
    x[k++] = slugF1 >= 0.6 ? 1 : 0;
    x[k++] = near(lines, dated, i + 1, Math.min(n, i + 7)) ? 1 : 0;
    // With log-words, a length that peaks: a headline has a dozen words, its standfirst more.
    x[k++] = Math.log1p(l.words) ** 2;
    leadCover(lines, i, uses, x, k);
    k += 2;
    // The length in bins as well: log-words and its square rise up to some 38 words, so among lines
    // of plausible length the longer (a standfirst under its headline) wins; bins let a headline's
    // usual length score as it is.
    for (let b = 0; b < WORD_BINS.length; b++) x[k + b] = i < firstProse && l.words <= WORD_BINS[b]! && (b === 0 || l.words > WORD_BINS[b - 1]!) ? 1 : 0;
    out.push({ index: i, x });
  }
  return out;
}

/** The upper ends of the length bins (`words-1` … `words-31-up`); a candidate has at most 35 words. */
const WORD_BINS = [1, 2, 3, 6, 10, 15, 20, 30, Infinity];

const candidateScratch = float64Scratch();
const datedScratch = int8Scratch();
const contextScratch = float64Scratch();

/**
 * Where the article's text begins: the first kept line of its core (the run where the block model
 * puts most article text), not a stray line the model kept higher up the page.
 */
export function bodyAnchor(doc: TextDoc): number {
  const [from, to] = doc.core ?? [doc.start, doc.end];
  for (let i = from; i < to; i++) if (doc.lines[i]!.drop === null) return i;
  return Math.min(from, Math.max(0, doc.lines.length - 1));
}

/** Prose lines below a candidate read as its lead: the first few of them within a short reach. */
const LEAD_LINES = 3;
const LEAD_REACH = 10;
const LEAD_WORDS = 12;

/**
 * How much of the line the lead below it restates: the share of its content words in the first
 * prose lines under it, and the same share over its rare words only (on at most three lines of the
 * page). A headline's words recur in its lead; a standfirst brings words of its own. Written
 * into `x` at `at` and the place after it.
 */
function leadCover(lines: readonly Line[], i: number, uses: TermUses, x: Float64Array, at: number): void {
  const l = lines[i]!;
  x[at] = 0;
  x[at + 1] = 0;
  if (l.terms.length === 0) return;
  // The lead's few lines are searched in place: no set of their words is built per candidate.
  const lead: number[][] = [];
  for (let j = i + 1; j < lines.length && j <= i + LEAD_REACH && lead.length < LEAD_LINES; j++) {
    const o = lines[j]!;
    if (o.words >= LEAD_WORDS && usable(o)) lead.push(o.terms);
  }
  if (lead.length === 0) return;
  let shared = 0, rare = 0, rareShared = 0;
  for (const t of l.terms) {
    let hit = false;
    for (let q = 0; q < lead.length && !hit; q++) hit = lead[q]!.includes(t);
    if (hit) shared++;
    if (linesWithCount(uses, t) <= 3) (rare++, hit && rareShared++);
  }
  x[at] = shared / l.terms.length;
  x[at + 1] = rare > 0 ? rareShared / rare : 0;
}

/** Share of the line's content words the article's body uses (the line's own use left out). */
function bodyOverlap(line: Line, uses: TermUses, inBody: boolean): number {
  if (line.terms.length === 0) return 0;
  let shared = 0;
  for (const t of line.terms) if (bodyUses(uses, t) > (inBody ? 1 : 0)) shared++;
  return shared / line.terms.length;
}

const STOPS = new Set([".", "!", "?", "…"]);
const STOP_CLOSERS = new Set(['"', "'", "”", "’", ")"]);

/** /[.!?…]["'”’)]*$/ read from the end: a sentence stop, perhaps inside closing quotes or a bracket. */
function endsInStop(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && STOP_CLOSERS.has(text[i]!)) i--;
  return i >= 0 && STOPS.has(text[i]!);
}

const ARROW_OPENING = /^\s*[←«‹<]/u;
const ARROW_CLOSING = new Set(["→", "»", "›", ">"]);

/**
 * A link to the previous or next page: "← Older post", "Next story »", "< All shops". The closing
 * arrow is the last character but for white space (read from the end, not searched for).
 */
function arrowEnd(text: string): boolean {
  const end = text.trimEnd();
  return ARROW_OPENING.test(text) || ARROW_CLOSING.has(end[end.length - 1]!);
}

/** A host name in the line ("kurier.at", "example.com"): a site's own name, a menu of sister sites. */
const DOMAIN = /[\p{L}\p{N}]\.(?:[a-z]{2,3}|info|online)(?![\p{L}\p{N}])/u;

/** `DOMAIN.test(text)`, run only on lines with a full stop before a lower-case ASCII letter. */
function hasDomain(text: string): boolean {
  for (let i = text.indexOf("."); i >= 0 && i < text.length - 1; i = text.indexOf(".", i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c >= 97 && c <= 122) return DOMAIN.test(text);
  }
  return false;
}
/** The whole line a quotation: a pull quote set between the paragraphs. */
const QUOTE_LINE = /^\s*["“„«‚‘'].*["”“»’‘']\s*$/u;
/** A time of day: a timestamp or byline, not a headline. */
const CLOCK = /(?<![\p{N}.:])\d{1,2}:\d{2}(?![\p{N}])/u;
/** A lower-case and a capital letter: a line of capitals has the second and not the first. */
const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;

/**
 * How the page uses the candidates' content words (only those are ever looked up), each by its slot.
 * The arrays are scratch, valid until the next page's `termUses`.
 */
interface TermUses {
  /** Each word's slot plus one; 0 for a word no candidate has. */
  slots: TermSums;
  /** By slot: how often the article's kept core lines use the word: a headline's words recur in its body, another story's or a menu's do not. */
  body: Int32Array;
  /** By slot: how many lines of up to 60 words hold the word: lines that may quote a candidate. */
  count: Int32Array;
  /** Those lines as a list per slot: its last entry plus one (0 for none); by entry, the entry before it plus one, and its line. */
  head: Int32Array;
  next: Int32Array;
  line: Int32Array;
}

/** How often the article's kept core lines use the word (0 for a word no candidate has). */
function bodyUses(uses: TermUses, t: number): number {
  const slot = uses.slots.get(t);
  return slot === 0 ? 0 : uses.body[slot - 1]!;
}

/** How many lines of up to 60 words hold the word (0 for a word no candidate has). */
function linesWithCount(uses: TermUses, t: number): number {
  const slot = uses.slots.get(t);
  return slot === 0 ? 0 : uses.count[slot - 1]!;
}

/** `termUses`' bit set, word slots and lists, one for page after page (emptied first): cheaper than new ones per page. */
const knownBits = new Uint32Array(2048);
const termSlots = new TermSums();
const usesScratch = { body: int32Scratch(), count: int32Scratch(), head: int32Scratch(), last: int32Scratch(), next: int32Scratch(), line: int32Scratch() };

/** The candidates' content words, each with its use, in one pass over the page. */
function termUses(lines: readonly Line[], candidates: readonly number[], coreFrom: number, coreTo: number): TermUses {
  const slots = termSlots;
  slots.clear();
  let slotRoom = 0, entryRoom = 0;
  for (const i of candidates) slotRoom += lines[i]!.terms.length;
  for (const l of lines) entryRoom += l.terms.length;
  const body = usesScratch.body.zeros(slotRoom);
  const count = usesScratch.count.zeros(slotRoom);
  const head = usesScratch.head.zeros(slotRoom);
  /** By slot: the last line listed plus one. */
  const last = usesScratch.last.zeros(slotRoom);
  // Written before they are read, entry by entry.
  const next = usesScratch.next.room(entryRoom);
  const line = usesScratch.line.room(entryRoom);
  let slotCount = 0, entries = 0;
  // A bit per low 16 bits of the candidates' words: most of the page's words are passed over unlooked-up.
  const known = knownBits.fill(0);
  for (const i of candidates) {
    for (const t of lines[i]!.terms) {
      if (slots.get(t) !== 0) continue;
      slots.add(t, ++slotCount);
      known[(t >>> 5) & 2047]! |= 1 << (t & 31);
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const inBody = i >= coreFrom && i < coreTo && l.drop === null;
    const short = l.words <= 60;
    if (!inBody && !short) continue;
    for (const t of l.terms) {
      if ((known[(t >>> 5) & 2047]! & (1 << (t & 31))) === 0) continue;
      const slot = slots.get(t) - 1;
      if (slot < 0) continue;
      if (inBody) body[slot]!++;
      if (short && last[slot] !== i + 1) {
        last[slot] = i + 1;
        line[entries] = i;
        next[entries] = head[slot]!;
        head[slot] = ++entries;
        count[slot]!++;
      }
    }
  }
  return { slots, body, count, head, next, line };
}

/**
 * Longer lines of the page that quote this one inside them: a breadcrumb's last step, "3 comments
 * on “…”", a share line. Only lines that hold the line's rarest content word are read.
 */
function quotedIn(lines: readonly Line[], line: Line, uses: TermUses): number {
  if (line.norm.length < 12 || line.words < 2 || line.terms.length === 0) return 0;
  let rarest = -1, fewest = -1;
  for (const t of line.terms) {
    const slot = uses.slots.get(t) - 1;
    const size = slot < 0 ? 0 : uses.count[slot]!;
    if (fewest < 0 || size < fewest) (rarest = slot, (fewest = size));
  }
  let n = 0;
  if (rarest < 0) return 0;
  for (let e = uses.head[rarest]!; e !== 0; e = uses.next[e - 1]!) {
    const o = lines[uses.line[e - 1]!]!;
    if (o.norm.length > line.norm.length && o.norm.includes(line.norm)) n++;
  }
  return n;
}

/** Lines a headline may be: kept, or dropped only for standing outside the body or reading like a caption (a short headline often does). */
function usable(l: Line): boolean {
  return l.drop === null || l.drop === "page-header" || l.drop === "locate-article" || l.drop === "page-footer" || l.drop === "photo-caption";
}

function near(lines: readonly Line[], dated: Int8Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (dated[j] === 0) {
      const l = lines[j]!;
      dated[j] = l.words <= 15 && (l.dated || l.dateOrNumber || (l.bylineOrDate && bylineOrDateProper(l))) ? 1 : -1;
    }
    if (dated[j] === 1) return true;
  }
  return false;
}

/** A line `bylineOrDate` marks that is a byline with a name or holds a date: not a headline opening with "Von …" or "By the …". */
function bylineOrDateProper(l: Line): boolean {
  return isHeadlineByline(l.text, l.words) || dateAt(l.text, l.digits > 0) >= 0;
}

const clamp = (v: number): number => Math.max(-20, Math.min(20, v));

/** What the second model adds to the first model's score: how the line compares with the candidates around it. */
export const HEADLINE_CONTEXT_FEATURES = [
  "score", "gap-to-best-other", "candidate-above", "margin-above", "candidate-below", "margin-below", "longer-below", "longer-above",
  "slug-gap",
] as const;

const SLUG_F1 = HEADLINE_FEATURES.indexOf("slug-f1");

/** Lines apart within which two candidates read as kicker and headline, or headline and standfirst. */
const ADJACENT = 2;

/**
 * Each candidate's first-model score set beside its neighbours': a kicker or section label stands
 * just above a stronger line, a standfirst just below one. `z` holds the first model's scores in
 * candidate order (page order). With `transient`, the rows share one buffer with the next call's.
 */
export function headlineContext(doc: TextDoc, candidates: readonly HeadlineCandidate[], z: readonly number[] | Float64Array, transient = false): Float64Array[] {
  const width = HEADLINE_CONTEXT_FEATURES.length;
  const features = headlineContextRows(doc, candidates, z, transient);
  return candidates.map((_, k) => features.subarray(k * width, (k + 1) * width));
}

/** `headlineContext`'s rows one after another in one array: candidate k's from k × the feature count. */
export function headlineContextRows(doc: TextDoc, candidates: readonly HeadlineCandidate[], z: readonly number[] | Float64Array, transient = false): Float64Array {
  const m = candidates.length;
  let best = -Infinity, second = -Infinity;
  for (let k = 0; k < m; k++) {
    const v = z[k]!;
    if (v > best) (second = best, (best = v)); else if (v > second) second = v;
  }
  let bestSlug = 0;
  for (let k = 0; k < m; k++) bestSlug = Math.max(bestSlug, candidates[k]!.x[SLUG_F1]!);
  const width = HEADLINE_CONTEXT_FEATURES.length;
  const features = transient ? contextScratch.room(m * width) : new Float64Array(m * width);
  for (let k = 0; k < m; k++) {
    const c = candidates[k]!;
    const other = z[k] === best ? second : best;
    let above = -1, below = -1;
    for (let j = k - 1; j >= 0 && c.index - candidates[j]!.index <= ADJACENT; j--) if (above < 0 || z[j]! > z[above]!) above = j;
    for (let j = k + 1; j < m && candidates[j]!.index - c.index <= ADJACENT; j++) if (below < 0 || z[j]! > z[below]!) below = j;
    const words = doc.lines[c.index]!.words;
    const at = k * width;
    features[at] = z[k]!;
    features[at + 1] = Number.isFinite(other) ? clampGap(z[k]! - other) : 5;
    features[at + 2] = above >= 0 ? 1 : 0;
    features[at + 3] = above >= 0 ? clampGap(z[k]! - z[above]!) : 0;
    features[at + 4] = below >= 0 ? 1 : 0;
    features[at + 5] = below >= 0 ? clampGap(z[k]! - z[below]!) : 0;
    features[at + 6] = below >= 0 && doc.lines[candidates[below]!.index]!.words > words ? 1 : 0;
    features[at + 7] = above >= 0 && doc.lines[candidates[above]!.index]!.words > words ? 1 : 0;
    features[at + 8] = c.x[SLUG_F1]! - bestSlug;
  }
  return features;
}

const clampGap = (v: number): number => Math.max(-10, Math.min(10, v));
