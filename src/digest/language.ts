// The language a story is written in, read from its own words, so that pages and feeds can mark it
// (lang="de", dir="rtl") for screen readers, hyphenation and right-to-left scripts. Scripts that belong
// to one language (or whose languages share a direction) decide by their letters; Latin and Cyrillic
// text by its function words: each language's commonest short words, which every paragraph of it holds
// and names seldom do. Nothing is said (null) when the text is too short or two languages are close:
// the page then keeps the site's language.

export interface TextLanguage {
  /** A primary language subtag ("en", "de", "ar"), or null when the text does not tell. */
  lang: string | null;
  /** "rtl" for scripts written right to left, else null. */
  dir: "rtl" | null;
}

/** Enough words to tell (a headline and a sentence or two), and a bound on the work: every build reads every story. */
const SAMPLE_CHARS = 600;
/** At least this many function words of the winning language. */
const MIN_HITS = 4;
/** The winner's function words outnumber the runner-up's by this factor. */
const MARGIN = 1.5;

const FUNCTION_WORDS: Record<string, string> = {
  en: "the of and to in is that for it was on with as by are at be this from has have had said he she they his her their its not but which who will would were been an or",
  de: "der die das und ist nicht mit sich auf für dem den des ein eine einer eines einem zu auch wird werden bei nach aus sind wurde oder aber ich er sie wir im vom zum zur über noch nur hat haben dass wie",
  fr: "le la les de des du une un est et que qu l d à a qui dans pour pas sur au aux ce cette il elle sont avec par plus mais ont été son sa ses leur nous vous ne se",
  es: "el la los las de del que y en una es por con para se lo al como más pero sus su fue ha son entre este esta también cuando muy sin sobre",
  it: "il di che è e per non una sono della dei nel con si anche gli alla delle ha questo questa più da lo le degli nella",
  pt: "o os as de da do dos das em na no ao à é foi são mas com por para pelo pela seu sua uma não também que um",
  nl: "de het een en van in is dat op te zijn met voor niet aan er maar om ook als bij nog wordt door werd",
  pl: "i w z na się nie do to że jest o jak po ale od za co tak przez dla jego są być tylko już czy",
  id: "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh atau sebagai bahwa telah mereka",
  ru: "и в не на что с по как это он она они к но из у за от о же для так то все был была было были его ее их мы вы я уже или если только когда",
  uk: "і в не на що з по як це він вона вони до але із у за від про же для так то все був була було були його її їх ми ви я вже або якщо тільки коли",
  bg: "и в на за се да от с че е са не по като това този тази но до при след който която които ще бе беше един една му ги ни им тя те",
  tr: "ve bir bu da de için ile olarak daha çok gibi ama en ki ne kadar sonra olan yüzde ise veya değil her göre",
};

/** Each word, with the languages whose function word it is. */
const WORD_LANGUAGES = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const w of words.split(" ")) WORD_LANGUAGES.set(w, [...(WORD_LANGUAGES.get(w) ?? []), lang]);
}

/** Scripts of one language, or whose text is marked by its script alone. */
const SCRIPT_LANGUAGES: [RegExp, string, "rtl" | null][] = [
  [/\p{Script=Arabic}/u, "ar", "rtl"],
  [/\p{Script=Hebrew}/u, "he", "rtl"],
  [/\p{Script=Greek}/u, "el", null],
  [/\p{Script=Hangul}/u, "ko", null],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja", null],
  [/\p{Script=Han}/u, "zh", null],
  [/\p{Script=Thai}/u, "th", null],
  [/\p{Script=Devanagari}/u, "hi", null],
  [/\p{Script=Bengali}/u, "bn", null],
  [/\p{Script=Gurmukhi}/u, "pa", null],
  [/\p{Script=Gujarati}/u, "gu", null],
  [/\p{Script=Tamil}/u, "ta", null],
  [/\p{Script=Telugu}/u, "te", null],
  [/\p{Script=Kannada}/u, "kn", null],
  [/\p{Script=Malayalam}/u, "ml", null],
  [/\p{Script=Sinhala}/u, "si", null],
  [/\p{Script=Khmer}/u, "km", null],
  [/\p{Script=Lao}/u, "lo", null],
  [/\p{Script=Myanmar}/u, "my", null],
  [/\p{Script=Armenian}/u, "hy", null],
  [/\p{Script=Georgian}/u, "ka", null],
];
/** Letters only Persian (پ چ ژ گ) and Urdu (ٹ ڈ ڑ ں ے) add to the Arabic alphabet. */
const PERSIAN = /[پچژگ]/gu;
const URDU = /[ٹڈڑںے]/gu;

/**
 * Letters that rule languages out where function words are shared: Ukrainian has і ї є ґ and no ы э ё;
 * Russian the reverse; Bulgarian none of them (nor Serbian and Macedonian ј љ њ ђ ћ џ ѓ ќ). Turkish
 * writes ı and ğ, which no other language of the list has.
 */
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/gu;
const RUSSIAN_LETTERS = /[ыэёЫЭЁ]/gu;
const SOUTH_SLAVIC_LETTERS = /[јљњђћџѓќЈЉЊЂЋЏЃЌ]/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const TURKISH_LETTERS = /[ıİğĞ]/gu;
/** Russian text of this many Cyrillic letters holds ы, э or ё (ы alone is some 2% of its letters). */
const RUSSIAN_SURE_AT = 150;

const LETTER = /\p{L}/u;
const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;
const MARK = /\p{M}/u;

export function textLanguage(texts: readonly string[]): TextLanguage {
  const sample = texts.join("\n").slice(0, SAMPLE_CHARS);
  const scripts = scriptCounts(sample);
  if (!scripts.letters) return { lang: null, dir: null };
  // Japanese is written in Han and kana together: any kana of weight makes it Japanese, not Chinese.
  const kana = scripts.by.get("ja") ?? 0;
  if (kana * 10 >= scripts.letters) return { lang: "ja", dir: null };
  let best: [string, number] | null = null;
  for (const [lang, n] of scripts.by) if (lang !== "ja" && (best === null || n > best[1])) best = [lang, n];
  if (best && best[1] * 2 > scripts.letters) {
    const [lang] = best;
    const dir = SCRIPT_LANGUAGES.find(([, l]) => l === lang)![2];
    if (lang === "ar") return { lang: arabicScriptLanguage(sample), dir };
    return { lang, dir };
  }
  if (scripts.latinOrCyrillic * 2 <= scripts.letters) return { lang: null, dir: null };
  return { lang: byFunctionWords(sample), dir: null };
}

function scriptCounts(sample: string): { letters: number; latinOrCyrillic: number; by: Map<string, number> } {
  const by = new Map<string, number>();
  let letters = 0;
  let latinOrCyrillic = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) (letters++, latinOrCyrillic++);
      continue;
    }
    // A surrogate pair is one character (Han extensions, emoji).
    const ch = c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length ? sample.slice(i, ++i + 1) : sample[i]!;
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN_OR_CYRILLIC.test(ch)) {
      latinOrCyrillic++;
      continue;
    }
    const script = SCRIPT_LANGUAGES.find(([re]) => re.test(ch));
    if (script) by.set(script[1], (by.get(script[1]) ?? 0) + 1);
  }
  return { letters, latinOrCyrillic, by };
}

/** Arabic script: Persian or Urdu when their own letters are frequent, else Arabic. */
function arabicScriptLanguage(sample: string): string {
  const persian = sample.match(PERSIAN)?.length ?? 0;
  const urdu = sample.match(URDU)?.length ?? 0;
  if (urdu >= 5 && urdu >= persian) return "ur";
  if (persian >= 5) return "fa";
  return "ar";
}

function byFunctionWords(sample: string): string | null {
  const hits = new Map<string, number>();
  const text = sample.toLowerCase();
  // Words by hand: runs of letters (ASCII tested by code, the rest by LETTER), as the lists hold them.
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const letter = c < 128 ? c >= 97 && c <= 122 : LETTER.test(text[i]!) || MARK.test(text[i]!);
    if (letter) {
      if (from < 0) from = i;
      continue;
    }
    if (from < 0) continue;
    const langs = WORD_LANGUAGES.get(text.slice(from, i));
    from = -1;
    if (langs) for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + 1);
  }
  for (const lang of ruledOut(sample)) hits.delete(lang);
  const ranked = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = ranked;
  if (!first || first[1] < MIN_HITS) return null;
  if (second && first[1] < second[1] * MARGIN) return null;
  return first[0];
}

/** The languages whose letters the sample lacks, or whose letters it holds another's of (see UKRAINIAN_LETTERS). */
function ruledOut(sample: string): string[] {
  const out: string[] = [];
  const cyrillic = sample.match(CYRILLIC)?.length ?? 0;
  if (cyrillic > 0) {
    const uk = sample.match(UKRAINIAN_LETTERS)?.length ?? 0;
    const ru = sample.match(RUSSIAN_LETTERS)?.length ?? 0;
    const southSlavic = sample.match(SOUTH_SLAVIC_LETTERS)?.length ?? 0;
    if (uk >= 2 || (ru === 0 && cyrillic >= RUSSIAN_SURE_AT)) out.push("ru");
    if (ru >= 2 || uk === 0) out.push("uk");
    // Bulgarian writes none of them: one is enough (a Russian lead may hold a single ы).
    if (ru + uk + southSlavic > 0) out.push("bg");
  }
  if ((sample.match(TURKISH_LETTERS)?.length ?? 0) < 2) out.push("tr");
  return out;
}
