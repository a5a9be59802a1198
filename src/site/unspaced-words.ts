// Chinese and Japanese are written without spaces between words, and Pagefind splits the text it indexes
// at spaces (it segments them only in a zh or ja index, and the site's index is in the site's language).
// A word inside a sentence ("運賃", "地下鉄") was then no word of the index, and searching it found nothing.
// So the search document of a page gets its Han and kana runs split into words by ICU's word breaks
// (Intl.Segmenter, as the untitled headline's cut uses), and the search page (templates/search.njk) splits
// the reader's words the same way and joins the words back in the results it shows.

/**
 * The letters of those runs, as a regular expression's class: the search page builds its own patterns from it.
 * The scripts' own punctuation (、。「」・！？ and the rest of the CJK and full-width marks) belongs to the runs too:
 * Pagefind keeps a mark inside the word it touches ("した。健康" was one word, and "健康" then found nothing). The
 * marks are placed as in spaced text: a comma, a full stop or a closing mark stays with the word before it ("した。
 * 健康"), an opening mark with the word after it, and the search page takes their spaces out with the letters'.
 */
export const UNSPACED_LETTERS = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆\\u3001-\\u303F\\u30FB\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65";
const RUN = new RegExp(`[${UNSPACED_LETTERS}]+`, "gu");
const ANY = new RegExp(`[${UNSPACED_LETTERS}]`, "u");
const SEGMENTER = new Intl.Segmenter("ja", { granularity: "word" });

/** `html` with a space between the words of each Han or kana run of its text (tags and their attributes as they are). */
export function spacedUnspacedWords(html: string): string {
  // Most pages hold none: they are not taken apart at all.
  if (!ANY.test(html)) return html;
  return html.replace(/(<[^>]*>)|[^<]+/g, (part, tag: string | undefined) => (tag !== undefined ? part : part.replace(RUN, spacedRun)));
}

const CLOSING = /^[\p{Pe}\p{Pf}\p{Po}]+$/u;
const OPENING = /^[\p{Ps}\p{Pi}]+$/u;

function spacedRun(run: string): string {
  let out = "";
  let opened = true;
  for (const { segment } of SEGMENTER.segment(run)) {
    out += opened || CLOSING.test(segment) ? segment : ` ${segment}`;
    opened = OPENING.test(segment);
  }
  return out;
}

/** Whether the site's own index segments Chinese and Japanese (a zh or ja site): then nothing is split here. */
export function indexSegmentsThem(language: string): boolean {
  return /^(?:zh|ja)(?:-|$)/i.test(language);
}
