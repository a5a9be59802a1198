// A digest folder copied with `cp -r` (file times not kept): an article whose text states no date is dated by its
// file's time, so the copy moves it, and its story, to the day of the copy. The build says which articles moved
// day since the last build (stderr and the report), and says nothing when the copy kept the times (`cp -a`).
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { digest, removeWorkDirs, root, workDir } from "../output/run.ts";

afterAll(removeWorkDirs);

interface Report {
  inputs: { path: string; date?: string; dateSource?: string; messages: { rule: string; text: string }[] }[];
}

const written = new Date(Date.UTC(2024, 4, 10, 12)); // 2024-05-10, long before any run of this test
/** A build of the folder as a user runs it there: every folder named from inside it. */
const build = (dir: string) => digest(["build", "--input", "articles", "--digests", "digests", "--output", "_site", "--cache", ".digest-cache", "--quiet"], { TZ: "UTC" }, undefined, { cwd: dir });
const report = (dir: string) => JSON.parse(readFileSync(join(dir, "_site/build-report.json"), "utf8")) as Report;

describe("a folder copied without its files' times", () => {
  const work = workDir("digest-day-moved-");
  const first = join(work, "first");
  mkdirSync(join(first, "articles"), { recursive: true });
  cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), join(first, "articles/ferry.md"));
  cpSync(join(root, "test/fixtures/seeds/000_a5a10f004604d1dd.txt"), join(first, "articles/000_a5a10f004604d1dd.txt"));
  utimesSync(join(first, "articles/ferry.md"), written, written);
  const built = build(first);

  it("names the file-dated article whose day moved, with both days", async () => {
    expect((await built).code).toBe(0);
    expect(report(first).inputs.find((i) => i.path === "ferry.md")).toMatchObject({ date: "2024-05-10", dateSource: "file-mtime" });
    const copy = join(work, "copied-r");
    cpSync(first, copy, { recursive: true }); // as cp -r: every file written now
    const again = await build(copy);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^digest: warning: 1 article dated by its file's time moved to another day since the last build \(ferry\.md\): .*cp -r/m);
    const ferry = report(copy).inputs.find((i) => i.path === "ferry.md")!;
    expect(ferry.date).not.toBe("2024-05-10");
    expect(ferry.messages.find((m) => m.rule === "file-day-moved")?.text).toMatch(new RegExp(`^moved from 2024-05-10 to ${ferry.date} since the last build`));
    // The article dated by its text is not named.
    expect(report(copy).inputs.find((i) => i.path === "000_a5a10f004604d1dd.txt")!.messages.some((m) => m.rule === "file-day-moved")).toBe(false);
  }, 600_000);

  it("says nothing of a copy that kept its files' times", async () => {
    await built;
    const copy = join(work, "copied-a");
    cpSync(first, copy, { recursive: true, preserveTimestamps: true }); // as cp -a
    const again = await build(copy);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/moved to another day/);
    expect(report(copy).inputs.every((i) => i.messages.every((m) => m.rule !== "file-day-moved"))).toBe(true);
  }, 600_000);
});
