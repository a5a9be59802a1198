// A story's categories for feed readers: the names it is about ("Serbia", "National Gallery"), taken
// from its articles' own prose. Capitalised runs of words (parted by brackets, slashes and dashes: "Industry
// (METI)" is two names) that are not sentence openers, weekdays, months, news agencies or the story's own
// outlets, ranked by how many of its articles name them.
import { isWireService } from "../text/outlet-names.ts";
import { STOP_WORDS } from "../text/words.ts";
import { paragraphsOf } from "../text/article-text.ts";
import type { CleanArticle } from "../types.ts";

const CALENDAR = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);
const TITLES = new Set("mr mrs ms dr prof sir dame lord lady president minister gen st".split(" "));
const JOINERS = new Set(["of", "de", "al", "and", "&"]);

/** Lower-cased words that never start or continue a name: function words, date words, titles. */
const NOT_NAME: ReadonlySet<string> = new Set([...STOP_WORDS, ...CALENDAR, ...TITLES]);

/** A word that can start or continue a name: capitalised, and not a function word or a date word. */
function isNameWord(word: string): boolean {
  const c = word.charCodeAt(0);
  // Most words are lower case or digits; only the rest need the Unicode test.
  if (c < 65 || (c > 90 && (c < 128 || !/^\p{Lu}/u.test(word)))) return false;
  return !NOT_NAME.has(word.toLowerCase());
}

/** The capitalised runs in one text, each with whether it stood at a sentence's start. */
export function nameRuns(text: string): { name: string; opener: boolean }[] {
  const out: { name: string; opener: boolean }[] = [];
  eachNameRun([text], (name, opener) => out.push({ name, opener }));
  return out;
}

/**
 * `nameRuns` as calls, in order, with nothing kept; of the parts as one text, joined by newlines (a
 * newline neither ends a sentence nor a name run, and ends a word: each part is read in place instead).
 */
function eachNameRun(parts: readonly string[], take: (name: string, opener: boolean) => void, count = parts.length, seen: SeenParts | null = null): void {
  const run: string[] = [];
  let opener = false;
  let sentenceStart = true;
  let recording: PartNames | null = null;
  const flush = () => {
    while (run.length && JOINERS.has(run[run.length - 1]!.toLowerCase())) run.pop();
    if (run.length) {
      const name = run.length === 1 ? run[0]! : run.join(" ");
      const taken = endsInS(name) ? name.replace(/['’]s$/, "") : name;
      if (recording) {
        recording.names.push(taken);
        recording.openers.push(opener);
      }
      take(taken, opener);
      run.length = 0;
    }
  };
  // Tokens found by hand (most characters are ASCII and need no Unicode class test):
  // words of letters and digits with ' ’ . - inside, and one-character punctuation marks.
  for (let part = 0; part < count; part++) {
    const text = parts[part]!;
    if (recording) {
      recording.end = { sentenceStart, opener, run: run.slice() };
      recording = null;
    }
    // A byline paragraph names the writer, not what the story is about; nor does a name run across it.
    if (isBylineLine(text)) {
      flush();
      sentenceStart = true;
      continue;
    }
    // A part read before, from the same state (no run open, the same sentence start), gives the same names and state.
    if (seen && run.length === 0) {
      const byText: Map<string, PartNames> = sentenceStart ? seen.afterStart : seen.midSentence;
      const known: PartNames | undefined = byText.get(text);
      if (known?.end) {
        for (let k = 0; k < known.names.length; k++) take(known.names[k]!, known.openers[k]!);
        ({ sentenceStart, opener } = known.end);
        run.push(...known.end.run);
        continue;
      }
      recording = { names: [], openers: [], end: null };
      byText.set(text, recording);
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      const width = letterOrDigitAt(text, i);
      if (!width) {
        const c = text.charCodeAt(i++);
        // . ! ? : ; (SENTENCE_ENDS)
        if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) {
          flush();
          sentenceStart = c !== 58 && c !== 59;
        } else if (partsNames(c)) flush();
        continue;
      }
      let end = i + width;
      for (let j = end; j < n; ) {
        const w = letterOrDigitAt(text, j);
        if (w) end = j += w;
        else {
          const c = text.charCodeAt(j);
          if (c !== 0x27 && c !== 0x2019 && c !== 0x2e && c !== 0x2d) break;
          j++;
        }
      }
      const c = text.charCodeAt(i);
      if (run.length === 0 && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
        // A lower-case word or a number outside a name: it only ends a sentence's start.
        sentenceStart = false;
        i = end;
        continue;
      }
      const word = text.slice(i, end);
      i = end;
      if (isNameWord(word) || (run.length > 0 && JOINERS.has(word.toLowerCase()))) {
        if (!run.length) opener = sentenceStart;
        run.push(word);
      } else flush();
      sentenceStart = false;
    }
  }
  if (recording) {
    recording.end = { sentenceStart, opener, run: run.slice() };
    recording = null;
  }
  flush();
}

/**
 * Whether a character between two words parts two names: a bracket, a slash or a dash ("Industry (METI)",
 * "Mr Herron - who"). White space, "&", quotation marks and commas do not ("Marks & Spencer", '"Dirty" Den
 * Watts', "Ministry of Economy, Trade and Industry": official names hold commas, so a list's names still run
 * together).
 */
function partsNames(c: number): boolean {
  return c === 40 || c === 41 || c === 91 || c === 93 || c === 47 || c === 45 || c === 0x2013 || c === 0x2014;
}

/** A byline on a line of its own: "By Staff Reporter", "Von Anna Müller", "Par …" (short, no sentence end). */
const BYLINE_LINE = /^(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or)\s+\p{Lu}[^.!?:;]{0,60}$/u;

function isBylineLine(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return (c === 98 || c === 118 || c === 112) && text.length <= 70 && BYLINE_LINE.test(text);
}

/** What reading one part gave: the names taken, whether each opened a sentence, and the state after it. */
interface PartNames {
  names: string[];
  openers: boolean[];
  /** Null while the part is being read. */
  end: { sentenceStart: boolean; opener: boolean; run: string[] } | null;
}

/** A story's parts read with no name run open, by their text: after a sentence's end, or within a sentence. */
interface SeenParts {
  afterStart: Map<string, PartNames>;
  midSentence: Map<string, PartNames>;
}

/** Whether the name ends in "'s" or "’s" (the only names the possessive replacement changes). */
function endsInS(name: string): boolean {
  const n = name.length;
  if (n < 2 || name.charCodeAt(n - 1) !== 115) return false;
  const q = name.charCodeAt(n - 2);
  return q === 0x27 || q === 0x2019;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Width in UTF-16 units of the letter or digit at `i`, or 0 when there is none there. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return LETTER_OR_DIGIT.test(text.slice(i, i + width)) ? width : 0;
}

/**
 * Up to `max` names the articles are about. A name counts once per article that uses it mid-sentence
 * (a sentence's first word may be capitalised for no other reason); ties go to the name used more often.
 */
export function storyCategories(texts: readonly string[], exclude: readonly string[], max = 3): string[] {
  return categoriesOf(texts.map((text) => [text]), exclude, max, 1);
}

/** `storyCategories` of texts given as parts (each article's text: its first `count` parts joined by newlines). */
function categoriesOf(texts: ReadonlyArray<readonly string[]>, exclude: readonly string[], max: number, count: number): string[] {
  interface Tally {
    key: string;
    name: string;
    articles: number;
    uses: number;
    first: number;
    /** The last article (1-based) that used it mid-sentence. */
    last: number;
  }
  const tally = new Map<string, Tally>();
  let order = 0;
  let article = 0;
  const take = (name: string, opener: boolean) => {
    if (name.length < 2) return;
    const key = name.toLowerCase();
    let entry = tally.get(key);
    if (entry === undefined) {
      entry = { key, name, articles: 0, uses: 0, first: order++, last: 0 };
      tally.set(key, entry);
    }
    if (opener) return;
    entry.uses++;
    if (entry.last !== article) {
      entry.last = article;
      entry.articles++;
    }
  };
  // Outlets running one wire story share whole paragraphs: each is read once.
  const seen = texts.length > 1 ? { afterStart: new Map<string, PartNames>(), midSentence: new Map<string, PartNames>() } : null;
  for (const parts of texts) {
    article++;
    eachNameRun(parts, take, Math.min(count, parts.length), seen);
  }
  const ranked: Tally[] = [];
  for (const e of tally.values()) if (e.uses > 0) ranked.push(e);
  // Ranked first, then passed over for the names left out until `max` are found: the same names as
  // leaving them out first (the order is total), with far fewer outlet-name tests.
  ranked.sort((a, b) => b.articles - a.articles || b.uses - a.uses || a.first - b.first);
  const skip = new Set(exclude.map((e) => e.toLowerCase()));
  const keep = (e: Tally) => !skip.has(e.key) && !isWireService(e.name);
  if (!Number.isInteger(max) || max < 0) return ranked.filter(keep).slice(0, max).map((e) => e.name);
  const out: string[] = [];
  for (const e of ranked) {
    if (out.length >= max) break;
    // "GM" beside "General Motors": one name, shown once (the one more articles use).
    if (keep(e) && !out.some((name) => sameByInitials(name, e.name))) out.push(e.name);
  }
  return out;
}

/** Whether one name is the other's acronym: its capitals are the initials of the other's words ("FCC", "Federal Communications Commission"). */
function sameByInitials(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!/^\p{Lu}{2,8}$/u.test(short) || (!long.includes(" ") && !long.includes("-"))) return false;
  let initials = "";
  for (const word of long.split(/[\s-]+/)) if (word && !JOINERS.has(word.toLowerCase()) && !STOP_WORDS.has(word.toLowerCase())) initials += word[0];
  return initials.toUpperCase() === short;
}

/** A story's article as its categories read it: the first paragraphs of its prose (and its path, which a cache may key by). */
export type ProseSource = Pick<CleanArticle, "path" | "paragraphs" | "stored">;

/** How many of an article's paragraphs its categories are drawn from. */
export const PROSE_PARAGRAPHS = 6;

export function proseOf(article: ProseSource): string {
  return paragraphsOf(article).slice(0, PROSE_PARAGRAPHS).join("\n");
}

/** A story's categories from its articles: `storyCategories` over their prose, or the same through the build cache. */
export type Categorise = (articles: readonly ProseSource[], exclude: readonly string[]) => string[];

// The paragraphs read where they are, not joined into each article's prose first (the same names). The list
// is made by `push`, not `map`: optimised, `map` made a list of another elements kind than the interpreter's,
// and categoriesOf, meeting it, threw its own optimised code away (./model.ts viewParts, the same).
export const categoriseArticles: Categorise = (articles, exclude) => {
  const texts: string[][] = [];
  for (const article of articles) texts.push(paragraphsOf(article));
  return categoriesOf(texts, exclude, 3, PROSE_PARAGRAPHS);
};
