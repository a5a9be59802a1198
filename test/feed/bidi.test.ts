// Bidirectional controls from articles in the feeds: each title, name and summary keeps them to itself,
// as the site's <bdi> does, and right-to-left headlines stay whole.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import Parser from "rss-parser";
import { extractFromXml } from "@extractus/feed-extractor";
import { balancedBidi, selfContainedBidi } from "../../src/text/bidi.ts";
import { build, fixtures, type Built } from "../site/build.ts";

const FSI = "\u2068";
const PDI = "\u2069";

/** Whether a text leaves no bidi control open and closes none it did not open (what a reader's line after it needs). */
function selfContained(text: string): boolean {
  const open: string[] = [];
  for (const c of text) {
    if (/[\u202a\u202b\u202d\u202e]/.test(c)) open.push("e");
    else if (/[\u2066-\u2068]/.test(c)) open.push("i");
    else if (c === "\u202c") {
      if (open.pop() !== "e") return false;
    } else if (c === PDI) {
      const at = open.lastIndexOf("i");
      if (at < 0) return false;
      open.length = at;
    }
  }
  return open.length === 0;
}

interface Report {
  stories: { id: string; title: string }[];
}

describe("feeds built from articles with bidi controls and Arabic headlines", () => {
  let out: Built;
  let report: Report;
  beforeAll(async () => {
    out = await build(join(fixtures, "feed-bidi"));
    report = JSON.parse(out.read("build-report.json")) as Report;
  });

  /** What a reader shows of each feed as text: titles, summaries, content as a snippet, outlets, categories. */
  const texts = async (file: string): Promise<string[]> => {
    if (file.endsWith(".json")) {
      const feed = JSON.parse(out.read(file)) as { title: string; items: { title: string; summary: string; content_html: string; authors?: { name: string }[]; tags?: string[] }[] };
      return [feed.title, ...feed.items.flatMap((i) => [i.title, i.summary, i.content_html.replace(/<[^>]*>/g, " "), ...(i.authors ?? []).map((a) => a.name), ...(i.tags ?? [])])];
    }
    const feed = await new Parser({ customFields: { item: [["dc:creator", "creators", { keepArray: true }]] } }).parseString(out.read(file));
    const items = feed.items as (Parser.Item & { creators?: string[]; summary?: string })[];
    return [feed.title ?? "", ...items.flatMap((i) => [i.title ?? "", i.contentSnippet ?? "", i.summary ?? "", ...(i.creators ?? []), ...(i.categories ?? [])])];
  };

  it("end every title, outlet, category, summary and content snippet with no bidi control left open or closed astray, in all six feeds", async () => {
    for (const file of ["feed.xml", "atom.xml", "feed.json", "stories.xml", "stories-atom.xml", "stories.json"]) {
      for (const text of await texts(file)) expect(selfContained(text), `${file}: ${JSON.stringify(text)}`).toBe(true);
    }
  });

  it("give the story items their headlines whole: an override closed at its end, a stray closer gone, Arabic unchanged", async () => {
    const titles = (await new Parser().parseString(out.read("stories.xml"))).items.map((i) => i.title);
    expect(titles).toContain(`${FSI}Election \u202eresults announced in the capital\u202c${PDI}`);
    expect(titles).toContain("Studentenwohnheim rents rise by a fifth in Marburg");
    const arabic = report.stories.filter((s) => /[\u0600-\u06ff]/.test(s.title) && !/[\u202a-\u202e\u2066-\u2069]/.test(s.title));
    expect(arabic).toHaveLength(2);
    for (const s of arabic) expect(titles).toContain(s.title);
    const atom = extractFromXml(out.read("stories-atom.xml"), { descriptionMaxLen: 0 }).entries ?? [];
    expect(atom.map((e) => e.title)).toContain(`${FSI}Election \u202eresults announced in the capital\u202c${PDI}`);
    const json = JSON.parse(out.read("stories.json")) as { items: { title: string; authors: { name: string }[] }[] };
    expect(json.items.find((i) => i.title.includes("Election"))!.authors).toEqual([{ name: `${FSI}Harbour \u202ePost\u202c${PDI}` }]);
    // The outlet's own isolate is kept as the page wrote it.
    expect(json.items.find((i) => i.title.startsWith("Studentenwohnheim"))!.authors).toEqual([{ name: `${FSI}Marburg \u2068Kurier\u2069${PDI}` }]);
  });

  it("isolate each right-to-left or controlled headline in the day's summary, so the list keeps its order", () => {
    const day = (JSON.parse(out.read("feed.json")) as { items: { summary: string }[] }).items[0]!.summary;
    const parts = day.split(" · ");
    expect(parts).toHaveLength(report.stories.length);
    for (const part of parts) {
      if (/[\u0600-\u06ff\u202a-\u202e]/.test(part)) expect(part.startsWith(FSI) && part.endsWith(PDI), part).toBe(true);
      else expect(part).not.toMatch(/[\u2066-\u2069]/);
    }
    // Each part is one story's headline as its own item gives it, whole.
    const unwrapped = parts.map((p) => (p.startsWith(FSI) ? p.slice(1, -1) : p));
    expect(unwrapped.sort()).toEqual(report.stories.map((s) => balancedBidi(s.title)).sort());
    // The story feed's titles are the same headlines, isolated only where they have controls.
    const titles = (JSON.parse(out.read("stories.json")) as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles.sort()).toEqual(report.stories.map((s) => selfContainedBidi(s.title)).sort());
  });
});
