// The `digest` command as users and outside tools run it: a real process, real files.
import { describe, expect, it } from "vitest";
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { digest as runDigest, tree } from "../output/run.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/digest.js");
const fixtures = join(root, "test/fixtures");

const digest = (args: string[], input?: string) => runDigest(args, {}, input);

interface Report {
  inputs: { path: string; status: string; story?: string; reason?: string; dateSource?: string }[];
  stories: { id: string; members: string[] }[];
}

describe("digest build on bad and odd inputs", () => {
  const work = mkdtempSync(join(tmpdir(), "digest-cli-"));
  const build = digest(["build", "--input", join(fixtures, "inputs"), "--digests", join(work, "digests"), "--output", join(work, "site"), "--base-url", "https://news.example.com/"]);

  it("still writes a site and exits 0, warning once per rejected file by name", async () => {
    const { code, stderr } = await build;
    expect(code).toBe(0);
    const warnings = stderr.split("\n").filter((l) => l.startsWith("digest: rejected"));
    expect(warnings.sort()).toEqual([
      "digest: rejected binary.txt: binary file (NUL or control bytes), not text",
      expect.stringMatching(/^digest: rejected boilerplate.txt: (no|too little) article text/),
      "digest: rejected empty.txt: empty file",
      'digest: rejected notes.pdf: unsupported file type ".pdf": expected .txt, .html, .htm or .md',
    ]);
  });

  it("lists every input exactly once in the report, and every kept input in exactly one story", async () => {
    await build;
    const report = JSON.parse(readFileSync(join(work, "site/build-report.json"), "utf8")) as Report;
    const paths = report.inputs.map((i) => i.path);
    expect(paths).toEqual([...new Set(paths)]);
    expect(paths.sort()).toEqual(readdirSync(join(fixtures, "inputs")).sort());
    for (const i of report.inputs) {
      if (i.status === "rejected") expect(i.reason).toBeTruthy();
      else expect(report.stories.filter((s) => s.members.includes(i.path))).toHaveLength(1);
    }
  });

  it("merges two identical files into one story", async () => {
    await build;
    const report = JSON.parse(readFileSync(join(work, "site/build-report.json"), "utf8")) as Report;
    const a = report.inputs.find((i) => i.path === "copy-a.txt")!;
    const b = report.inputs.find((i) => i.path === "copy-b.txt")!;
    expect(a.story).toBe(b.story);
    expect([a.status, b.status].sort()).toEqual(["included", "merged"]);
  });

  it("includes a Markdown article without front matter, dated by its file", async () => {
    await build;
    const report = JSON.parse(readFileSync(join(work, "site/build-report.json"), "utf8")) as Report;
    expect(report.inputs.find((i) => i.path === "no-front-matter.md")).toMatchObject({ status: "included", dateSource: "file-mtime" });
  });

  it("gives byte-identical digests and site for the same inputs", async () => {
    await build;
    const again = await digest(["build", "--input", join(fixtures, "inputs"), "--digests", join(work, "digests2"), "--output", join(work, "site2"), "--base-url", "https://news.example.com/"]);
    expect(again.code).toBe(0);
    expect(tree(join(work, "digests2"))).toEqual(tree(join(work, "digests")));
    expect(tree(join(work, "site2"))).toEqual(tree(join(work, "site")));
  });
});

describe("digest build failures", () => {
  it("exits non-zero with a one-line reason when the config is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-cfg-"));
    writeFileSync(join(dir, "bad.json"), "{ not json");
    const { code, stderr } = await digest(["build", "--input", join(fixtures, "seeds"), "--output", join(dir, "site"), "--digests", join(dir, "d"), "--config", join(dir, "bad.json")]);
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/bad\.json is not valid JSON/);
  });

  it("names the cleaning rules when the config switches off one that does not exist", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-cfg-"));
    writeFileSync(join(dir, "rules.json"), JSON.stringify({ disableRules: ["photo-credits"] }));
    const { code, stderr } = await digest(["build", "--input", join(fixtures, "seeds"), "--output", join(dir, "site"), "--digests", join(dir, "d"), "--config", join(dir, "rules.json")]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown cleaning rule "photo-credits" \(did you mean "photo-credit"\?\); the rules are .*photo-credit/);
  });

  it("checks the whole config before writing anything: {\"title\": 5} leaves the earlier build as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-cfg-"));
    const args = ["build", "--input", join(fixtures, "seeds"), "--output", join(dir, "site"), "--digests", join(dir, "d")];
    expect((await digest(args)).code).toBe(0);
    const before = [tree(join(dir, "site")), tree(join(dir, "d"))];
    writeFileSync(join(dir, "title.json"), JSON.stringify({ title: 5, fetch: { concurency: 2 } }));
    const { code, stderr } = await digest([...args, "--config", join(dir, "title.json")]);
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/"title" must be a string, not the number 5; unknown key "fetch.concurency"; did you mean "fetch.concurrency"\?/);
    expect([tree(join(dir, "site")), tree(join(dir, "d"))]).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["d", "site", "title.json"]);
  });

  it("exits non-zero when the input folder is missing", async () => {
    const { code, stderr } = await digest(["build", "--input", "/nonexistent/articles"]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/does not exist/);
  });

  it("names the path when --input is given a file, not a folder", async () => {
    const file = join(fixtures, "seeds/003_4effe2a660f64d2b.txt");
    const { code, stderr } = await digest(["build", "--input", file]);
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toEqual([`digest build: input folder ${file} is a file, not a folder (give the folder that holds it)`]);
  });
});

describe("digest clean and summarize", () => {
  it("cleans one file into the contract's JSON", async () => {
    const { code, stdout } = await digest(["clean", join(fixtures, "seeds/003_4effe2a660f64d2b.txt")]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(["body", "dateSource", "date", "paragraphs", "source", "title", "url"].sort());
    expect(out.date).toBe("2025-05-29");
    expect(out.body).toBe((out.paragraphs as string[]).join("\n\n"));
  });

  it("names the source as the build credits it: an AP page hosted for a newspaper is Associated Press", async () => {
    const { code, stdout } = await digest(["clean", join(fixtures, "outlets/ap-hosted.html")]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { source: string | null }).source).toBe("Associated Press");
  });

  it("gives a Markdown article's url as the build takes it: absolute http(s), else null", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-clean-url-"));
    const body = "The council approved the new bus plan on Tuesday after a long debate about routes and fares in the city.";
    const urls: [string, string | null][] = [["https://news.example.com/bus-plan", "https://news.example.com/bus-plan"], ["/news/bus-plan", null], ['"12345"', null]];
    for (const [written, wanted] of urls) {
      writeFileSync(join(dir, "a.md"), `---\ntitle: Bus plan approved\nurl: ${written}\n---\n${body}\n`);
      const { code, stdout } = await digest(["clean", join(dir, "a.md")]);
      expect(code).toBe(0);
      expect({ written, url: (JSON.parse(stdout) as { url: unknown }).url }).toEqual({ written, url: wanted });
    }
  });

  it("cleans JSON lines in order, answering a bad line with an error and going on", async () => {
    const input = [JSON.stringify({ id: 1, text: readFileSync(join(fixtures, "seeds/001_573368ba96f89019.txt"), "utf8") }), "{oops", JSON.stringify({ id: 3, html: "<html><head><title>T</title></head><body><article><h1>T</h1><p>One paragraph of running text that is long enough to keep as the body of the page.</p></article></body></html>" })].join("\n");
    const { code, stdout } = await digest(["clean", "--jsonl"], `${input}\n`);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 1, title: "Russia accuses Serbia of betrayal for supplying arms to Ukraine" });
    expect(lines[1]).toHaveProperty("error");
    expect(lines[2]).toMatchObject({ id: 3, title: "T" });
    expect(Object.keys(lines[0]!).sort()).toEqual(["body", "date", "id", "title"]);
  });

  it("summarizes JSON lines, single and multi-article, with exactly N unchanged sentences", async () => {
    const a = readFileSync(join(fixtures, "seeds/000_a5a10f004604d1dd.txt"), "utf8").split("Try Our AI")[0]!;
    const b = readFileSync(join(fixtures, "seeds/002_0cee1a8a8a4acb49.txt"), "utf8");
    const input = `${JSON.stringify({ id: "one", text: a })}\n${JSON.stringify({ id: "many", articles: [{ text: a }, { title: "T", text: b }] })}\n`;
    const { code, stdout } = await digest(["summarize", "--jsonl", "--sentences", "2"], input);
    expect(code).toBe(0);
    const [one, many] = stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; summary: string[] });
    expect(one!.summary).toHaveLength(2);
    expect(many!.summary).toHaveLength(2);
    for (const s of [...one!.summary, ...many!.summary]) expect(a.includes(s) || b.includes(s)).toBe(true);
  });
});

describe("digest clean FILE on odd files", () => {
  it("refuses a FIFO at once instead of waiting on it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-clean-"));
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    const { code, stderr } = await digest(["clean", join(dir, "pipe.txt")]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/pipe\.txt: not a regular file/);
  });

  it("reads a UTF-8 file cut off mid-character as UTF-8", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-clean-"));
    const german = readFileSync(join(fixtures, "languages/de-04b5ffdcdaf058f8.txt"));
    writeFileSync(join(dir, "cut.txt"), german.subarray(0, german.lastIndexOf(0xc3) + 1));
    const { code, stdout, stderr } = await digest(["clean", join(dir, "cut.txt")]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { body: string };
    expect(out.body).toMatch(/[äöüß]/);
    expect(out.body).not.toContain("Ã");
    expect(stderr).toMatch(/ends in the middle of a UTF-8 character/);
  });
});

describe("rebuilding into the same output", () => {
  it("leaves no page of a day that no longer has stories", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-rebuild-"));
    const out = join(dir, "site");
    const first = await digest(["build", "--input", join(fixtures, "seeds"), "--digests", join(dir, "d"), "--output", out]);
    expect(first.code).toBe(0);
    expect(statSync(join(out, "2025/06/23/index.html")).isFile()).toBe(true);
    const only = join(dir, "may");
    cpSync(join(fixtures, "seeds"), only, { recursive: true, filter: (p) => !p.includes("004_") });
    const second = await digest(["build", "--input", only, "--digests", join(dir, "d"), "--output", out]);
    expect(second.code).toBe(0);
    expect(() => statSync(join(out, "2025/06/23/index.html"))).toThrow();
    // Beside the digests only the story-id state file (story-ids.json), which is not a digest.
    expect(readdirSync(join(dir, "d")).filter((f) => f.endsWith(".md"))).toEqual(["2025-05-29.md"]);
  });
});
