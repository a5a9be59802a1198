import { describe, expect, it } from "vitest";
import { buildReport, rejectionLines, summaryLines, warningLines } from "../../src/report/index.ts";
import { buildDigest } from "../../src/digest/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, date: string, meta: Partial<ResolvedArticle["meta"]> = {}): ResolvedArticle {
  return {
    path, format: "text", raw: "p", title: path, paragraphs: ["p"], meta: { ...emptyMeta(), ...meta }, context: "", mtime: new Date(0), messages: [],
    evidence: { date, dateSource: "metadata-line", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "metadata-line",
  };
}

const may: Story = { id: "s-aaaaaaaaaa", date: "2025-05-29", title: "b.txt", members: [member("b.txt", "2025-05-29", { source: "Reuters" }), member("a.txt", "2025-05-29", { url: "https://www.bbc.co.uk/news/1" })], summary: ["One."], followUpOf: null };
const june: Story = { id: "s-bbbbbbbbbb", date: "2025-06-23", title: "June", members: [member("c.txt", "2025-06-23")], summary: ["Two."], followUpOf: "s-aaaaaaaaaa" };

describe("build report", () => {
  const model = buildDigest([may, june]).model;
  const report = buildReport([may, june], [{ path: "empty.txt", reason: "empty file" }], [{ file: "c.txt", stage: "clean", rule: "no-headline", level: "warning", text: "no headline found" }], model);

  it("lists every input once, sorted by path: the first member included, the rest merged, rejections with reasons", () => {
    expect(report.inputs.map((i) => [i.path, i.status])).toEqual([
      ["a.txt", "merged"],
      ["b.txt", "included"],
      ["c.txt", "included"],
      ["empty.txt", "rejected"],
    ]);
    expect(report.inputs.find((i) => i.path === "empty.txt")).toMatchObject({ path: "empty.txt", status: "rejected", reason: "empty file" });
    expect(report.inputs.find((i) => i.path === "b.txt")).toMatchObject({ story: "s-aaaaaaaaaa", date: "2025-05-29", dateSource: "metadata-line" });
  });

  it("attaches each file's warnings to its entry", () => {
    expect(report.inputs.find((i) => i.path === "c.txt")?.messages).toEqual([{ stage: "clean", rule: "no-headline", level: "warning", text: "no headline found" }]);
  });

  it("gives every input its messages as records, a rejected one its reason as an error", () => {
    expect(report.inputs.find((i) => i.path === "c.txt")?.messages).toEqual([{ stage: "clean", rule: "no-headline", level: "warning", text: "no headline found" }]);
    expect(report.inputs.find((i) => i.path === "a.txt")?.messages).toEqual([]);
    expect(report.inputs.find((i) => i.path === "empty.txt")?.messages).toEqual([{ stage: "ingest", rule: "rejected", level: "error", text: "empty file" }]);
  });

  it("gives an input dated only by its file's time one record saying so, and none to one a future-date warning already refiled", () => {
    const byFile = (m: ResolvedArticle): ResolvedArticle => ({ ...m, date: "2026-11-04", dateSource: "file-mtime", evidence: { ...m.evidence, date: null, dateSource: null, mtimeDate: "2026-11-04" } });
    const undated: Story = { id: "s-dddddddddd", date: "2026-11-04", title: "d.txt", members: [byFile(member("d.txt", "2026-11-04")), byFile(member("e.txt", "2026-11-04"))], summary: ["Three."], followUpOf: null };
    const future = { file: "e.txt", stage: "date" as const, level: "warning" as const, rule: "future-date", text: "dated 2099-01-01 (front-matter) … filed under 2026-11-04 (the day its file was last written) instead", line: 3 };
    const built = buildReport([undated, june], [], [future], buildDigest([undated, june]).model);
    const entry = (path: string) => built.inputs.find((i) => i.path === path)!;
    expect(entry("d.txt").messages).toEqual([{ stage: "date", rule: "file-time", level: "warning", text: expect.stringMatching(/^dated 2026-11-04, the day its file was last written/) }]);
    expect(entry("e.txt").messages).toEqual([{ stage: "date", rule: "future-date", level: "warning", text: future.text, line: 3 }]);
    expect(entry("c.txt").messages).toEqual([]);
  });

  it("gives followUpOf only to a follow-up", () => {
    expect(report.stories[0]).not.toHaveProperty("followUpOf");
    expect(report.stories[1]).toMatchObject({ id: "s-bbbbbbbbbb", members: ["c.txt"], summary: ["Two."], followUpOf: "s-aaaaaaaaaa" });
  });

  it("names the stories merged into a story (which story absorbed which id), and only where there are any", () => {
    // Yesterday's story s-cccccccccc was merged into the May story: its permalink redirects there.
    const merged = buildReport([{ ...may, formerIds: ["s-cccccccccc"] }, june], [], [], buildDigest([{ ...may, formerIds: ["s-cccccccccc"] }, june]).model);
    expect(merged.stories[0]).toMatchObject({ id: "s-aaaaaaaaaa", formerIds: ["s-cccccccccc"] });
    expect(merged.stories[1]).not.toHaveProperty("formerIds");
    expect(report.stories[0]).not.toHaveProperty("formerIds");
  });

  it("keeps a message about no input (the story-id file) as a record of the build's own, and adds none when there is none", () => {
    const text = "digests/story-ids.json is missing: story ids recovered from the build cache";
    const warned = buildReport([june], [], [{ file: "digests/story-ids.json", stage: "cluster", rule: "story-ids", level: "warning", text }], buildDigest([june]).model);
    expect(warned.messages).toEqual([{ file: "digests/story-ids.json", stage: "cluster", rule: "story-ids", level: "warning", text }]);
    expect(warned.inputs.map((i) => i.path)).toEqual(["c.txt"]);
    expect(report).not.toHaveProperty("messages");
  });

  it("gives one stderr line per rejected input, even when its name or reason holds a line break", () => {
    expect(rejectionLines(report)).toEqual(["digest: rejected empty.txt: empty file"]);
    const odd = buildReport([], [{ path: "a\nb.txt", reason: "first\nsecond" }], [], buildDigest([]).model);
    expect(rejectionLines(odd)).toEqual(['digest: rejected "a\\nb.txt": first second']);
  });

  it("shows on a rejected input's line how its bytes were read when that was a guess, the likely cause", () => {
    const furniture = "no article text found: no block of the page reads as article text (only menus, notices and other page furniture)";
    const read = buildReport(
      [],
      [{ path: "zh.txt", reason: furniture }, { path: "menu.txt", reason: furniture }],
      [
        { file: "zh.txt", stage: "ingest", rule: "decode", level: "warning", text: "not valid UTF-8; read as Windows-1252", line: 1 },
        { file: "zh.txt", stage: "clean", rule: "no-headline", level: "warning", text: "no headline found" },
      ],
      buildDigest([]).model,
    );
    expect(rejectionLines(read)).toEqual([`digest: rejected menu.txt: ${furniture}`, `digest: rejected zh.txt: ${furniture} (not valid UTF-8; read as Windows-1252)`]);
  });

  it("never lets a name's bidi controls turn the stderr line around: they are shown escaped", () => {
    // "evil\u202Etxt.exe.pdf" shows on a terminal as "evilfdp.exe.txt", and reverses the reason after it too.
    const odd = buildReport([], [{ path: "evil\u202Etxt.exe.pdf", reason: "unsupported file type" }, { path: "b\u2067c\u0085.pdf", reason: "x" }], [], buildDigest([]).model);
    expect(rejectionLines(odd)).toEqual(['digest: rejected "b\\u2067c\\u0085.pdf": x', 'digest: rejected "evil\\u202etxt.exe.pdf": unsupported file type']);
    for (const line of rejectionLines(odd)) expect(line).not.toMatch(/[\u0085\u202a-\u202e\u2066-\u2069]/);
  });

  it("says on one stderr line how many kept inputs have warnings, by rule, and nothing when none has", () => {
    expect(warningLines(report)).toEqual(["digest: warning: 1 input kept with warnings (no-headline 1); each is listed in build-report.json"]);
    const said = (file: string, rule: string, level: "warning" | "error" = "warning") => ({ file, stage: "clean" as const, rule, level, text: rule });
    const many = buildReport([may, june], [{ path: "empty.txt", reason: "empty file" }], [said("a.txt", "no-prose"), said("a.txt", "no-prose"), said("b.txt", "article-gate"), said("c.txt", "no-prose"), said("empty.txt", "decode")], model);
    // An input counts once per rule; the rejected input has its own line, not this one.
    expect(warningLines(many)).toEqual(["digest: warning: 3 inputs kept with warnings (no-prose 2, article-gate 1); each is listed in build-report.json"]);
    expect(warningLines(buildReport([may], [], [], model))).toEqual([]);
  });

  it("lists each story's sources with outlet (null when nothing names it), URL and headline", () => {
    expect(report.stories[0]!.sources).toEqual([
      { path: "b.txt", outlet: "Reuters", url: null, headline: "b.txt" },
      { path: "a.txt", outlet: "BBC News", url: "https://www.bbc.co.uk/news/1", headline: "a.txt" },
    ]);
    expect(report.stories[1]!.sources).toEqual([{ path: "c.txt", outlet: null, url: null, headline: "c.txt" }]);
  });

  it("sums it up in one console line", () => {
    expect(summaryLines(report, 2)).toEqual(["digest: 4 inputs: 2 included, 1 merged, 1 rejected → 2 stories on 2 days"]);
    // A build of one article says so in English, not "1 stories on 1 days".
    const one = buildReport([june], [], [], buildDigest([june]).model);
    expect(summaryLines(one, 1)).toEqual(["digest: 1 input: 1 included, 0 merged, 0 rejected → 1 story on 1 day"]);
  });
});
