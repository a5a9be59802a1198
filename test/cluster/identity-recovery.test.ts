// digests/story-ids.json deleted or damaged while the digests folder holds earlier digests: the build says
// so, and keeps the published ids (permalinks, feed GUIDs) from what Digest itself keeps: the build cache's
// copy of the file, else the last build's report in the site.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { identityFromReport, stateMatchesReport } from "../../src/cluster/index.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-story-ids-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  stories: Array<{ id: string; members: string[] }>;
  messages?: Array<{ file: string; level: string; rule?: string; text: string }>;
}

/** A working folder with the seed articles. */
function folder(name: string): string {
  const dir = join(work, name);
  cpSync(join(root, "test/fixtures/seeds"), join(dir, "articles"), { recursive: true });
  return dir;
}

async function build(dir: string) {
  const { stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--quiet"], { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, DIGEST_TEST_RACY_MS: "0" } });
  const report = JSON.parse(readFileSync(join(dir, "_site/build-report.json"), "utf8")) as Report;
  return { stderr, report, idOf: (path: string) => report.stories.find((s) => s.members.includes(path))?.id };
}

/** Another outlet's copy of the May story's dated article, under a name that sorts first: the story's fallback id would change. */
function addFirstSortingArticle(dir: string): void {
  const source = readdirSync(join(dir, "articles")).find((n) => n.startsWith("003"))!;
  writeFileSync(join(dir, "articles/0000_other_outlet.txt"), `${readFileSync(join(dir, "articles", source), "utf8")}\nReporting by another outlet.\n`);
}

/** Every file of the digests and site, by path (the report apart: it carries the warning). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ["digests", "_site"]) {
    for (const rel of readdirSync(join(dir, sub), { recursive: true }).map(String).sort()) {
      if (rel === "build-report.json" || statSync(join(dir, sub, rel)).isDirectory()) continue;
      out[`${sub}/${rel}`] = readFileSync(join(dir, sub, rel), "latin1");
    }
  }
  return out;
}

/** Several whole builds one after another (a few seconds each, far more on a loaded machine). */
const BUILDS_TIMEOUT = 600_000;
const MAY = "000_a5a10f004604d1dd.txt";
const JUNE = "004_9e4ccd0661cc7365.txt";

describe("a deleted or damaged story-id file", () => {
  it("is taken back from the build cache, the same bytes, with a warning naming the file and what it means", async () => {
    const kept = folder("kept");
    const lost = folder("lost");
    const [first] = await Promise.all([build(kept), build(lost)]);
    expect(first.stderr).toBe(""); // a first build has nothing to recover and says nothing
    for (const dir of [kept, lost]) addFirstSortingArticle(dir);
    rmSync(join(lost, "digests/story-ids.json"));
    const [withFile, recovered] = await Promise.all([build(kept), build(lost)]);
    expect(recovered.idOf(MAY)).toBe(first.idOf(MAY));
    expect(recovered.idOf("0000_other_outlet.txt")).toBe(first.idOf(MAY));
    expect(recovered.idOf(JUNE)).toBe(first.idOf(JUNE));
    expect(tree(lost)).toEqual(tree(kept));
    expect(withFile.report.messages).toBeUndefined();
    expect(recovered.stderr).toMatch(/^digest: warning: digests\/story-ids\.json is missing, but the folder digests holds earlier digests: .*permalink and feed GUID.*from the build cache \(\.digest-cache\)/m);
    expect(recovered.report.messages).toEqual([expect.objectContaining({ file: "digests/story-ids.json", level: "warning", rule: "story-ids" })]);
    expect(recovered.report.messages![0]!.text).toContain("build cache");

    // Damaged rather than deleted: the same.
    writeFileSync(join(lost, "digests/story-ids.json"), '{"version": 1, "next": ');
    writeFileSync(join(lost, "articles/zz-later.txt"), "A later note\n\nPublished 2025-06-23\n\nThe council met again on Monday to discuss the budget for the coming year and the plans for the new library.\n");
    const damaged = await build(lost);
    expect(damaged.stderr).toMatch(/digests\/story-ids\.json is damaged \(not JSON\).*from the build cache/);
    expect(damaged.idOf(MAY)).toBe(first.idOf(MAY));
    expect(damaged.idOf(JUNE)).toBe(first.idOf(JUNE));
  }, BUILDS_TIMEOUT);

  it("is taken back from the last build's report when the cache is gone too, and said to be lost when nothing is left", async () => {
    const dir = folder("no-cache");
    const first = await build(dir);
    addFirstSortingArticle(dir);
    rmSync(join(dir, "digests/story-ids.json"));
    rmSync(join(dir, ".digest-cache"), { recursive: true });
    const fromReport = await build(dir);
    expect(fromReport.idOf(MAY)).toBe(first.idOf(MAY));
    expect(fromReport.idOf(JUNE)).toBe(first.idOf(JUNE));
    expect(fromReport.stderr).toMatch(/story-ids\.json is missing.*from the last build's report, _site\/build-report\.json/);
    // The next build reads the file that one wrote: nothing to say.
    expect((await build(dir)).stderr).toBe("");

    rmSync(join(dir, "digests/story-ids.json"));
    rmSync(join(dir, ".digest-cache"), { recursive: true });
    rmSync(join(dir, "_site"), { recursive: true });
    const lost = await build(dir);
    expect(lost.stderr).toMatch(/story-ids\.json is missing.*nothing could be recovered.*story ids start afresh, so permalinks change and feed readers show every story as new/);
    expect(lost.idOf(MAY)).not.toBe(first.idOf(MAY));
  }, BUILDS_TIMEOUT);
});

describe("story ids from a build report", () => {
  const report = {
    stories: [
      { id: "s-june", date: "2025-06-23", members: ["c.txt"], followUpOf: "s-may" },
      { id: "s-may", date: "2025-05-29", title: "Council approves the riverside park", members: ["b.txt", "a.txt"], formerIds: ["s-old"] },
    ],
  };

  it("makes a record per story, earlier stories first, with their articles, merged ids, day and headline", () => {
    expect(identityFromReport(report)).toEqual({
      version: 1,
      next: 2,
      stories: [
        { id: "s-may", serial: 0, members: [{ path: "a.txt", hash: "" }, { path: "b.txt", hash: "" }], formerIds: ["s-old"], day: "2025-05-29", headline: "Council approves the riverside park" },
        { id: "s-june", serial: 1, members: [{ path: "c.txt", hash: "" }], day: "2025-06-23" },
      ],
    });
    expect(identityFromReport({ stories: [{ id: 3 }] })).toBeNull();
    expect(identityFromReport({ stories: [{ id: "s-may", date: "2025-05-29", title: 7, members: [] }] })).toBeNull();
    expect(identityFromReport(null)).toBeNull();
  });

  it("tells whether a state is the one the report's build left", () => {
    const state = identityFromReport(report)!;
    expect(stateMatchesReport(state, report)).toBe(true);
    expect(stateMatchesReport(state, { stories: [{ id: "s-may", date: "2025-05-29", members: ["a.txt"] }] })).toBe(false);
    expect(stateMatchesReport(state, { stories: [{ id: "s-new", date: "2025-05-29", members: ["d.txt"] }] })).toBe(false);
  });
});
