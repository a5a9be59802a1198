// A story merged across builds keeps its old ids (Story.formerIds, from the stories stage): each old
// permalink leads to the story, and an old day-page anchor still lands on it.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { renderSite } from "../../src/site/index.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title: "Harbour wall mural stays until Monday", paragraphs: ["The council said the mural would stay until Monday."], meta: { ...emptyMeta(), source: "Island Times" },
    context: "", mtime: new Date(0), messages: [], evidence: { date: "2025-03-14", dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-14" },
    date: "2025-03-14", dateSource: "front-matter",
  };
}

describe("former story ids", () => {
  it("writes a page at each old permalink that links the reader to the story, and keeps the old anchor on the day page", async () => {
    const story: Story & { formerIds: string[] } = { id: "s-1111111111", date: "2025-03-14", title: "Harbour wall mural stays until Monday", members: [member("a.md")], summary: ["The council said the mural would stay until Monday."], followUpOf: null, formerIds: ["s-0000000000"] };
    const out = mkdtempSync(join(tmpdir(), "digest-site-test-"));
    await renderSite({ outputDir: out, config: defaultConfig, model: buildDigest([story]).model });
    const old = readFileSync(join(out, "stories/s-0000000000/index.html"), "utf8");
    // A moved page that stays put: the story's address as a real link and as the canonical one. A refresh that
    // moves on by itself loses the page under a crawler that reads it once loaded (../shared/tools/sitecheck links.mjs).
    expect(old).not.toMatch(/http-equiv="refresh"|location\.(replace|assign|href)/i);
    expect(old).toContain('<meta name="robots" content="noindex">');
    expect(old).toContain('<link rel="canonical" href="https://digest.example.org/stories/s-1111111111/">');
    expect(old).toContain('<a href="/stories/s-1111111111/"><bdi>Harbour wall mural stays until Monday</bdi></a>');
    expect(readFileSync(join(out, "2025/03/14/index.html"), "utf8")).toMatch(/<span id="s-0000000000"><\/span>\s*<h2 id="s-1111111111">/);
    expect(readFileSync(join(out, "stories/s-1111111111/index.html"), "utf8")).toContain('first published as <a href="/stories/s-0000000000/">s-0000000000</a>');
  });
});
