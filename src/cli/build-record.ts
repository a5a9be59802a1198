// The record of the last finished build, for the unchanged build: when the code, the settings, the
// folders and every input (path, signature, content) are what they were, and the digests and output
// folders still hold exactly the files that build left (same names, inodes, sizes and times), a new
// build would write the same bytes, so it writes nothing and says what the last one said.
import { createHash } from "node:crypto";
import { isObject, type Namespace } from "../cache/pack.ts";
import { sameIdentity, type FileIdentity } from "../output/index.ts";

export interface BuildRecord {
  /** Hash of the code, settings and folders the build ran with. */
  setup: string;
  /** Hash of what ingest listed: every input's path, signature and content key, every rejection and message. */
  inputs: string;
  /** Every file in the digests folder and in the output folder, as left: relative path → identity. */
  digests: Record<string, FileIdentity>;
  output: Record<string, FileIdentity>;
  /** Each day file's key (src/digest/markdown-keys.ts), where it has one: a later build with the same setup links the file while it is still the one left. */
  days?: Record<string, string>;
  /** What the build printed: the summary (stdout, unless --quiet) and the warnings (stderr). */
  stdout: string[];
  stderr: string[];
}

const isIdentities = (v: unknown) => isObject(v) && Object.values(v).every((f) => Array.isArray(f) && f.length === 3 && f.every((n) => typeof n === "number"));
const isLines = (v: unknown) => Array.isArray(v) && v.every((l) => typeof l === "string");
const isKeys = (v: unknown) => v === undefined || (isObject(v) && Object.values(v).every((k) => typeof k === "string"));

export const buildRecordNamespace: Namespace<BuildRecord> = {
  name: "build",
  accepts: (v): v is BuildRecord =>
    isObject(v) && typeof v.setup === "string" && typeof v.inputs === "string" && isIdentities(v.digests) && isIdentities(v.output) && isLines(v.stdout) && isLines(v.stderr) && isKeys(v.days),
};

/** A hash of values as JSON, in order. */
export function hashOf(...values: unknown[]): string {
  const hash = createHash("sha256");
  for (const v of values) hash.update(JSON.stringify(v) ?? "undefined").update("\n");
  return hash.digest("hex").slice(0, 32);
}

/** Whether two folder listings (relative path → identity) are the same files. */
export function sameFiles(a: Record<string, FileIdentity>, b: Record<string, FileIdentity>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => sameIdentity(b[k] ?? null, a[k]!));
}
