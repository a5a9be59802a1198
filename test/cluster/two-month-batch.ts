// Real coverage over two months, shared by the cluster reuse tests: two topics' reports a few days apart
// within each topic, two weeks between the topics, and the seeds (four outlets' reports, and a last one,
// 2025-06-23, that follows up their story of three weeks before).
import type { RowStore, StoredFollowUps, StoredGroups, StoredPairs } from "../../src/cluster/index.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle } from "../../src/types.ts";

const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });

export const events: readonly DatedArticle[] = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) =>
  onDay(x.article, x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7)),
);
// The build clusters dated articles only (and with an undated one, nothing is reused): the seeds' undated copies stay out.
export const seeds: readonly DatedArticle[] = seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null);
export const all: readonly DatedArticle[] = [...events, ...seeds];

/** A row store in memory (each value a copy, as one read back from disk), its follow-up links open to the test. */
export function linkMemoryStore(): RowStore & { links: Map<string, StoredFollowUps> } {
  const [pairs, groups, links] = [new Map<string, StoredPairs>(), new Map<string, StoredGroups>(), new Map<string, StoredFollowUps>()];
  return {
    links,
    get: (k) => structuredClone(pairs.get(k)),
    put: (k, v) => void pairs.set(k, structuredClone(v)),
    groups: { get: (k) => structuredClone(groups.get(k)), put: (k, v) => void groups.set(k, structuredClone(v)) },
    followUps: { get: (k) => structuredClone(links.get(k)), put: (k, v) => void links.set(k, structuredClone(v)) },
  };
}
