// Saved pages kept gzipped in a fixtures folder, read in name order.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/** Every `*.html.gz` page of `dir`, unzipped, in name order. */
export function gzippedPages(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".html.gz"))
    .sort()
    .map((n) => gunzipSync(readFileSync(join(dir, n))).toString("utf8"));
}
