// Days come from what the articles say, never from the machine: the seeds built with the real CLI under
// several time zones and with their files stamped years apart give the same digests and site, byte for
// byte; dates that cannot be days are warned about and never become file names.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/digest.js");
const seeds = join(root, "test/fixtures/seeds");

interface Run {
  code: number;
  stderr: string;
  dir: string;
}

function build(input: string, tz: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "digest-dates-"));
  const args = [bin, "build", "--quiet", "--input", input, "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--base-url", "https://digest.example.org/"];
  return new Promise((done) => {
    const child = execFile(process.execPath, args, { cwd: root, env: { ...process.env, TZ: tz }, maxBuffer: 64 << 20 });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code: code ?? 1, stderr, dir }));
  });
}

/** Every file under `dir`, by relative path, as bytes in base64. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString("base64");
    }
  };
  walk(dir);
  return out;
}

/** A copy of the seeds whose files all carry the given modification time. */
function seedsStamped(when: Date): string {
  const dir = join(mkdtempSync(join(tmpdir(), "digest-seeds-")), "articles");
  cpSync(seeds, dir, { recursive: true });
  for (const name of readdirSync(dir)) utimesSync(join(dir, name), when, when);
  return dir;
}

interface Report {
  inputs: { path: string; status: string; date?: string; dateSource?: string; reason?: string; messages: { stage: string; rule?: string; text: string }[] }[];
  stories: { id: string; date: string; members: string[]; followUpOf?: string }[];
}
const reportOf = (run: Run) => JSON.parse(readFileSync(join(run.dir, "site/build-report.json"), "utf8")) as Report;

describe("the seeds in any time zone and with any file times", () => {
  const cases: [string, Date][] = [
    ["UTC", new Date(Date.UTC(2017, 2, 4, 5, 6, 7))],
    ["Pacific/Kiritimati", new Date(Date.UTC(2030, 10, 20, 23, 59))],
    ["America/Los_Angeles", new Date(Date.UTC(2017, 2, 4, 5, 6, 7))],
    ["Asia/Kolkata", new Date(Date.UTC(2030, 10, 20, 23, 59))],
  ];
  const runs = Promise.all(cases.map(([tz, when]) => build(seedsStamped(when), tz)));

  it("builds the same digests and site, byte for byte", async () => {
    const done = await runs;
    for (const run of done) expect(run.code).toBe(0);
    const [first, ...rest] = done.map((r) => ({ digests: tree(join(r.dir, "digests")), site: tree(join(r.dir, "site")) }));
    expect(Object.keys(first!.digests).length).toBeGreaterThan(0);
    for (const other of rest) {
      expect(other.digests).toEqual(first!.digests);
      expect(other.site).toEqual(first!.site);
    }
  }, 120_000);

  it("dates every seed from its text, the follow-up on 2025-06-23 whatever the file times", async () => {
    for (const run of await runs) {
      const report = reportOf(run);
      const byName = new Map(report.inputs.map((i) => [i.path.split("/").pop(), i]));
      expect(byName.get("004_9e4ccd0661cc7365.txt")).toMatchObject({ date: "2025-06-23" });
      for (const i of report.inputs) expect(i.dateSource).not.toBe("file-mtime");
      expect(report.stories.map((s) => s.date).sort()).toEqual(["2025-05-29", "2025-06-23"]);
      expect(run.stderr).not.toMatch(/file times/);
    }
  }, 120_000);
});

describe("dates that are no days", () => {
  const article = (date: string) =>
    `---\ntitle: Harbour reopens after storm ${date}\ndate: ${date}\n---\n\nThe harbour reopened on the morning after the storm on 4 March 2024, and the first ferries left on time for the islands, the port authority said in a statement on its website.\n`;
  const input = join(mkdtempSync(join(tmpdir(), "digest-baddates-")), "articles");
  mkdirSync(input);
  writeFileSync(join(input, "feb30.md"), article("2025-02-30"));
  writeFileSync(join(input, "month13.md"), article("2025-13-01"));
  writeFileSync(join(input, "year10000.md"), article("10000-01-01"));
  writeFileSync(join(input, "year0000.md"), article("0000-01-01"));
  writeFileSync(
    join(input, "far-future.txt"),
    "Council approves the new library\n\nThe city council approved plans for a new library in the old market hall, with building work set to start next spring and the doors to open two years later.\n",
  );
  // Far beyond 2100 (the file system may clamp it, but not below 2100).
  const future = new Date(Date.UTC(2446, 0, 1));
  utimesSync(join(input, "far-future.txt"), future, future);
  const run = build(input, "UTC");

  it("still builds, with every digest named by a real day between 1900 and 2100", async () => {
    const r = await run;
    expect(r.code).toBe(0);
    // The day files; the story-id state file beside them is no digest.
    const names = readdirSync(join(r.dir, "digests")).filter((n) => n !== "story-ids.json");
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) {
      expect(n).toMatch(/^(19\d\d|20\d\d|2100)-\d\d-\d\d\.md$/);
    }
  }, 120_000);

  it("warns about each bad date by its value, dates those articles from their text instead, and rejects one with no usable day", async () => {
    const report = reportOf(await run);
    const byName = new Map(report.inputs.map((i) => [i.path, i]));
    for (const [name, value] of [["feb30.md", "2025-02-30"], ["month13.md", "2025-13-01"], ["year10000.md", "10000-01-01"], ["year0000.md", "0000-01-01"]] as const) {
      const entry = byName.get(name)!;
      expect(entry.status).not.toBe("rejected");
      expect(entry.date).toBe("2024-03-04");
      expect(entry.messages.map((m) => m.text).join("\n")).toContain(value);
    }
    expect(byName.get("far-future.txt")).toMatchObject({ status: "rejected", reason: expect.stringMatching(/no usable date/) });
  }, 120_000);
});

describe("a build dated mostly by file times", () => {
  const input = join(mkdtempSync(join(tmpdir(), "digest-mtimes-")), "articles");
  mkdirSync(input);
  const topics = ["library", "bridge", "harbour"];
  topics.forEach((t) =>
    writeFileSync(join(input, `${t}.txt`), `Council approves the new ${t}\n\nThe city council approved plans for the new ${t} with building work set to start next spring, officials said, and the ${t} is expected to open two years later after a public consultation.\n`),
  );
  it("says so on stderr", async () => {
    const r = await build(input, "UTC");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/digest: warning: 3 of 3 articles were dated by their file times/);
  }, 120_000);
});
