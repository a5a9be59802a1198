// The listing the build record keeps of the site: made from the identities the build took of its own
// files, it must be the listing a walk of the folder gives, so that the next unchanged build is found
// unchanged; and anything the build did not write must make the two differ.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileIdentity, identitiesUnder, listingFrom, type FileIdentity } from "../../src/output/index.ts";

function site(): { dir: string; known: Map<string, FileIdentity> } {
  const dir = mkdtempSync(join(tmpdir(), "digest-listing-"));
  const known = new Map<string, FileIdentity>();
  for (const file of ["index.html", "stories/s-1/index.html", "stories/s-2/index.html", "pagefind/pagefind-entry.json", "pagefind/index/en_1.pf_index"]) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), file);
    known.set(file, fileIdentity(join(dir, file))!);
  }
  // Written by the build but not known: a feed at the top, and a folder of its own.
  writeFileSync(join(dir, "feed.xml"), "<rss/>");
  mkdirSync(join(dir, "extra/deeper"), { recursive: true });
  writeFileSync(join(dir, "extra/deeper/file.txt"), "x");
  return { dir, known };
}

describe("the site's listing", () => {
  it("made from the files the build knows is the listing a walk of the folder gives", () => {
    const { dir, known } = site();
    expect(listingFrom(dir, known)).toEqual(identitiesUnder(dir));
  });

  it("differs from a walk once a file the build did not know of is added among its own", () => {
    const { dir, known } = site();
    writeFileSync(join(dir, "stories/s-1/stray.html"), "stray");
    expect(Object.keys(identitiesUnder(dir))).toContain("stories/s-1/stray.html");
    expect(Object.keys(listingFrom(dir, known))).not.toContain("stories/s-1/stray.html");
  });

  it("lists a folder by its name alone, and a file by its inode, size and time", () => {
    const { dir } = site();
    const listing = identitiesUnder(dir);
    expect(listing["stories"]).toEqual([0, -1, 0]);
    expect(listing["stories/s-1/index.html"]).toEqual(fileIdentity(join(dir, "stories/s-1/index.html")));
    mkdirSync(join(dir, "stories/s-3"));
    expect(identitiesUnder(dir)["stories/s-3"]).toEqual([0, -1, 0]);
  });
});
