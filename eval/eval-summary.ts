// `npm run eval:summary`: summary quality, tuning and checking halves everywhere.
// 1. bbc-dev (halves by id): ROUGE F1 of Digest's 3 sentences and of Lead-3 against the reference.
// 2. bbc-dev as two outlets (a shortened, reordered rewrite and the article): the same, "articles" form.
// 3. events-dev (halves by topic): 100-word summaries of each event's coverage by several outlets. There
//    is no reference summary, so: Jensen-Shannon divergence between the summary's and the coverage's word
//    distributions (lower is closer; it tracks manual multi-document scores, Louis & Nenkova 2013), a
//    pyramid-style score (content-word pairs weighted by how many outlets report them, as a share of the
//    best that many pairs could weigh), and reading faults: sentences that open with a reference whose
//    antecedent is not right before them, dateline fragments, and one fact told twice.
// SUMMARISER=path/to/summarise/index.ts scores another implementation (e.g. an older copy) the same way.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { meanF1, rouge, type RougeScores } from "./lib/rouge.ts";
import { Faults, Scores } from "./lib/summary-measures.ts";
import { splitSentences, datelineLength } from "../src/text/sentences.ts";
import { summarise as current, type SummaryInput, type SummaryOptions } from "../src/summarise/index.ts";
import { rewrite, type EventRow } from "./lib/merge-set.ts";
import { random } from "./lib/random.ts";
import { HALVES, halfOf } from "./lib/split.ts";

type Summarise = (articles: SummaryInput[], options?: SummaryOptions) => string[];
const summarise: Summarise = process.env.SUMMARISER ? ((await import(process.env.SUMMARISER)) as { summarise: Summarise }).summarise : current;

interface BbcRow {
  id: string;
  title: string;
  text: string;
  summary: string;
}
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const sentences = Number(process.env.SENTENCES ?? 3);
const readJsonl = <T>(path: string): T[] => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const bbc = readJsonl<BbcRow>(process.argv[2] ?? `${corpus}bbc-dev.jsonl`);
const events = readJsonl<EventRow>(process.argv[3] ?? `${corpus}events-dev.jsonl`);

const paragraphs = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
/** The first n sentences, a dateline not counted as one. */
function lead(text: string, n: number): string[] {
  return paragraphs(text)
    .flatMap((p) => {
      const d = datelineLength(p);
      return splitSentences(p.slice(d));
    })
    .slice(0, n);
}
const fmt = (s: ReturnType<typeof meanF1>) => `R1 ${s.rouge1.toFixed(2)}  R2 ${s.rouge2.toFixed(2)}  RLsum ${s.rougeLsum.toFixed(2)}`;
const gap = (a: ReturnType<typeof meanF1>, b: ReturnType<typeof meanF1>) => `Digest - Lead: R1 ${(a.rouge1 - b.rouge1).toFixed(2)}  R2 ${(a.rouge2 - b.rouge2).toFixed(2)}  RLsum ${(a.rougeLsum - b.rougeLsum).toFixed(2)}`;

console.log(`bbc-dev: ${bbc.length} articles, --sentences ${sentences}, ROUGE F1 (ROUGE-1.5.5 style, Porter stems); halves by id`);
const rand = random(7);
const twoOutlets = bbc.map((r) => {
  const copy = rewrite(paragraphs(r.text), rand, 0.4);
  return [{ title: copy.title, text: copy.paragraphs.join("\n\n") }, { title: r.title, text: r.text }];
});
const faultsTwo = new Faults();
for (const half of HALVES) {
  const digest: RougeScores[] = [];
  const lead3: RougeScores[] = [];
  const multi: RougeScores[] = [];
  const leadMulti: RougeScores[] = [];
  bbc.forEach((r, i) => {
    if (halfOf(r.id) !== half) return;
    const reference = r.summary.split("\n").map((s) => s.trim()).filter(Boolean);
    digest.push(rouge(summarise([{ title: r.title, text: r.text }], { sentences }), reference));
    lead3.push(rouge(lead(r.text, sentences), reference));
    const two = summarise(twoOutlets[i]!, { sentences });
    faultsTwo.count(two, twoOutlets[i]!);
    multi.push(rouge(two, reference));
    leadMulti.push(rouge(lead(twoOutlets[i]![0]!.text, sentences), reference));
  });
  const [d, l, m, lm] = [digest, lead3, multi, leadMulti].map(meanF1) as [ReturnType<typeof meanF1>, ReturnType<typeof meanF1>, ReturnType<typeof meanF1>, ReturnType<typeof meanF1>];
  console.log(`  ${half} (${digest.length} articles)`);
  console.log(`    Digest                     ${fmt(d)}`);
  console.log(`    Lead-${sentences}                     ${fmt(l)}`);
  console.log(`    ${gap(d, l)}`);
  console.log(`    two outlets: Digest        ${fmt(m)}`);
  console.log(`    two outlets: Lead-${sentences} of the first ${fmt(lm)}`);
}
console.log(`  two-outlet summaries, both halves: ${faultsTwo.line()}`);

// events-dev: one summary of 100 words per event, from all its outlets' articles.
const byEvent = new Map<string, EventRow[]>();
for (const r of events) byEvent.set(r.cluster, [...(byEvent.get(r.cluster) ?? []), r]);
const WORDS = 100;
console.log(`\nevents-dev: ${byEvent.size} events, each summarised from all its articles in ${WORDS} words; halves by topic`);
for (const half of HALVES) {
  const rows = { digest: new Scores(), lead: new Scores() };
  for (const [, articles] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (halfOf(String(articles[0]!.topic)) !== half) continue;
    const inputs = articles.map((a) => ({ title: a.title ?? undefined, text: a.text }));
    rows.digest.add(summarise(inputs, { words: WORDS }), inputs);
    rows.lead.add(leadWords(inputs[0]!.text, WORDS), inputs);
  }
  console.log(`  ${half} (${rows.digest.n} events)`);
  console.log(`    Digest                 ${rows.digest.line()}`);
  console.log(`    first article's lead   ${rows.lead.line()}`);
}

function leadWords(text: string, words: number): string[] {
  const out: string[] = [];
  let used = 0;
  for (const s of lead(text, 1000)) {
    const n = s.split(/\s+/).length;
    if (out.length > 0 && used + n > words) break;
    out.push(s);
    used += n;
  }
  return out;
}

