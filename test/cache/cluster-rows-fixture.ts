// What the tests of cluster-rows.pack share: two events-dev topics dated over May 2025, clustering as
// they set it, and a build that clusters with the pack in a folder and commits it.
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedClusterRows } from "../../src/cache/cluster-rows.ts";
import { clusterArticles, type ClusterOptions } from "../../src/cluster/index.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle } from "../../src/types.ts";

export const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;

/** Topic 21's articles over 1-4 May, topic 45's over 15-21 May. */
export const datedEvents: DatedArticle[] = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) => ({
  ...x.article,
  evidence: { ...x.article.evidence, date: x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7) },
}));

/** The stories of `articles` as [id, member paths, followUpOf]. */
export const clusterStories = (articles: DatedArticle[], options: ClusterOptions, extra: Partial<ClusterOptions> = {}) =>
  clusterArticles(articles.map((a) => ({ ...a })), { ...options, ...extra }).map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]);

/** Clusters `articles` with the pack in `dir` and commits it; the stories and the cache's warnings. */
export async function clusterWithCache(dir: string, articles: DatedArticle[], options: ClusterOptions, extra: Partial<ClusterOptions> = {}) {
  const warnings: string[] = [];
  const cached = await cachedClusterRows(new DiskCache(dir, (w) => warnings.push(w)));
  const stories = clusterStories(articles, options, { ...extra, rows: cached.rows });
  await cached.pack!.commit();
  return { stories, warnings };
}
