// The short furniture lines that spell a text dump's host, weighed as its outlet's name (src/clean/source-lines.ts).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepare } from "../../src/clean/index.ts";
import { cleanDoc } from "../../src/clean/text.ts";
import { keptBodyIndices, makeLine } from "../../src/clean/doc.ts";
import { outletLine, outletLineCandidates } from "../../src/clean/source-lines.ts";

const fixtures = join(import.meta.dirname, "../fixtures/outlets");

/** A trimmed real dump cleaned as a build cleans it: its lines, its body and its host. */
function cleaned(file: string, host: string) {
  const { doc } = prepare({ path: file, format: "text", text: readFileSync(join(fixtures, file), "utf8"), encoding: "utf-8", mtime: new Date(0), url: null });
  cleanDoc(doc);
  return { lines: doc.lines, body: keptBodyIndices(doc).map((i) => doc.lines[i]!), host };
}

describe("outletLine", () => {
  it("takes the line that is the site's name among the lines that spell the host", () => {
    const { lines, body, host } = cleaned("phillyvoice-name-line.txt", "phillyvoice.com");
    expect(outletLineCandidates(lines, body, host).map((c) => c.text)).toContain("PhillyVoice Staff");
    expect(outletLine(lines, body, host)).toBe("PhillyVoice");
  });

  it("takes none when every such line is a product, a section or a newsletter", () => {
    const { lines, body, host } = cleaned("macwelt-product-lines.txt", "macwelt.de");
    const candidates = outletLineCandidates(lines, body, host).map((c) => c.text);
    expect(candidates).toEqual(expect.arrayContaining(["Macwelt TV", "Macwelt Forum", "Macwelt Marktplatz"]));
    expect(outletLine(lines, body, host)).toBeNull();
  });

  it("weighs no line on a subdomain, where the registered label is the platform's or the parent's", () => {
    const lines = ["Gormulus", "A walk in the hills", "We walked up the hill on Sunday and saw the whole valley below us in the sun.", "WordPress.com", "Bloggen auf WordPress.com."].map((t) => makeLine(t, false));
    expect(outletLineCandidates(lines, [lines[2]!], "gormulus.wordpress.com")).toEqual([]);
    expect(outletLineCandidates(lines, [lines[2]!], "wordpress.com").map((c) => c.text)).toEqual(["WordPress.com", "Bloggen auf WordPress.com."]);
  });

  it("weighs no line of furniture words alone, nor an address in lower case, a mail or a notice", () => {
    const lines = ["Archive", "archive.org", "info@archive.org", "© 2020 Archive", "Internet Archive"].map((t) => makeLine(t, false));
    expect(outletLineCandidates(lines, [], "archive.org").map((c) => c.text)).toEqual(["Internet Archive"]);
  });
});
