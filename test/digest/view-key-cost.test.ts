// A story's view key (src/digest/view-cache.ts) is made for every story by every build, one new article or
// not: what it hashes must grow with the story's own fields and articles, not with the build's settings.
// The cleaning rules' names and the article step's code (the content keys' meaning, the same for every
// article) are hashed once per build, not again in each member of every story's key; and the keys still
// differ when the rules do.
import { describe, expect, it, vi } from "vitest";
import { join } from "node:path";

const hashed: string[] = [];
vi.mock("node:crypto", async (original) => {
  const crypto = await original<typeof import("node:crypto")>();
  return {
    ...crypto,
    hash: (algorithm: string, data: string, encoding?: "hex") => {
      hashed.push(data);
      return crypto.hash(algorithm, data, encoding);
    },
  };
});

const { ingest, contentKey } = await import("../../src/ingest/index.ts");
const { runPipeline } = await import("../../src/pipeline.ts");
const { cachedViews } = await import("../../src/digest/index.ts");
const { DiskCache } = await import("../../src/cache/pack.ts");
const { mkdtempSync } = await import("node:fs");
const { tmpdir } = await import("node:os");

const { files } = await ingest(join(import.meta.dirname, "..", "fixtures", "seeds"));
const stories = runPipeline(files, { zone: "UTC" }).stories;
const contentKeys = new Map(files.map((f) => [f.path, contentKey(f)]));
// The story with the most articles: the one whose key would carry the meaning most often.
const story = [...stories].sort((a, b) => b.members.length - a.members.length)[0]!;

/** The story's key under `rules`, and the text hashed to make it. */
async function keyUnder(rules: string[]): Promise<{ key: string | null; text: string }> {
  const cache = new DiskCache(mkdtempSync(join(tmpdir(), "digest-view-key-")), () => {});
  const { store } = await cachedViews(cache, { rules, contentKeys });
  hashed.length = 0;
  const key = store!.key(story, "UTC");
  cache.close();
  return { key, text: hashed.join("\n") };
}

describe("a story's view key", () => {
  it("hashes as much whatever the rules' names, and still tells other rules apart", async () => {
    expect(story.members.length).toBeGreaterThan(1);
    const few = await keyUnder(["a"]);
    const many = await keyUnder(Array.from({ length: 21 }, (_, i) => `a-cleaning-rule-with-a-long-name-${i}`));
    expect(few.key).not.toBeNull();
    expect(many.key).not.toBe(few.key);
    expect(many.text.length).toBe(few.text.length);
    expect(many.text).not.toContain("a-cleaning-rule-with-a-long-name");
  });
});
