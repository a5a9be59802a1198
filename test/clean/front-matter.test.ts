import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/text/front-matter.ts";
import { cleanSource, InputRejected } from "../../src/clean/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import type { SourceFile } from "../../src/types.ts";

const work = mkdtempSync(join(tmpdir(), "digest-fm-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const body = "The council approved the new budget on Tuesday after a long debate about school funding and road repairs in the city.";

function markdown(text: string, path = "a.md"): SourceFile {
  return { path, format: "markdown", text, encoding: "utf-8", mtime: new Date(0) };
}

describe("front matter", () => {
  it("never runs a ---js block, and refuses the file with a reason", () => {
    const marker = join(work, "ran-js");
    const text = `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "pwned") }\n---\n${body}\n`;
    expect(() => cleanSource(markdown(text))).toThrow(InputRejected);
    const out = runPipeline([markdown(text)], { zone: "UTC" });
    expect(out.rejected).toEqual([{ path: "a.md", reason: 'front matter in "js" is not accepted: only YAML, JSON or TOML (+++) front matter is read', stage: "clean", rule: "front-matter" }]);
    expect(existsSync(marker)).toBe(false);
  });

  it("refuses other front-matter languages too", () => {
    for (const lang of ["javascript", "coffee", "toml", "ecmascript"]) {
      expect(splitFrontMatter(`---${lang}\n{}\n---\n${body}`)).toMatchObject({ kind: "refused" });
    }
    expect(splitFrontMatter(`---yaml\ntitle: A\n---\n${body}`)).toMatchObject({ kind: "data", data: { title: "A" } });
  });

  it("reads Hugo's +++ TOML and broken YAML's key: value lines as plain fields, never an object's prototype", () => {
    const toml = splitFrontMatter(`+++\n__proto__ = ["x"]\ntitle = "Budget \\"approved\\""\ndate = 2025-05-29T10:00:00+02:00\n[params]\ntitle = "not this"\n+++\n${body}`);
    expect(toml).toEqual({ kind: "data", data: { title: 'Budget "approved"', date: "2025-05-29T10:00:00.000+02:00", params: { title: "not this" } }, content: body });
    expect(splitFrontMatter(`+++\ntitle = "Budget\ndate = 2025-05-29\n+++\n${body}`)).toMatchObject({ kind: "invalid", reason: expect.stringContaining("line 2 of the file"), content: body });
    expect(Object.getPrototypeOf(toml.kind === "data" ? toml.data : null)).toBe(Object.prototype);
    const broken = splitFrontMatter(`---\n__proto__: x: y\ntitle: Budget: approved\n---\n${body}`);
    expect(broken).toMatchObject({ kind: "invalid", lines: { title: "Budget: approved" } });
    expect(Object.getPrototypeOf(broken.kind === "invalid" ? broken.lines : null)).toBe(Object.prototype);
  });

  it("reads YAML as plain data: no constructor tags, unquoted dates stay text", () => {
    const fm = splitFrontMatter(`---\ntitle: Budget\ndate: 2025-05-29\n---\n${body}`);
    expect(fm).toEqual({ kind: "data", data: { title: "Budget", date: "2025-05-29" }, content: `${body}` });
    const tagged = splitFrontMatter(`---\ntitle: !!js/function "function () { return 1 }"\n---\n${body}`);
    expect(tagged.kind).toBe("invalid");
  });

  it("keeps the article when the YAML is broken, with a warning", () => {
    const a = cleanSource(markdown(`---\ntitle: [unclosed\n---\n${body}\n`));
    expect(a.paragraphs).toEqual([body]);
    expect(a.messages.map((m) => m.text).join()).toMatch(/not valid YAML/);
  });

  it("dates an article by the forms other site generators write, in the date's own offset and without a warning", () => {
    const cases: [string, string][] = [
      ["2025-05-29 23:30:00 -05:00", "2025-05-29"], // Jekyll, YAML 1.1: late evening in Chicago is already the 30th in UTC
      ["2025-05-30 07:15:00 +0900", "2025-05-30"],
      ["2025-05-29 23:30", "2025-05-29"],
      ["May 29, 2025", "2025-05-29"],
      ["29 May 2025", "2025-05-29"],
      ["2025/05/29 23:30:00", "2025-05-29"], // Hexo, many blogs
      ["2025.5.29", "2025-05-29"],
      ["1748563199", "2025-05-29"], // seconds since 1970, as exporters write them: 23:59:59 UTC
      ["1748563200000", "2025-05-30"], // milliseconds
    ];
    for (const [written, day] of cases) {
      const text = `---\ntitle: Budget approved\ndate: ${written}\n---\n${body}\n`;
      const a = cleanSource(markdown(text));
      expect(a.messages.map((m) => m.text)).toEqual([]);
      const out = runPipeline([markdown(text)], { zone: "UTC" });
      expect({ written, day: out.stories[0]!.date }).toEqual({ written, day });
    }
    const wrong = cleanSource(markdown(`---\ntitle: Budget approved\ndate: 2025-02-30 10:00:00 +01:00\n---\n${body}\n`));
    expect(wrong.messages.map((m) => m.text).join()).toMatch(/front matter date "2025-02-30 10:00:00 \+01:00" is not a date \(line 3\)/);
    expect(wrong.messages).toEqual([expect.objectContaining({ stage: "clean", rule: "front-matter", level: "warning" })]);
  });

  it("quotes a date that is a list or mapping by its kind, never spelled out: YAML aliases of aliases would be gigabytes", () => {
    // Nine levels of ten aliases each (10^9 items) in a 400-byte file: spelt out, the warning took 28 s and 900 MB, then failed the file.
    let yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 6; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
    const a = cleanSource(markdown(`---\n${yaml}title: Budget approved\ndate: *a5\n---\n${body}\n`));
    expect(a.title).toBe("Budget approved");
    expect(a.messages.map((m) => m.text)).toEqual(["front matter date (a list) is not a date (line 9)"]);
    const map = cleanSource(markdown(`---\ntitle: Budget approved\ndate: {day: 29}\n---\n${body}\n`));
    expect(map.messages.map((m) => m.text)).toEqual(["front matter date (a mapping) is not a date (line 3)"]);
  });

  it("does not run ---js through the command line either", async () => {
    const { spawnSync } = await import("node:child_process");
    const marker = join(work, "ran-js-cli");
    const file = join(work, "evil.md");
    writeFileSync(file, `---js\nrequire("fs").writeFileSync(${JSON.stringify(marker)}, "x")\n---\n${body}\n`);
    const run = spawnSync(process.execPath, ["bin/digest.js", "clean", file], { encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/only YAML, JSON or TOML \(\+\+\+\) front matter/);
    expect(existsSync(marker)).toBe(false);
    const input = join(work, "articles");
    mkdirSync(input);
    writeFileSync(join(input, "evil.md"), readFileSync(file));
    const build = spawnSync(process.execPath, ["bin/digest.js", "build", "--input", input, "--digests", join(work, "d"), "--output", join(work, "o"), "--quiet"], { encoding: "utf8" });
    expect(build.stderr).toMatch(/evil\.md.*only YAML, JSON or TOML \(\+\+\+\) front matter/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("front-matter fields a reader cannot see", () => {
  it("takes a title of zero-width spaces as no title: the headline is the text's, never invisible", () => {
    const out = runPipeline([markdown(`---\ntitle: "\u200b\u200b\u2060"\nauthor: "\u200b"\n---\n# Council approves the budget\n\n${body}\n`, "invisible.md")], { zone: "UTC" });
    expect(out.stories).toHaveLength(1);
    const [article] = out.stories[0]!.members;
    expect(article!.title).toBe("Council approves the budget");
    expect(article!.meta.author).toBeNull();
  });
});
