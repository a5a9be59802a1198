// A dev page as the input file the pipeline reads: decoded text, a fixed file time (the evals never
// depend on the clock), and the page's URL when the eval gives it one.
import type { InputFormat, SourceFile } from "../../src/types.ts";

export function devSource(path: string, format: InputFormat, text: string, url: string | null = null, encoding = "utf-8"): SourceFile {
  return { path, format, text, encoding, mtime: new Date(0), url };
}
