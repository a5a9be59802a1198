// How much of a kept body's opening its page's own headline's words cover (nt82, issue 8). A report's first lines
// repeat its headline's names and nouns; a notice, or what a page's furniture offers when its article is missing,
// shares few words with the headline above it. Words of four letters or more, compared by their first five letters
// lower-cased: a crude stem that holds in every language of the dev sets ("Feuerwehr"/"Feuerwehren").
const WORD = /\p{L}{4,}/gu;

/** The words of four letters or more of a text, each by its first five letters lower-cased. */
export const headlineStems = (text: string): string[] => (text.match(WORD) ?? []).map((w) => w.toLowerCase().slice(0, 5));

/** The lines of the body's opening the cover reads (the study's best of one to three, train/try-gate-title.ts). */
export const LEDE_LINES = 2;

/** The share of the headline's distinct stems found in the body's first `LEDE_LINES` lines; 0 without a headline. */
export function headlineLedeCover(headline: string | null, body: readonly string[]): number {
  const head = new Set(headline === null ? [] : headlineStems(headline));
  if (head.size === 0) return 0;
  const lede = new Set<string>();
  for (const text of body.slice(0, LEDE_LINES)) for (const s of headlineStems(text)) lede.add(s);
  let found = 0;
  for (const s of head) if (lede.has(s)) found++;
  return found / head.size;
}
