// An article without a headline is headed by its first words. Chinese and Japanese have no spaces
// between words: the heading is cut by characters, at a word break, not the whole first paragraph.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";

const { files } = await ingest(join(import.meta.dirname, "../fixtures/unspaced-untitled"));
const result = runPipeline(files, { zone: "UTC" });

describe("an untitled Japanese or Chinese report", () => {
  it("is headed by its opening words, not its whole first paragraph", () => {
    const headlines = result.stories.map((s) => s.title).sort();
    expect(headlines).toHaveLength(2);
    // Japanese: cut at a word break (where ICU's dictionary puts it) within 24 characters.
    const ja = headlines[0]!;
    expect(ja).toMatch(/^【エルサレム＝酒井圭吾】イスラエルとイスラム.*…$/u);
    expect(Array.from(ja).length).toBeLessThanOrEqual(25);
    // Chinese: its first sentence, whole.
    expect(headlines[1]).toBe("益水之阳，是名益阳。");
  });
});
