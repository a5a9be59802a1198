// Page furniture shown as a summary's sentences (fs63). Every dev page's cleaned article summarised as the
// digest does (3 sentences), each sentence judged furniture or not by rules fixed before any result was read:
// - extraction-dev (text dump and HTML): under half of the sentence's token 4-grams (the extraction metric's
//   tokens) are in the page's true article body;
// - webpages-dev (text dump and HTML): the sentence holds a `without` snippet, or a `without` snippet holds it
//   (white space folded), and no `with` snippet does either;
// - bbc-dev and events-dev: article text by construction, so no sentence is furniture (what a guard takes
//   from them is its cost, beside eval:summary's ROUGE).
// Beside the gold, the cleaner's own reading: the text line model's log-odds of the sentence's paragraph
// (train/lib/line-reading.ts `lineReading`, a paragraph read alone), counted below 0.
// `npx tsx train/try-summary-furniture.ts [--show tune] [--out file.json]`; SUMMARISER=path scores another copy.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { lineReading } from "./lib/line-reading.ts";
import { cleanedDevPage } from "./lib/summary-furniture.ts";
import { summarise as current, type SummaryInput, type SummaryOptions } from "../src/summarise/index.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { shingles } from "../eval/lib/extraction-score.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

type Summarise = (articles: SummaryInput[], options?: SummaryOptions) => string[];
const summarise: Summarise = process.env.SUMMARISER ? ((await import(process.env.SUMMARISER)) as { summarise: Summarise }).summarise : current;
const args = process.argv.slice(2);
const show = args.includes("--show") ? (args[args.indexOf("--show") + 1] as Half) : null;
const outFile = args.includes("--out") ? args[args.indexOf("--out") + 1]! : null;
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const fold = (s: string) => s.replace(/\s+/g, " ").trim();

export interface Judged {
  set: string;
  id: string;
  half: Half;
  sentence: string;
  /** Gold: true furniture, false article text, null where the set has no gold for it. */
  furniture: boolean | null;
  /** The line model's log-odds of the sentence's paragraph, and of the sentence alone. */
  paragraphOdds: number;
  sentenceOdds: number;
}

function notInBody(sentence: string, body: Map<string, number>): boolean {
  const own = shingles(sentence);
  let n = 0, hit = 0;
  for (const [k, v] of own) {
    n += v;
    hit += Math.min(v, body.get(k) ?? 0);
  }
  return n > 0 && hit < 0.5 * n;
}

function inSnippets(sentence: string, snippets: readonly string[]): boolean {
  const s = fold(sentence);
  return snippets.some((x) => {
    const f = fold(x);
    return f.length > 0 && (s.includes(f) || f.includes(s));
  });
}

function judge(set: string, id: string, inputs: SummaryInput[], summary: string[], gold: (s: string) => boolean | null): Judged[] {
  const paragraphs = inputs.flatMap((a) => a.text.split(/\n+/).map((p) => p.trim()).filter(Boolean));
  const odds = lineReading(paragraphs).odds;
  return summary.map((sentence) => {
    // The paragraph it comes from (a connective taken off still leaves the rest in it).
    const at = paragraphs.findIndex((p) => p.includes(sentence));
    return { set, id, half: halfOf(id), sentence, furniture: gold(sentence), paragraphOdds: at >= 0 ? odds[at]! : NaN, sentenceOdds: lineReading([sentence]).odds[0]! };
  });
}

const judged: Judged[] = [];
function cleaned(page: DevPage, format: "text" | "html"): SummaryInput[] | null {
  const a = cleanedDevPage(page, format);
  return a ? [a] : null;
}
for (const page of loadExtraction()) {
  const body = shingles(page.truth!);
  for (const format of ["text", "html"] as const) {
    const inputs = cleaned(page, format);
    if (!inputs) continue;
    judged.push(...judge(`extraction-${format}`, page.id, inputs, summarise(inputs, { sentences: 3 }), (s) => notInBody(s, body)));
  }
}
for (const page of loadWebpages()) {
  for (const format of ["text", "html"] as const) {
    const inputs = cleaned(page, format);
    if (!inputs) continue;
    judged.push(...judge(`webpages-${format}`, page.id, inputs, summarise(inputs, { sentences: 3 }), (s) => (inSnippets(s, page.without!) && !inSnippets(s, page.with!)) || (inSnippets(s, page.with!) ? false : null)));
  }
}
for (const r of readJsonl<{ id: string; title: string; text: string }>(`${corpus}bbc-dev.jsonl`)) {
  const inputs = [{ title: r.title, text: r.text }];
  judged.push(...judge("bbc", r.id, inputs, summarise(inputs, { sentences: 3 }), () => false));
}
const events = readJsonl<{ id: string; cluster: string; topic: number; title: string | null; text: string }>(`${corpus}events-dev.jsonl`);
const byEvent = new Map<string, typeof events>();
for (const e of events) byEvent.set(e.cluster, [...(byEvent.get(e.cluster) ?? []), e]);
for (const [cluster, rows] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const inputs = rows.map((a) => ({ title: a.title ?? undefined, text: a.text }));
  for (const j of judge("events", cluster, inputs, summarise(inputs, { words: 100 }), () => false)) judged.push({ ...j, half: halfOf(String(rows[0]!.topic)) });
}

const sets = [...new Set(judged.map((j) => j.set))];
for (const half of HALVES) {
  console.log(`${half}:`);
  let goldAll = 0, flagAll = 0, nAll = 0;
  for (const set of sets) {
    const js = judged.filter((j) => j.set === set && j.half === half);
    const gold = js.filter((j) => j.furniture === true).length;
    const known = js.filter((j) => j.furniture !== null).length;
    const flagged = js.filter((j) => j.paragraphOdds < 0);
    const right = flagged.filter((j) => j.furniture === true).length;
    const flaggedKnown = flagged.filter((j) => j.furniture !== null).length;
    goldAll += gold;
    flagAll += flagged.length;
    nAll += js.length;
    console.log(`  ${set.padEnd(16)} ${String(js.length).padStart(4)} sentences; furniture by gold ${gold} of ${known} judged; paragraph odds < 0: ${flagged.length} (${right} of ${flaggedKnown} judged are gold furniture)`);
  }
  console.log(`  all: ${nAll} sentences, gold furniture ${goldAll}, flagged ${flagAll}`);
}
if (show) for (const j of judged.filter((x) => x.half === show && (x.paragraphOdds < 0 || x.furniture))) console.log(`${j.furniture === true ? "GOLD" : j.furniture === false ? "art " : "  ? "} ${j.paragraphOdds.toFixed(2).padStart(6)} ${j.sentenceOdds.toFixed(2).padStart(6)} ${j.set} ${j.id.slice(0, 8)} ${j.sentence.slice(0, 150)}`);
if (outFile) writeFileSync(outFile, JSON.stringify(judged));
