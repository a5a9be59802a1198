// The seeds' golden expectations (test/fixtures/seeds.golden.json), asserted on the pipeline itself.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ingest } from "../src/ingest/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import { cleanSource } from "../src/clean/index.ts";
import { renderDigests } from "../src/digest/index.ts";

interface Golden {
  articles: Record<string, { title: string; date: string; story: string; keep: string[]; drop: string[] }>;
  stories: Record<string, { members: string[]; date: string; summary_must_mention_any: string[][] }>;
}

const fixtures = join(import.meta.dirname, "fixtures");
const golden = JSON.parse(readFileSync(join(fixtures, "seeds.golden.json"), "utf8")) as Golden;
const norm = (s: string) =>
  s.normalize("NFKC").replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201f\u2033]/g, '"').replace(/\s+/g, " ").trim();

const { files } = await ingest(join(fixtures, "seeds"));
const result = runPipeline(files, { zone: "UTC" });
const storyOf = (name: string) => result.stories.find((s) => s.members.some((m) => m.path === name));

describe("seeds: cleaning", () => {
  for (const file of files) {
    const expected = golden.articles[file.path]!;
    const article = cleanSource(file);
    const body = norm(article.paragraphs.join("\n\n"));
    it(`${file.path}: headline`, () => expect(norm(article.title).toLowerCase()).toBe(norm(expected.title).toLowerCase()));
    it(`${file.path}: keeps the article's lines`, () => {
      for (const k of expected.keep) expect(body).toContain(norm(k));
    });
    it(`${file.path}: drops menus, widgets, credits and other stories`, () => {
      for (const d of expected.drop) expect(body).not.toContain(norm(d));
    });
  }
});

describe("seeds: dates and stories", () => {
  it("dates every article to the day its event was published", () => {
    for (const [name, a] of Object.entries(golden.articles)) {
      expect(storyOf(name)?.members.find((m) => m.path === name)?.date, name).toBe(a.date);
    }
  });

  it("merges the four outlets' coverage into one story and keeps the follow-up apart", () => {
    for (const st of Object.values(golden.stories)) {
      const story = storyOf(st.members[0]!)!;
      expect(story.members.map((m) => m.path).sort()).toEqual([...st.members].sort());
      expect(story.date).toBe(st.date);
      const summary = story.summary.join(" ").toLowerCase();
      for (const group of st.summary_must_mention_any) expect(group.some((w) => summary.includes(w.toLowerCase())), group.join("/")).toBe(true);
    }
    expect(result.stories).toHaveLength(2);
  });

  it("links the June story to the May story it follows up", () => {
    const may = storyOf("000_a5a10f004604d1dd.txt")!;
    const june = storyOf("004_9e4ccd0661cc7365.txt")!;
    expect(june.followUpOf).toBe(may.id);
    expect(may.followUpOf).toBeNull();
  });

  it("says where each date came from", () => {
    const sources = Object.fromEntries(result.stories.flatMap((s) => s.members.map((m) => [m.path, m.dateSource])));
    expect(sources["003_4effe2a660f64d2b.txt"]).toBe("metadata-line");
    expect(sources["000_a5a10f004604d1dd.txt"]).toBe("relative-to-story");
    expect(sources["004_9e4ccd0661cc7365.txt"]).toBe("relative-to-page");
  });

  it("keeps dropped text out of the digests", () => {
    const markdown = norm(renderDigests(result.stories).map((d) => d.markdown).join("\n"));
    for (const a of Object.values(golden.articles)) for (const d of a.drop) expect(markdown).not.toContain(norm(d));
  });

  it("gives the same stories, ids and summaries on every run", () => {
    const again = runPipeline(files, { zone: "UTC" });
    expect(JSON.stringify(again.stories)).toBe(JSON.stringify(result.stories));
  });
});

describe("hostile input", () => {
  it("reads a page nested 50,000 levels deep, refuses it for holding no article, and goes on", () => {
    const deep = `<html><body>${"<div>".repeat(50_000)}<p>Deep</p>${"</div>".repeat(50_000)}</body></html>`;
    const seed = files.find((f) => f.path.startsWith("004"))!;
    const out = runPipeline([{ path: "deep.html", format: "html", text: deep, encoding: "utf-8", mtime: new Date(0) }, seed], { zone: "UTC" });
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0]!.path).toBe("deep.html");
    expect(out.rejected[0]!.reason).toMatch(/no block of the page reads as article text|too little article text/);
    expect(out.stories).toHaveLength(1);
  });
});

describe("stable story ids", () => {
  it("keeps every story's id when another article joins the build", async () => {
    const extra = (await ingest(join(fixtures, "inputs"))).files.filter((f) => f.path === "cp1252.txt" || f.path === "no-front-matter.md");
    const bigger = runPipeline([...files, ...extra], { zone: "UTC" });
    for (const story of result.stories) {
      const same = bigger.stories.find((s) => s.members.some((m) => m.path === story.members[0]!.path))!;
      expect(same.id).toBe(story.id);
    }
    expect(bigger.stories).toHaveLength(result.stories.length + 2);
  });
});

describe("switching a cleaning rule off", () => {
  it("keeps what that rule would have dropped, and only that", async () => {
    const { rulesWithout } = await import("../src/clean/index.ts");
    const file = files.find((f) => f.path.startsWith("001"))!;
    const without = cleanSource(file, rulesWithout("photo-credit")).paragraphs.join("\n");
    expect(without).toContain("File photo: AP");
    expect(cleanSource(file).paragraphs.join("\n")).not.toContain("File photo: AP");
  });
});

describe("story headlines", () => {
  it("takes an outlet's own headline over the opening words of a fuller article that has none", async () => {
    // events-dev: two reports of the fire at Sarah Palin's church; the longer one came without a headline.
    const { files: headline } = await ingest(join(fixtures, "pipeline", "headline"));
    const { stories } = runPipeline(headline, { zone: "UTC" });
    expect(stories).toHaveLength(1);
    expect(stories[0]!.members).toHaveLength(2);
    expect(stories[0]!.title).toBe("Palin's Church Damaged In Suspicious Fire");
  });
});

describe("one report carried word for word by many outlets", () => {
  it("is one story crediting all 40 copies, not 40 stories (every key of each copy is too common to block on)", () => {
    const seed = files.find((f) => f.path.startsWith("003"))!;
    const copies = Array.from({ length: 40 }, (_, i) => ({ ...seed, path: `outlet-${String(i).padStart(2, "0")}/${seed.path}` }));
    const out = runPipeline(copies, { zone: "UTC" });
    expect(out.stories.map((s) => s.members.length)).toEqual([40]);
  });
});
