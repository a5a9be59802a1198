import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultClusterOptions } from "../../src/cluster/index.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import type { DatedArticle } from "../../src/types.ts";
import { clusterStories, clusterWithCache, datedEvents as events, fixture } from "./cluster-rows-fixture.ts";

// The last build's follow-up links in the cache (cluster-rows.pack): taken when sound, and when the
// entry is damaged (its checksum fails) ignored with a warning, every story linked again.
const all = [...events, ...seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null)];
const added = events.find((a) => a.evidence.date === "2025-05-15")!;
const without = all.filter((a) => a !== added);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
const stories = (articles: DatedArticle[]) => clusterStories(articles, options);

async function build(dir: string, articles: DatedArticle[]) {
  const followUpStats = { reused: 0, linked: 0 };
  return { ...(await clusterWithCache(dir, articles, options, { followUpStats })), followUpStats };
}

describe("the last build's follow-up links in the cache", () => {
  it("are taken when sound, and ignored with a warning when damaged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-follow-ups-"));
    dirs.push(dir);
    const cold = stories(all);
    expect(cold.some((s) => s[2] !== null)).toBe(true);
    await build(dir, without);
    const warm = await build(dir, all);
    expect(warm.stories).toEqual(cold);
    expect(warm.followUpStats.reused).toBeGreaterThan(0);
    expect(warm.warnings).toEqual([]);

    // Damaged: a link changed, so the entry's checksum no longer holds.
    await build(dir, without);
    const pack = join(dir, "cluster-rows.pack");
    const text = readFileSync(pack, "utf8");
    expect(text).toMatch(/"links":\[-1,/);
    writeFileSync(pack, text.replace(/"links":\[-1,/, '"links":[0,'));
    const damaged = await build(dir, all);
    expect(damaged.stories).toEqual(cold);
    expect(damaged.followUpStats.reused).toBe(0);
    expect(damaged.warnings).toHaveLength(1);
    expect(damaged.warnings[0]).toMatch(/^cache: ignored 1 damaged entr/);
  });
});
