// The build's record holds every output file's MD5 (src/cli/build-record.ts). A cold build takes most of
// them while Pagefind writes its last bundles (hashesNow), and the record keeps such a hash only for a file
// that is still the one hashed.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashesNow, hashesOf, joinHashes } from "../../src/cli/build-record.ts";
import { identitiesUnder } from "../../src/output/index.ts";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe("a build record's hashes taken early", () => {
  it("are the files' MD5s, and a file missing then is left out", () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-record-"));
    writeFileSync(join(dir, "index.html"), "<h1>Ferry timetable</h1>");
    writeFileSync(join(dir, "day.md"), "# 14 March\n");
    const early = hashesNow(dir, ["index.html", "day.md", "gone.html"]);
    expect(early.hashes).toEqual({ "index.html": md5("<h1>Ferry timetable</h1>"), "day.md": md5("# 14 March\n") });
    expect(Object.keys(early.listing).sort()).toEqual(["day.md", "index.html"]);
  });

  it("give the record the same hashes as reading every file at the end, a file rewritten since read again", () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-record-"));
    writeFileSync(join(dir, "index.html"), "<h1>Ferry timetable</h1>");
    writeFileSync(join(dir, "feed.xml"), "<rss/>");
    const early = hashesNow(dir, ["index.html", "feed.xml"]);
    // Written again after it was hashed (another size): its early hash is not the file's any more.
    writeFileSync(join(dir, "feed.xml"), "<rss><item/></rss>");
    writeFileSync(join(dir, "late.json"), "{}");
    const listing = identitiesUnder(dir);
    const withEarly = hashesOf(dir, listing, joinHashes(undefined, early));
    expect(withEarly).toEqual(hashesOf(dir, listing));
    expect(withEarly["feed.xml"]).toBe(md5("<rss><item/></rss>"));
  });

  it("are taken from the file where it is still the one hashed, not read again", () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-record-"));
    writeFileSync(join(dir, "index.html"), "<h1>Ferry timetable</h1>");
    const early = hashesNow(dir, ["index.html"]);
    // A hash the file never had, under its identity: the record takes it as it stands, so the file was not read.
    const marked = { listing: early.listing, hashes: { "index.html": "taken-early" } };
    expect(hashesOf(dir, identitiesUnder(dir), joinHashes({ listing: {}, hashes: {} }, marked))).toEqual({ "index.html": "taken-early" });
    // The later of two records wins where both have the file.
    expect(joinHashes(marked, early)!.hashes["index.html"]).toBe(md5(readFileSync(join(dir, "index.html"), "utf8")));
  });
});
