// How often the story-language detector (src/digest/language.ts) names a page's declared language.
// Never part of the tests: a reader's check, per half of each dev set (the split of eval/lib/split.ts).
//
//   npx tsx scripts/qa-language.ts [--detector ours|franc|ours-then-franc]
//
// --detector franc: the franc-min library (trigram profiles of 82 languages) in place of ours, for a
// comparison on the same pages; it is no dependency of Digest (`npm install --no-save franc-min` first).
// ours-then-franc: franc-min only where ours names nothing. Its ISO 639-3 codes are read as the primary subtags pages declare ("eng" as "en"); "und" is not named.
//
// webpages-dev: the page's `lang` attribute against the detector on what a story shows of such a page:
// its first three lines of eight words or more (prose, as a summary's sentences); pages without a lang
// or without such lines are skipped. bbc-dev (English news): how many
// stories are named anything but English, on their title and first paragraphs as a summary shows them.
import { resolve } from "node:path";
import { textLanguage } from "../src/digest/language.ts";
import { HALVES, splitHalves } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

const detector = process.argv.includes("--detector") ? process.argv[process.argv.indexOf("--detector") + 1] : "ours";
/** ISO 639-3 codes franc-min gives, as the ISO 639-1 subtag a page would declare (those that have one). */
const TWO_LETTER: Record<string, string> = {
  spa: "es", eng: "en", por: "pt", ind: "id", fra: "fr", deu: "de", jav: "jv", vie: "vi", ita: "it", tur: "tr", pol: "pl", swh: "sw", sun: "su", ron: "ro", hau: "ha", fuv: "ff",
  bos: "bs", hrv: "hr", nld: "nl", srp: "sr", yor: "yo", uzn: "uz", zlm: "ms", ibo: "ig", tgl: "tl", hun: "hu", azj: "az", ces: "cs", run: "rn", plt: "mg", qug: "qu", nya: "ny",
  zyb: "za", kin: "rw", zul: "zu", swe: "sv", lin: "ln", som: "so", rus: "ru", ukr: "uk", bel: "be", bul: "bg", kaz: "kk", arb: "ar", urd: "ur", pes: "fa", pbu: "ps", hin: "hi",
  mar: "mr", npi: "ne", cmn: "zh", jpn: "ja", kor: "ko", ell: "el", heb: "he", tha: "th", hye: "hy", kat: "ka", ben: "bn", tam: "ta", tel: "te", kan: "kn", mal: "ml", guj: "gu",
  pan: "pa", ory: "or", sin: "si", amh: "am", mya: "my", khm: "km", lao: "lo", bod: "bo",
};
type Detect = (texts: readonly string[]) => string | null;
async function franc(): Promise<Detect> {
  const name = "franc-min";
  const { franc: guess } = (await import(name)) as { franc: (text: string) => string };
  return (texts) => {
    const code = guess(texts.join("\n"));
    return code === "und" ? null : (TWO_LETTER[code] ?? code);
  };
}
const ours: Detect = (texts) => textLanguage(texts).lang;
const library = detector === "ours" ? null : await franc();
const detect: Detect = !library ? ours : detector === "franc" ? library : (texts) => ours(texts) ?? library(texts);
console.log(`detector: ${detector}`);

const corpus = resolve(import.meta.dirname, "../../shared/corpus");
const rows = (name: string) => readJsonl<Record<string, unknown>>(resolve(corpus, name));

const prose = (dump: unknown) => String(dump).split("\n").filter((l) => l.trim().split(/\s+/).length >= 8).slice(0, 3);
const pages = rows("webpages-dev.jsonl").filter((r) => typeof r.lang === "string" && r.lang && prose(r.text_dump).length);
const halves = splitHalves(pages, (r) => String(r.id));
for (const half of HALVES) {
  let right = 0, wrong = 0, silent = 0;
  const misses: string[] = [];
  for (const r of halves[half]) {
    const want = String(r.lang).toLowerCase().split(/[-_]/)[0]!;
    const got = detect(prose(r.text_dump));
    if (got === null) silent++;
    else if (got === want) right++;
    else (wrong++, misses.push(`${want}→${got}`));
  }
  console.log(`webpages-dev ${half}: ${halves[half].length} pages with a lang: ${right} named right, ${wrong} wrong (${misses.join(" ")}), ${silent} not named`);
}
const bbc = splitHalves(rows("bbc-dev.jsonl"), (r) => String(r.id));
for (const half of HALVES) {
  const counts = new Map<string, number>();
  for (const r of bbc[half]) {
    const text = String(r.text).split("\n").filter(Boolean).slice(0, 3);
    const got = detect([String(r.title), ...text]) ?? "none";
    counts.set(got, (counts.get(got) ?? 0) + 1);
  }
  console.log(`bbc-dev ${half}: ${bbc[half].length} stories: ${[...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(", ")}`);
}
