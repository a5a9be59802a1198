// A story's categories for feed readers: the names it is about ("Serbia", "National Gallery"), taken
// from its articles' own prose. Capitalised runs of words that are not sentence openers, weekdays,
// months, news agencies or the story's own outlets, ranked by how many of its articles name them.
import { isWireService } from "../text/outlet-names.ts";
import { STOP_WORDS } from "../text/words.ts";

const CALENDAR = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);
const TITLES = new Set("mr mrs ms dr prof sir dame lord lady president minister gen st".split(" "));
const JOINERS = new Set(["of", "de", "al", "and", "&"]);
const SENTENCE_ENDS = ".!?:;";

/** A word that can start or continue a name: capitalised, and not a function word or a date word. */
function isNameWord(word: string): boolean {
  const c = word.charCodeAt(0);
  // Most words are lower case or digits; only the rest need the Unicode test.
  if (c < 65 || (c > 90 && (c < 128 || !/^\p{Lu}/u.test(word)))) return false;
  const lower = word.toLowerCase();
  return !STOP_WORDS.has(lower) && !CALENDAR.has(lower) && !TITLES.has(lower);
}

/** The capitalised runs in one text, each with whether it stood at a sentence's start. */
export function nameRuns(text: string): { name: string; opener: boolean }[] {
  const out: { name: string; opener: boolean }[] = [];
  let run: string[] = [];
  let opener = false;
  let sentenceStart = true;
  const flush = () => {
    while (run.length && JOINERS.has(run[run.length - 1]!.toLowerCase())) run.pop();
    if (run.length) out.push({ name: run.join(" ").replace(/['’]s$/, ""), opener });
    run = [];
  };
  // Tokens found by hand (most characters are ASCII and need no Unicode class test):
  // words of letters and digits with ' ’ . - inside, and one-character punctuation marks.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const width = letterOrDigitAt(text, i);
    if (!width) {
      const ch = text[i++]!;
      if (SENTENCE_ENDS.includes(ch)) {
        flush();
        sentenceStart = ch !== ":" && ch !== ";";
      }
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
  flush();
  return out;
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
  const skip = new Set(exclude.map((e) => e.toLowerCase()));
  const tally = new Map<string, { name: string; articles: number; uses: number; first: number }>();
  let order = 0;
  for (const text of texts) {
    const seen = new Set<string>();
    for (const { name, opener } of nameRuns(text)) {
      if (name.length < 2) continue;
      const key = name.toLowerCase();
      const entry = tally.get(key) ?? { name, articles: 0, uses: 0, first: order++ };
      tally.set(key, entry);
      if (opener) continue;
      entry.uses++;
      if (!seen.has(key)) {
        seen.add(key);
        entry.articles++;
      }
    }
  }
  return [...tally.entries()]
    .filter(([key, e]) => e.uses > 0 && !skip.has(key) && !isWireService(e.name))
    .map(([, e]) => e)
    .sort((a, b) => b.articles - a.articles || b.uses - a.uses || a.first - b.first)
    .slice(0, max)
    .map((e) => e.name);
}

/** A story's article as its categories read it: the first paragraphs of its prose (and its path, which a cache may key by). */
export interface ProseSource {
  path: string;
  paragraphs: readonly string[];
}

/** How many of an article's paragraphs its categories are drawn from. */
export const PROSE_PARAGRAPHS = 6;

export function proseOf(article: ProseSource): string {
  return article.paragraphs.slice(0, PROSE_PARAGRAPHS).join("\n");
}

/** A story's categories from its articles: `storyCategories` over their prose, or the same through the build cache. */
export type Categorise = (articles: readonly ProseSource[], exclude: readonly string[]) => string[];

export const categoriseArticles: Categorise = (articles, exclude) => storyCategories(articles.map(proseOf), exclude);
