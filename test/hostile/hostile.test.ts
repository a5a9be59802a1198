// The hostile-input suite: one build of every kind of bad input at once, then builds that must fail
// without touching the earlier site. Inputs are generated (test/hostile/inputs.ts); the suite is
// bounded to a few builds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { digest, removeWorkDirs, root, seeds, tree, workDir, type Run } from "../output/run.ts";
import { makeHostile, type Hostile } from "./inputs.ts";
import { feedProblems, livePages } from "./checks.ts";

interface Report {
  inputs: { path: string; status: string; reason?: string; story?: string; messages: { stage: string; rule?: string; level: string; text: string; line?: number }[] }[];
  stories: { id: string; title: string; members: string[] }[];
}

// As root every folder is readable, so the build runs as an unprivileged user to meet an unreadable
// one, when there is such a user who can read this checkout (else that one input is left out).
const asRoot = process.getuid?.() === 0;
const dropPrivileges =
  asRoot &&
  spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(join(root, "node_modules/tsx/package.json"))})`]).status === 0;
const unreadableFolder = !asRoot || dropPrivileges;

const work = workDir("digest-hostile-");
chmodSync(work, 0o777);
let hostile: Hostile;
let run: Run;
let report: Report;
const site = join(work, "site");
const digests = join(work, "digests");
let earlier: { site: ReturnType<typeof tree>; digests: ReturnType<typeof tree> };

function build(input: string, extra: string[] = []): Promise<Run> {
  const args = ["build", "--input", input, "--digests", digests, "--output", site, "--quiet", ...extra];
  return digest(args, {}, undefined, { unprivileged: dropPrivileges });
}

beforeAll(async () => {
  // The earlier build: the seeds.
  const first = await build(seeds);
  expect(first.code, first.stderr).toBe(0);
  earlier = { site: tree(site), digests: tree(digests) };
  mkdirSync(join(work, "in"));
  hostile = makeHostile(join(work, "in"), { unreadableFolder });
  run = await build(hostile.dir);
  report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as Report;
  // The checks below read this build's report, not the earlier one's.
  expect(report.inputs.some((i) => i.path.startsWith("random/")), "the hostile build wrote no report").toBe(true);
}, 120_000);

afterAll(() => {
  if (existsSync(join(work, "in/private"))) chmodSync(join(work, "in/private"), 0o755);
  removeWorkDirs();
});

describe("a build of hostile inputs", () => {
  it("exits 0 and writes a site", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(site, "index.html"))).toBe(true);
  });

  it("reports every input exactly once, by its path relative to the input folder", () => {
    const paths = report.inputs.map((i) => i.path);
    expect(paths).toEqual([...new Set(paths)]);
    expect(paths.filter((p) => !p.startsWith("links-to-folder/")).sort()).toEqual([...hostile.expected.keys()].sort());
  });

  it("rejects what must be rejected and keeps what must be kept, every rejection with its reason and an error record", () => {
    const byPath = new Map(report.inputs.map((i) => [i.path, i]));
    for (const [path, expect_] of hostile.expected) {
      const entry = byPath.get(path)!;
      if (expect_ === "rejected") expect(entry.status, path).toBe("rejected");
      if (expect_ === "kept") expect(entry.status, `${path}: ${entry.reason ?? ""}`).not.toBe("rejected");
    }
    for (const entry of report.inputs) {
      expect(Array.isArray(entry.messages), entry.path).toBe(true);
      if (entry.status !== "rejected") continue;
      expect(entry.reason, entry.path).toBeTruthy();
      expect(entry.messages.some((m) => m.level === "error" && m.rule && m.text === entry.reason), entry.path).toBe(true);
    }
  });

  it("publishes no random or high bytes as a story (today 26 of 600 and 46 of 100 were)", () => {
    const published = report.inputs.filter((i) => i.path.startsWith("random/") && i.status !== "rejected");
    expect(published).toEqual([]);
  });

  it("names each rejected input once on stderr", () => {
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("digest: rejected "));
    const rejected = report.inputs.filter((i) => i.status === "rejected");
    expect(lines).toHaveLength(rejected.length);
    const shown = (path: string) => (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(path) ? JSON.stringify(path).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : path);
    // With how its bytes were read when that was a guess (the decode warning), the likely cause of a rejection.
    const read = (i: (typeof rejected)[number]) => {
      const said = i.messages.filter((m) => m.rule === "decode" && m.level === "warning").map((m) => m.text);
      return said.length ? ` (${said.join("; ")})` : "";
    };
    for (const i of rejected) expect(lines, i.path).toContain(`digest: rejected ${shown(i.path)}: ${i.reason}${read(i)}`);
    // No line is turned around by a bidi control in a name.
    expect(run.stderr).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it("reads UTF-16 without a byte-order mark, a stray NUL and zero padding as text, each file's words on the site", () => {
    for (const path of ["encoding/utf16le-nobom.txt", "encoding/utf16be-nobom.txt", "encoding/stray-nul.txt", "encoding/zero-padded.txt"]) {
      const entry = report.inputs.find((i) => i.path === path)!;
      expect(entry.status, `${path}: ${entry.reason ?? ""}`).not.toBe("rejected");
    }
    const padded = report.inputs.find((i) => i.path === "encoding/zero-padded.txt")!;
    expect(padded.messages).toContainEqual(expect.objectContaining({ stage: "ingest", rule: "decode", level: "warning", text: expect.stringMatching(/ends in 8192 zero bytes/) }));
  });

  it("keeps a Markdown file whose date is a billion YAML aliases, saying the date is a list", () => {
    const entry = report.inputs.find((i) => i.path === "front-matter/laughs.md")!;
    expect(entry.status, entry.reason).not.toBe("rejected");
    expect(entry.messages).toContainEqual(expect.objectContaining({ rule: "front-matter", text: "front matter date (a list) is not a date (line 12)" }));
  });

  it("publishes no headline longer than 300 characters (a 10,000-character <h1> is cut, with a warning)", () => {
    for (const s of report.stories) expect(s.title.length, s.title.slice(0, 40)).toBeLessThanOrEqual(300);
    const entry = report.inputs.find((i) => i.path === "big/long-title.html")!;
    if (entry.status !== "rejected") expect(entry.messages).toContainEqual(expect.objectContaining({ rule: "long-headline", level: "warning" }));
  });

  it("never shows where the files live on this machine", () => {
    const text = readFileSync(join(site, "build-report.json"), "utf8");
    expect(text).not.toContain(work);
    expect(text).not.toMatch(/"\/(tmp|home|root|work|usr|dev|etc)\//);
  });

  it("reads a UTF-8 file cut off mid-character as UTF-8, with U+FFFD at the cut and a warning", () => {
    const entry = report.inputs.find((i) => i.path === "encoding/cut-utf8.txt")!;
    expect(entry.messages).toContainEqual(expect.objectContaining({ stage: "ingest", rule: "decode", level: "warning" }));
    expect(entry.messages.some((m) => /Windows-1252/.test(m.text))).toBe(false);
  });

  it("never runs front matter as code", () => {
    expect(existsSync(hostile.marker)).toBe(false);
    expect(report.inputs.find((i) => i.path === "front-matter/js.md")?.reason).toMatch(/front matter in "js" is not accepted/);
  });

  it("writes well-formed feeds (RSS and Atom parse as XML, JSON Feed as JSON)", () => {
    for (const name of ["feed.xml", "atom.xml", "feed.json"]) expect(existsSync(join(site, name)), name).toBe(true);
    expect(feedProblems(site)).toEqual([]);
  });

  it("lets nothing from an article become live HTML in the site or the feeds", () => {
    expect(livePages(site)).toEqual([]);
    // The search page is template only (Pagefind's scripts); every other page carries article text.
    const pages = readdirSync(site, { recursive: true }).map(String).filter((n) => n.endsWith(".html") && !/^(pagefind|search)\//.test(n));
    const all = pages.map((p) => readFileSync(join(site, p), "utf8")).join("\n");
    expect(all).toContain("xss-1"); // the payloads were published, as text
    expect(all).not.toMatch(/<script/i);
  });
});

describe("builds that must fail leave the earlier site and digests as they were", () => {
  it("a config that is not valid: non-zero, one line naming the key, nothing written", async () => {
    const before = { site: tree(site), digests: tree(digests) };
    writeFileSync(join(work, "bad.json"), JSON.stringify({ title: 5, feedDays: 0, titel: "x" }));
    const bad = await build(hostile.dir, ["--config", join(work, "bad.json")]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/"title" must be a string.*"feedDays" must be at least 1.*unknown key "titel"; did you mean "title"\?/);
    expect({ site: tree(site), digests: tree(digests) }).toEqual(before);
  });

  it("an output folder that is not an earlier build: refused, untouched", async () => {
    const other = join(work, "not-a-site");
    mkdirSync(other);
    writeFileSync(join(other, "keep.txt"), "mine");
    const refused = await digest(["build", "--input", seeds, "--digests", join(work, "d2"), "--output", other]);
    expect(refused.code).not.toBe(0);
    expect(tree(other)).toEqual({ "keep.txt": "mine" });
    expect(existsSync(join(work, "d2"))).toBe(false);
  });

  it("the earlier build was whole until the hostile one replaced it", () => {
    expect(earlier.site).not.toBeNull();
    expect(Object.keys(earlier.digests!)).toEqual(["2025-05-29.md", "2025-06-23.md", "story-ids.json"]);
  });
});
