// The feeds are written while Pagefind writes the search index (renderSite's `alongside`): the stage
// ends only when both are done, and fails when either fails.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { renderSite } from "../../src/site/index.ts";
import { fileIdentity, sameIdentity, type FileIdentity } from "../../src/output/index.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title: "Ferry timetable changes for the winter", paragraphs: ["The ferry will run twice a day from November."], meta: { ...emptyMeta(), source: "Island Times" },
    context: "", mtime: new Date(0), messages: [], evidence: { date: "2025-03-14", dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-14" },
    date: "2025-03-14", dateSource: "front-matter",
  };
}

const story: Story = { id: "s-2222222222", date: "2025-03-14", title: "Ferry timetable changes for the winter", members: [member("a.md")], summary: ["The ferry will run twice a day from November."], followUpOf: null };
const model = () => buildDigest([story]).model;

describe("work alongside the search index", () => {
  it("is done, with the pages and the index, when the stage returns", async () => {
    const out = mkdtempSync(join(tmpdir(), "digest-site-alongside-"));
    let sawPages = false;
    const result = await renderSite({
      outputDir: out, config: defaultConfig, model: model(),
      alongside: async () => {
        // It starts once Eleventy has written every page.
        sawPages = existsSync(join(out, "index.html")) && existsSync(join(out, "stories/s-2222222222/index.html"));
        await new Promise((resolve) => setTimeout(resolve, 50));
        writeFileSync(join(out, "beside.txt"), "written beside the index");
      },
    });
    expect(sawPages).toBe(true);
    expect(readFileSync(join(out, "beside.txt"), "utf8")).toBe("written beside the index");
    expect(JSON.parse(readFileSync(join(out, "pagefind/pagefind-entry.json"), "utf8")).languages.en.page_count).toBe(1);
    expect(result.stats.ms.alongside).toBeGreaterThan(0);
  });

  it("is given every page the stage wrote, each already whole, so that the build can hash them while Pagefind works", async () => {
    const out = mkdtempSync(join(tmpdir(), "digest-site-alongside-"));
    const seen = new Map<string, { text: string; identity: FileIdentity | null }>();
    await renderSite({
      outputDir: out, config: defaultConfig, model: model(),
      alongside: async (written) => {
        for (const file of written) seen.set(relative(out, file), { identity: fileIdentity(file), text: readFileSync(file, "utf8") });
      },
    });
    expect([...seen.keys()]).toEqual(expect.arrayContaining(["index.html", "stories/s-2222222222/index.html", "search/index.html"]));
    // Nothing of the search index, which Pagefind may still be writing.
    expect([...seen.keys()].filter((file) => file.startsWith("pagefind"))).toEqual([]);
    // What it read is what the stage left, or the page was replaced since by another file (the search page,
    // given its bundles' tags once they are written): a hash taken then is never taken for what is there now.
    for (const [file, { text, identity }] of seen) {
      const now = fileIdentity(join(out, file));
      if (now && identity && sameIdentity(now, identity)) expect(readFileSync(join(out, file), "utf8"), file).toBe(text);
      else expect(file).toBe("search/index.html");
    }
  });

  it("fails the stage with its error, after the index is finished", async () => {
    const out = mkdtempSync(join(tmpdir(), "digest-site-alongside-"));
    await expect(renderSite({ outputDir: out, config: defaultConfig, model: model(), alongside: () => Promise.reject(new Error("feeds could not be written")) })).rejects.toThrow("feeds could not be written");
    expect(existsSync(join(out, "pagefind/pagefind-entry.json"))).toBe(true);
  });
});
