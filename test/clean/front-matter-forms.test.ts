// Markdown articles whose front matter is written by hand, as readers write it: keys in capitals, other
// generators' names for the fields, Hugo's TOML, Eleventy's JSON, a colon in an unquoted title, a source
// given as an address, times with a zone's name or abbreviation. The build report is what the reader reads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const inputs = join(import.meta.dirname, "../fixtures/front-matter-forms");
const work = mkdtempSync(join(tmpdir(), "digest-fm-forms-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Source { path: string; outlet: string | null; url: string | null; headline: string }
interface Report {
  inputs: { path: string; status: string; date: string | null; dateSource: string | null; messages?: { text: string }[] }[];
  stories: { sources: Source[] }[];
}
let report: Report;
let stderr = "";

beforeAll(() => {
  const run = spawnSync(process.execPath, ["bin/digest.js", "build", "--input", inputs, "--digests", join(work, "d"), "--output", join(work, "o"), "--cache", join(work, "c"), "--quiet"], { encoding: "utf8" });
  stderr = run.stderr;
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(readFileSync(join(work, "o", "build-report.json"), "utf8")) as Report;
}, 60_000);

function seen(path: string) {
  const input = report.inputs.find((i) => i.path === path)!;
  const source = report.stories.flatMap((s) => s.sources).find((s) => s.path === path);
  return { status: input.status, date: input.date, dateSource: input.dateSource, outlet: source?.outlet ?? null, url: source?.url ?? null, headline: source?.headline ?? null, messages: (input.messages ?? []).map((m) => m.text) };
}

describe("hand-written front matter", () => {
  it("reads Title:, Date:, Source: and Link: in capitals", () => {
    expect(seen("capitalised.md")).toMatchObject({ headline: "Nissan names successor to Ghosn", date: "2025-03-08", dateSource: "front-matter", outlet: "BBC News", url: "https://www.bbc.co.uk/news/business-216", messages: [] });
  });

  it("reads Hugo's +++ TOML block, not its [params] table, and never shows it as text", () => {
    expect(seen("hugo-toml.md")).toMatchObject({ headline: "Foxx and Swank win US awards", date: "2025-03-01", dateSource: "front-matter", outlet: "BBC News" });
  });

  it("reads Eleventy's ---json block as data, with a source given as a mapping", () => {
    expect(seen("json.md")).toMatchObject({ status: "included", headline: "Lib Dems stress Budget trust gap", date: "2025-03-18", outlet: "BBC News" });
  });

  it("keeps a title with a second colon, saying where the YAML broke by the file's line", () => {
    const a = seen("colon-in-title.md");
    expect(a).toMatchObject({ headline: "Johnny Depp: The acting outlaw", date: "2025-03-26", dateSource: "front-matter" });
    expect(a.messages).toEqual([expect.stringMatching(/not valid YAML \(.*line 2 of the file\)/)]);
  });

  it("shows a source given as an address by its host, and takes a URL written without https://", () => {
    expect(seen("address-source.md")).toMatchObject({ outlet: "bbc.co.uk", url: "https://www.bbc.co.uk/news/business-196", date: "2025-03-03", dateSource: "front-matter", messages: [] });
  });

  it("reads times that end in a zone abbreviation or a zone's name, on the day they state", () => {
    expect(seen("zoned.md")).toMatchObject({ date: "2025-03-29", dateSource: "front-matter", outlet: "BBC News", messages: [] });
    expect(seen("london.md")).toMatchObject({ date: "2025-03-30", dateSource: "front-matter", messages: [] });
  });

  it("says which line holds a date it cannot settle, and how to write it", () => {
    expect(seen("ambiguous.md").messages).toEqual(['front matter date "05/03/2025" is not a date: day and month could each be either number; write it as YYYY-MM-DD (line 3)']);
    expect(stderr).not.toMatch(/rejected ambiguous/);
  });
});

describe("front matter whose closing --- is missing", () => {
  it("reads the key: value lines up to the first blank line, with a warning saying so, never the keys as the headline", () => {
    const a = seen("unclosed.md");
    expect(a).toMatchObject({ headline: "Mitsubishi in Peugeot link talks", date: "2025-03-14", dateSource: "front-matter", outlet: "BBC News" });
    expect(a.messages).toEqual([expect.stringMatching(/^front matter is not closed \(no --- line after it\)/)]);
  });

  it("while a --- above prose is a rule, not front matter", () => {
    const a = seen("rule-first.md");
    expect(a.headline).not.toMatch(/^---/);
    expect(a.messages.join(" ")).not.toMatch(/front matter/);
  });
});

describe("drafts", () => {
  it("does not publish a draft (draft: true, Jekyll's published: false), and says which line holds it back", () => {
    expect(report.inputs.find((i) => i.path === "draft.md")).toMatchObject({ status: "rejected", reason: "a draft (draft: true in its front matter): not published until that line is removed" });
    expect(report.inputs.find((i) => i.path === "jekyll-unpublished.md")).toMatchObject({ status: "rejected", reason: "a draft (published: false in its front matter): not published until that line is removed" });
    expect(stderr).toMatch(/rejected draft\.md: a draft/);
  });

  it("publishes Jekyll's published: true on its date, with no warning about the flag", () => {
    expect(seen("jekyll-published.md")).toMatchObject({ status: "included", date: "2025-03-13", dateSource: "front-matter", messages: [] });
  });
});
