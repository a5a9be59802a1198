// A page of hundreds of thousands of lines is not an article page: it is refused before cleaning holds
// every line (8 MB of one-letter lines took 84 s and 4.2 GB in a build), blank lines not counted.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cleanSource, InputRejected, MAX_LINES } from "../../src/clean/index.ts";
import type { SourceFile } from "../../src/types.ts";

const seeds = join(import.meta.dirname, "../fixtures/seeds");
const seed = readFileSync(join(seeds, readdirSync(seeds).sort()[2]!), "utf8");
const source = (path: string, format: SourceFile["format"], text: string): SourceFile => ({ path, format, text, encoding: "utf-8", mtime: new Date(0) });

function rejection(file: SourceFile): InputRejected | null {
  try {
    cleanSource(file);
    return null;
  } catch (error) {
    if (error instanceof InputRejected) return error;
    throw error;
  }
}

describe("a page with more than MAX_LINES lines", () => {
  it("is refused as too large to read, as a text dump and as an HTML page", () => {
    expect(rejection(source("a.txt", "text", `A title\n\n${"x\n".repeat(MAX_LINES + 1)}`))?.message).toBe(`page has more than ${MAX_LINES} lines of text: too large to read`);
    expect(rejection(source("a.html", "html", `<html><body>${"<p>a</p>".repeat(MAX_LINES + 1)}</body></html>`))?.message).toBe(`page has more than ${MAX_LINES} blocks of text: too large to read`);
  });

  it("but blank lines do not count: an article among them is kept", () => {
    const a = cleanSource(source("a.txt", "text", `${seed}${"\n \n".repeat(MAX_LINES)}`));
    expect(a.paragraphs.join(" ").length).toBeGreaterThan(1000);
  });
});
