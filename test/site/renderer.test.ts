// The site's rendering thread (src/site/renderer.ts): the build renders on it, so it must write what
// rendering on this thread writes, byte for byte, and fail the stage with Eleventy's error.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { renderSite, startRenderThread } from "../../src/site/index.ts";
import { pagesToRender, planSite } from "../../src/site/plan.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, day: string, title: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: [`${title}, the council said on ${day}.`], meta: { ...emptyMeta(), source: "Island Times" },
    context: "", mtime: new Date(0), messages: [], evidence: { date: day, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: day },
    date: day, dateSource: "front-matter",
  };
}

function story(n: number): Story {
  const day = `2025-03-${String(10 + (n % 5)).padStart(2, "0")}`;
  const title = `Harbour works, part ${n}: the quay reopens <soon> & "fully"`;
  return { id: `s-${String(1000000000 + n)}`, date: day, title, members: [member(`a${n}.md`, day, title)], summary: [`${title}, the council said.`], followUpOf: null };
}

/** Every file under `dir` with its bytes. */
function files(dir: string, under = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of readdirSync(join(dir, under))) {
    const path = join(under, name);
    if (statSync(join(dir, path)).isDirectory()) for (const [p, bytes] of files(dir, path)) found.set(p, bytes);
    else found.set(path, readFileSync(join(dir, path)).toString("base64"));
  }
  return found;
}

describe("the site's rendering thread", () => {
  const model = () => buildDigest(Array.from({ length: 12 }, (_, n) => story(n))).model;

  it("writes the same site as rendering on this thread", async () => {
    const here = mkdtempSync(join(tmpdir(), "digest-render-here-"));
    const there = mkdtempSync(join(tmpdir(), "digest-render-thread-"));
    const inline = await renderSite({ outputDir: here, config: defaultConfig, model: model() });
    const thread = startRenderThread();
    const threaded = await renderSite({ outputDir: there, config: defaultConfig, model: model(), renderer: thread }).finally(() => thread.close());
    // What the next build carries over is recorded alike: every page, the front page and feeds' neighbours included.
    expect(threaded.stats.rendered).toBeGreaterThan(12);
    expect(threaded.stats.rendered).toBe(inline.stats.rendered);
    expect(Object.keys(threaded.state.pages).sort()).toEqual(Object.keys(inline.state.pages).sort());
    const [a, b] = [files(here), files(there)];
    expect(a.has(join("stories", "s-1000000003", "index.html"))).toBe(true);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path), path).toBe(bytes);
  });

  it("hands back Eleventy's error, and takes no job once closed", async () => {
    // The output folder is a file: Eleventy cannot write into it.
    const blocked = join(mkdtempSync(join(tmpdir(), "digest-render-blocked-")), "site");
    writeFileSync(blocked, "not a folder");
    const plan = planSite(model(), "key");
    const job = { outputDir: blocked, setup: { site: { baseUrl: "https://example.org/" }, model: model(), pages: pagesToRender(plan, new Set(plan.pages.map((p) => p.file))), search: { merge: [] } } };
    const events = { onContent: () => {}, onPage: () => {}, warn: () => {} };
    const thread = startRenderThread();
    try {
      await expect(thread.render(job, events)).rejects.toThrow(/Having trouble writing to .*blocked/);
    } finally {
      await thread.close();
    }
    await expect(thread.render(job, events)).rejects.toThrow("rendering thread stopped");
  });
});
