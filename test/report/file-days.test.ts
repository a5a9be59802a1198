// The last build's report read for the days it gave file-dated articles: a damaged or foreign report gives none,
// so the build says nothing moved rather than failing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lastFileDays, writeJsonFile } from "../../src/report/index.ts";
import { REPORT_FILE } from "../../src/output/index.ts";
import { lastReportText } from "../../src/cli/story-ids.ts";

const dir = mkdtempSync(join(tmpdir(), "digest-file-days-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lastFileDays", () => {
  it("keeps only the articles the last build dated by their files' times", () => {
    const text = JSON.stringify({ inputs: [
      { path: "a.md", status: "included", date: "2024-05-10", dateSource: "file-mtime", messages: [] },
      { path: "b.txt", status: "merged", date: "2024-05-09", dateSource: "metadata-line", messages: [] },
      { path: "c.txt", status: "rejected", reason: "empty file", messages: [] },
    ] });
    expect([...lastFileDays(text)]).toEqual([["a.md", "2024-05-10"]]);
  });
  it("gives none for no report, a cut-off report or one of another shape", () => {
    for (const text of [null, "{\"inputs\": [", "[]", "{\"inputs\": 3}", "{\"inputs\": [null, 1, {\"path\": 2, \"dateSource\": \"file-mtime\"}]}"]) expect(lastFileDays(text).size).toBe(0);
  });
  it("is given the report the last build wrote, read by the CLI under the one report file name", async () => {
    await writeJsonFile(join(dir, REPORT_FILE), { inputs: [{ path: "a.md", status: "included", date: "2024-05-10", dateSource: "file-mtime", messages: [] }] });
    expect([...lastFileDays(lastReportText(dir))]).toEqual([["a.md", "2024-05-10"]]);
    expect(lastReportText(join(dir, "no-site"))).toBeNull();
  });
});
