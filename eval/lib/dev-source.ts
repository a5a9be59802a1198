// A dev page as the input file the pipeline reads: decoded text, a fixed file time (the evals never
// depend on the clock), and the page's URL when the eval gives it one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { InputFormat, SourceFile } from "../../src/types.ts";

export function devSource(path: string, format: InputFormat, text: string, url: string | null = null, encoding = "utf-8"): SourceFile {
  return { path, format, text, encoding, mtime: new Date(0), url };
}

export interface SavedPage {
  /** Its folder: extraction-html, webpages-html or dates-html. */
  dir: string;
  /** Its file name, and its place in the folder's name order. */
  name: string;
  index: number;
  /** Read as UTF-8 (the speed measures' input; the evals decode as the corpus README says). */
  text: string;
}

/** Every saved HTML page of the dev sets, folder by folder, in file-name order. */
export function savedHtmlPages(corpus: string): SavedPage[] {
  return ["extraction-html", "webpages-html", "dates-html"].flatMap((dir) =>
    readdirSync(join(corpus, dir))
      .filter((n) => n.endsWith(".html.gz"))
      .sort()
      .map((name, index) => ({ dir, name, index, text: gunzipSync(readFileSync(join(corpus, dir, name))).toString("utf8") })),
  );
}
