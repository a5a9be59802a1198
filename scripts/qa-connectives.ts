// How often a summary sentence opens with a connective that points back ("And", "But", "However,",
// "Indeed,", "Also,", "Still,", "Meanwhile,"…) while the sentence before it in its article is not right before
// it in the summary (issue 9: no sentence whose meaning hangs on one left out). Never part of the tests: a
// reader's check, per half of each dev set (eval/lib/split.ts).
//
//   npx tsx scripts/qa-connectives.ts [--show N] [--summariser path/to/summarise/index.ts]
//
// Summaries as eval:summary makes them: bbc-dev's 3 sentences of one article (halves by id), events-dev's
// 100-word summaries of each event and the digest's own 3-sentence summaries of each event and of 4
// seeded subsets of 2-5 of its outlets (halves by topic); webpages-dev's German pages (lang de…), cleaned as
// the build cleans HTML, 3 sentences each (halves by id; no reference summaries: a look at the German rules).
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { cleanSource } from "../src/clean/index.ts";
import { paragraphsOf } from "../src/text/article-text.ts";
import { fileURLToPath } from "node:url";
import { collectCandidates } from "../src/summarise/candidates.ts";
import { summarise as current, type SummaryInput, type SummaryOptions } from "../src/summarise/index.ts";
import { Vocabulary } from "../src/summarise/terms.ts";
import { eventStories } from "../train/lib/fact-pairs.ts";
import { HALVES, halfOf, type Half } from "../eval/lib/split.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

type Summarise = (articles: SummaryInput[], options?: SummaryOptions) => string[];
const args = process.argv.slice(2);
const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const summarise: Summarise = at("--summariser") ? ((await import(at("--summariser")!)) as { summarise: Summarise }).summarise : current;
const SHOW = Number(at("--show") ?? 0);

/**
 * Openers that tie a sentence to the one before it, English and German (the dev sets' languages). Wider than
 * the summariser's own list on purpose: this is the reader's measure, not the rule.
 */
const POINTING =
  /^["“‘']?(?:and|but|yet|so|still|also|however|indeed|meanwhile|moreover|furthermore|besides|instead|nevertheless|nonetheless|likewise|similarly|otherwise|thus|therefore|hence|then|though|too|plus|or|nor|consequently|accordingly|even so|in addition|in fact|as a result|at the same time|on the other hand|after all|in turn|by contrast|in contrast|aber|und|doch|jedoch|auch|außerdem|zudem|trotzdem|dennoch|allerdings|deshalb|daher|dabei|stattdessen|inzwischen|indes|darüber hinaus)\b/iu;

const opener = (s: string) => POINTING.exec(s)?.[0]!.replace(/^["“‘']/u, "").toLowerCase();

interface Tally {
  sentences: number;
  connective: number;
  /** Opening with a connective, its article's sentence before it not right before it in the summary. */
  cut: number;
  /** …and not in the summary at all. */
  absent: number;
  /** Opening with a connective as its article's first sentence (nothing before it to point to). */
  first: number;
  words: Map<string, number>;
  shown: string[];
}
const tally = (): Tally => ({ sentences: 0, connective: 0, cut: 0, absent: 0, first: 0, words: new Map(), shown: [] });

function count(t: Tally, summary: string[], inputs: SummaryInput[]): void {
  const candidates = collectCandidates(inputs, new Vocabulary());
  // Each candidate text's article predecessors (the previous non-dateline sentence of the same article).
  const before = new Map<string, Array<string | null>>();
  let previous: { article: number; text: string } | null = null;
  for (const c of candidates) {
    if (c.dateline) continue;
    const p = previous && previous.article === c.article ? previous.text : null;
    before.set(c.text, [...(before.get(c.text) ?? []), p]);
    previous = { article: c.article, text: c.text };
  }
  summary.forEach((s, i) => {
    t.sentences++;
    const word = opener(s);
    if (!word) return;
    t.connective++;
    const preds = before.get(s) ?? [null];
    if (preds.every((p) => p === null)) {
      t.first++;
      return;
    }
    if (preds.some((p) => p !== null && i > 0 && summary[i - 1] === p)) return;
    t.cut++;
    if (!preds.some((p) => p !== null && summary.includes(p))) t.absent++;
    t.words.set(word, (t.words.get(word) ?? 0) + 1);
    if (t.shown.length < SHOW) t.shown.push(`${s.slice(0, 110)}  [before: ${(preds.find((p) => p !== null) ?? "").slice(0, 70)}]`);
  });
}

function line(name: string, t: Tally): string {
  const words = [...t.words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w, n]) => `${w} ${n}`).join(", ");
  return `${name}: ${t.sentences} sentences, ${t.connective} open with a connective; predecessor not right before ${t.cut} (${((100 * t.cut) / Math.max(1, t.sentences)).toFixed(2)}%; not in the summary ${t.absent}); article's first sentence ${t.first}${words ? `  [${words}]` : ""}${t.shown.map((x) => `\n      ${x}`).join("")}`;
}

const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const bbc = readJsonl<{ id: string; title: string; text: string }>(`${corpus}bbc-dev.jsonl`);
const events = readJsonl<{ cluster: string; topic: number | string; title: string | null; text: string }>(`${corpus}events-dev.jsonl`);
const stories = eventStories(`${corpus}events-dev.jsonl`, "both");
const topicOf = new Map(events.map((e) => [e.cluster, String(e.topic)]));
const byEvent = new Map<string, SummaryInput[]>();
for (const e of events) byEvent.set(e.cluster, [...(byEvent.get(e.cluster) ?? []), { title: e.title ?? undefined, text: e.text }]);

/** webpages-dev's German pages' article text as the build cleans it, by half (pages it refuses, or under 400 characters, left out). */
const german: Record<Half, SummaryInput[]> = { tune: [], check: [] };
for (const r of readJsonl<{ id: string; lang: string | null; url: string | null }>(`${corpus}webpages-dev.jsonl`)) {
  if (!(r.lang ?? "").toLowerCase().startsWith("de")) continue;
  const html = gunzipSync(readFileSync(`${corpus}webpages-html/${r.id}.html.gz`)).toString("utf8");
  try {
    const article = cleanSource({ path: `${r.id}.html`, format: "html", text: html, encoding: "utf-8", mtime: new Date(0), url: r.url });
    const text = paragraphsOf(article).join("\n\n");
    if (text.length >= 400) german[halfOf(r.id)].push({ title: article.title ?? undefined, text });
  } catch {
    continue;
  }
}

const totals: Record<Half, Tally> = { tune: tally(), check: tally() };
for (const half of HALVES) {
  const one = tally();
  for (const r of bbc) if (halfOf(r.id) === half) count(one, summarise([{ title: r.title, text: r.text }], { sentences: 3 }), [{ title: r.title, text: r.text }]);
  const words100 = tally();
  for (const [event, inputs] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (halfOf(topicOf.get(event)!) === half) count(words100, summarise(inputs, { words: 100 }), inputs);
  const own = tally();
  for (const s of stories) if (halfOf(topicOf.get(s.event)!) === half) count(own, summarise(s.inputs), s.inputs);
  console.log(`${half}`);
  console.log(`  ${line("bbc-dev, 3 sentences", one)}`);
  console.log(`  ${line("events-dev, 100 words", words100)}`);
  console.log(`  ${line("events-dev, own 3 (whole + subsets)", own)}`);
  const de = tally();
  for (const page of german[half]) count(de, summarise([page], { sentences: 3 }), [page]);
  console.log(`  ${line("webpages-dev German pages, 3 sentences (not in all)", de)}`);
  for (const t of [one, words100, own]) {
    const all = totals[half];
    all.sentences += t.sentences;
    all.connective += t.connective;
    all.cut += t.cut;
    all.absent += t.absent;
    all.first += t.first;
  }
  console.log(`  ${line("all", { ...totals[half], shown: [] })}`);
}
