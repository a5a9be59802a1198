import { describe, expect, it } from "vitest";
import { clusterArticles } from "../../src/cluster/index.ts";
import { buildEventsSet, dated } from "../../eval/lib/merge-set.ts";

// events-dev topic 1: two look-alike events, each reported by a dozen outlets in their own words: Tara
// Reid checks into rehab; months later, Lindsay Lohan does. Half of Reid's reports come out on 1 March,
// the rest on the 6th (one event told again, beyond the merge window: a follow-up), Lohan's on the 9th.
const items = buildEventsSet(new URL("../fixtures/cluster/events-topic-1.jsonl", import.meta.url).pathname).sort((a, b) => (a.article.path < b.article.path ? -1 : 1));
const reid = items.filter((x) => x.gold.endsWith("-ecb"));
const lohan = items.filter((x) => x.gold.endsWith("-ecbplus"));
const on = (x: (typeof items)[number], day: string) => dated(x.article.path, x.article.title, x.article.paragraphs, day);
const half = Math.ceil(reid.length / 2);
const articles = [...reid.slice(0, half).map((x) => on(x, "2024-03-01")), ...reid.slice(half).map((x) => on(x, "2024-03-06")), ...lohan.map((x) => on(x, "2024-03-09"))];

describe("follow-up links between real stories", () => {
  const clusters = clusterArticles(articles);
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const isReid = (id: string | null) => id !== null && byId.get(id)!.members.every((m) => reid.some((x) => x.article.path === m.path));
  const startsOn = (day: string) => clusters.filter((c) => c.members.every((m) => m.evidence.date === day));

  it("links the later telling of Reid's rehab to the first", () => {
    const later = startsOn("2024-03-06");
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) expect(isReid(c.followUpOf)).toBe(true);
  });

  it("does not show Lohan's rehab, a look-alike of another actor, as a follow-up of Reid's", () => {
    const lookAlike = startsOn("2024-03-09");
    expect(lookAlike.length).toBeGreaterThan(0);
    for (const c of lookAlike) expect(isReid(c.followUpOf)).toBe(false);
  });
});
