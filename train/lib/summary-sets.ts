// The dev sets the summary trainings and trials read, made once in one place so that every one of them scores
// the same stories as eval:summary: bbc-dev's articles, their two-outlet stories (one seeded rewrite per article,
// in file order, as eval/eval-summary.ts makes them) and events-dev's events in id order.
import { fileURLToPath } from "node:url";
import { rewrite, type EventRow } from "../../eval/lib/merge-set.ts";
import { random } from "../../eval/lib/random.ts";
import { readJsonl } from "../../eval/lib/jsonl.ts";

export interface BbcRow {
  id: string;
  title: string;
  text: string;
  summary: string;
}

export const corpus = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
export const bbc = readJsonl<BbcRow>(`${corpus}bbc-dev.jsonl`);
export const paragraphs = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
const rand = random(7);
/** Per bbc-dev article: a shortened, reordered rewrite of it, then the article. */
export const twoOutlets = bbc.map((r) => {
  const copy = rewrite(paragraphs(r.text), rand, 0.4);
  return [{ title: copy.title, text: copy.paragraphs.join("\n\n") }, { title: r.title, text: r.text }];
});
const byEvent = new Map<string, EventRow[]>();
for (const r of readJsonl<EventRow>(`${corpus}events-dev.jsonl`)) byEvent.set(r.cluster, [...(byEvent.get(r.cluster) ?? []), r]);
/** events-dev's events, by id, each with its articles in file order. */
export const eventList = [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1));
