// Prints the sentences the summariser selects for every story of `eval:summary`'s sets (bbc-dev alone and as
// two outlets, events-dev in 100 words) and of `eval:merge`'s sets (each story clustering makes, summarised
// as the build summarises it), one line per sentence. Diff two runs to show a change leaves summaries as
// they were: `npx tsx scripts/dump-summaries.ts > before.txt`, change, run again, `diff`.
// SUMMARISER=path/to/summarise/index.ts dumps another implementation (e.g. a copy of an older commit).
import { fileURLToPath } from "node:url";
import { clusterArticles } from "../src/cluster/index.ts";
import { summarise as current, type SummaryInput, type SummaryOptions } from "../src/summarise/index.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, rewrite, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { random } from "../eval/lib/random.ts";
import { readJsonl } from "../eval/lib/jsonl.ts";

type Summarise = (articles: SummaryInput[], options?: SummaryOptions) => string[];
const summarise: Summarise = process.env.SUMMARISER ? ((await import(process.env.SUMMARISER)) as { summarise: Summarise }).summarise : current;

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const bbc = readJsonl<{ id: string; title: string; text: string }>(`${corpus}bbc-dev.jsonl`);
const events = readJsonl<{ cluster: string; title: string | null; text: string }>(`${corpus}events-dev.jsonl`);
const paragraphs = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);

function print(set: string, story: string, sentences: string[]): void {
  console.log(`## ${set} ${story} (${sentences.length})`);
  for (const s of sentences) console.log(`  ${s}`);
}

// eval:summary's sets, built as it builds them (the same seeded rewrite).
const rand = random(7);
for (const r of bbc) {
  const copy = rewrite(paragraphs(r.text), rand, 0.4);
  print("bbc", r.id, summarise([{ title: r.title, text: r.text }], { sentences: 3 }));
  print("bbc-two", r.id, summarise([{ title: copy.title, text: copy.paragraphs.join("\n\n") }, { title: r.title, text: r.text }], { sentences: 3 }));
}
const byEvent = new Map<string, typeof events>();
for (const r of events) byEvent.set(r.cluster, [...(byEvent.get(r.cluster) ?? []), r]);
for (const [id, articles] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  print("events-100w", id, summarise(articles.map((a) => ({ title: a.title ?? undefined, text: a.text })), { words: 100 }));
}

// eval:merge's sets: each cluster's members in path order (the build orders them by resolved date first).
const merged = (name: string, items: LabelledArticle[]) => {
  for (const cluster of clusterArticles(items.map((x) => x.article))) {
    const members = [...cluster.members].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    print(name, cluster.members.map((m) => m.path).sort()[0]!, summarise(members.map((m) => ({ title: m.title, text: m.paragraphs.join("\n") }))));
  }
};
const bbcPath = `${corpus}bbc-dev.jsonl`;
merged("merge-events", buildEventsSet(`${corpus}events-dev.jsonl`));
merged("merge-set", buildMergeSet(`${root}test/fixtures/seeds`, bbcPath));
merged("merge-split", buildSplitSet(bbcPath));
