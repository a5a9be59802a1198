// Chinese and Japanese are written without spaces between words, and Pagefind splits the text it indexes
// at spaces (it segments them only in a zh or ja index, and the site's index is in the site's language).
// A word inside a sentence ("運賃", "地下鉄") was then no word of the index, and searching it found nothing.
// So the search document of a page gets its Han and kana runs split into words by ICU's word breaks
// (Intl.Segmenter, as the untitled headline's cut uses), and the search page (templates/search.njk) splits
// the reader's words the same way and joins the words back in the results it shows.

/** The letters of those runs, as a regular expression's class: the search page builds its own patterns from it. */
export const UNSPACED_LETTERS = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆";
const RUN = new RegExp(`[${UNSPACED_LETTERS}]+`, "gu");
const ANY = new RegExp(`[${UNSPACED_LETTERS}]`, "u");
const SEGMENTER = new Intl.Segmenter("ja", { granularity: "word" });

/** `html` with a space between the words of each Han or kana run of its text (tags and their attributes as they are). */
export function spacedUnspacedWords(html: string): string {
  // Most pages hold none: they are not taken apart at all.
  if (!ANY.test(html)) return html;
  return html.replace(/(<[^>]*>)|[^<]+/g, (part, tag: string | undefined) => (tag !== undefined ? part : part.replace(RUN, spacedRun)));
}

function spacedRun(run: string): string {
  let out = "";
  for (const { segment } of SEGMENTER.segment(run)) out += out === "" ? segment : ` ${segment}`;
  return out;
}

/** Whether the site's own index segments Chinese and Japanese (a zh or ja site): then nothing is split here. */
export function indexSegmentsThem(language: string): boolean {
  return /^(?:zh|ja)(?:-|$)/i.test(language);
}
