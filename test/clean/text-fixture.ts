// A text dump from test/fixtures/clean/ as the cleaner receives it (real dev-corpus pages).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceFile } from "../../src/types.ts";

export const textFixture = (name: string, url: string | null = null): SourceFile => ({
  path: name,
  format: "text",
  text: readFileSync(join(import.meta.dirname, "../fixtures/clean", name), "utf8"),
  encoding: "utf-8",
  mtime: new Date(0),
  url,
});
