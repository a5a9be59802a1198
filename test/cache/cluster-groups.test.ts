import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultClusterOptions } from "../../src/cluster/index.ts";
import type { ReplayStats } from "../../src/cluster/agglomerate-replay.ts";
import type { DatedArticle } from "../../src/types.ts";
import { clusterStories, clusterWithCache, datedEvents as events } from "./cluster-rows-fixture.ts";

// The last build's merges in the cache (cluster-rows.pack): replayed when sound, and when an entry is
// damaged (its checksum fails) or holds another batch's merges, ignored, never trusted.
const late = events.find((a) => a.path.endsWith("45_11ecbplus.txt"))!;
const without = events.filter((a) => a !== late);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const options = { ...defaultClusterOptions, minIdfDocuments: 10, replayMaxChanged: 1 };
const stories = (articles: DatedArticle[]) => clusterStories(articles, options);

/** Clusters `articles` with the cache in `dir`; returns the stories, the warnings and what was replayed. */
async function build(dir: string, articles: DatedArticle[]) {
  const stats: ReplayStats = { replayed: 0, live: 0, liveGroups: 0 };
  return { ...(await clusterWithCache(dir, articles, options, { replayStats: stats })), stats };
}

describe("the last build's merges in the cache", () => {
  it("are replayed when sound, and ignored with a warning when damaged or another batch's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-groups-"));
    dirs.push(dir);
    const cold = stories(events);
    await build(dir, without);
    const warm = await build(dir, events);
    expect(warm.stories).toEqual(cold);
    expect(warm.stats.replayed).toBeGreaterThan(0);

    // Damaged: the merge log's scores changed, so its checksum no longer holds.
    await build(dir, without);
    const pack = join(dir, "cluster-rows.pack");
    writeFileSync(pack, readFileSync(pack, "utf8").replace(/"score":\[0\.\d/, '"score":[0.1'));
    const damaged = await build(dir, events);
    expect(damaged.stories).toEqual(cold);
    expect(damaged.stats.replayed).toBe(0);
    expect(damaged.warnings).toHaveLength(1);
    expect(damaged.warnings[0]).toMatch(/^cache: ignored 1 damaged entr/);

    // Another batch's: one topic's merges alone, a sound entry under this batch's key: only what its
    // articles' prints (terms, day, links) vouch for is replayed.
    const other = mkdtempSync(join(tmpdir(), "digest-groups-"));
    dirs.push(other);
    const topic21 = events.filter((a) => a.path.includes("-21-"));
    await build(other, topic21);
    await build(dir, without);
    writeFileSync(pack, readFileSync(join(other, "cluster-rows.pack")));
    const foreign = await build(dir, events);
    expect(foreign.stories).toEqual(cold);
    expect(foreign.warnings).toEqual([]);
  });
});
