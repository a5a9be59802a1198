// How often the story-language detector (src/digest/language.ts) names a page's declared language.
// Never part of the tests: a reader's check, per half of each dev set (the split of eval/lib/split.ts).
//
//   npx tsx scripts/qa-language.ts
//
// webpages-dev: the page's `lang` attribute against the detector on what a story shows of such a page:
// its first three lines of eight words or more (prose, as a summary's sentences); pages without a lang
// or without such lines are skipped. bbc-dev (English news): how many
// stories are named anything but English, on their title and first paragraphs as a summary shows them.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { textLanguage } from "../src/digest/language.ts";
import { HALVES, splitHalves } from "../eval/lib/split.ts";

const corpus = resolve(import.meta.dirname, "../../shared/corpus");
const rows = (name: string) => readFileSync(resolve(corpus, name), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

const prose = (dump: unknown) => String(dump).split("\n").filter((l) => l.trim().split(/\s+/).length >= 8).slice(0, 3);
const pages = rows("webpages-dev.jsonl").filter((r) => typeof r.lang === "string" && r.lang && prose(r.text_dump).length);
const halves = splitHalves(pages, (r) => String(r.id));
for (const half of HALVES) {
  let right = 0, wrong = 0, silent = 0;
  const misses: string[] = [];
  for (const r of halves[half]) {
    const want = String(r.lang).toLowerCase().split(/[-_]/)[0]!;
    const got = textLanguage(prose(r.text_dump)).lang;
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
    const got = textLanguage([String(r.title), ...text]).lang ?? "none";
    counts.set(got, (counts.get(got) ?? 0) + 1);
  }
  console.log(`bbc-dev ${half}: ${bbc[half].length} stories: ${[...counts].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(", ")}`);
}
