// How ingest's record of the files it read (src/ingest/known.ts) is kept in the build cache: the
// \`ingest\` state, taken only when every entry has the shape a build writes.
import { isObject, type Namespace } from "./pack.ts";
import type { KnownFile, KnownFiles } from "../ingest/index.ts";

const FORMATS = new Set(["text", "html", "markdown"]);

// Plain loops rather than `every` and a closure per entry: a build reads the state once, its 10,000
// entries mostly before the code is optimised, where a call per entry and warning cost more than the test.
function isKnownFile(v: unknown): v is KnownFile {
  if (!isObject(v)) return false;
  const sig = v.signature;
  if (!Array.isArray(sig) || sig.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const n: unknown = sig[i];
    if (typeof n !== "number" || !Number.isFinite(n)) return false;
  }
  if (typeof v.format !== "string" || !FORMATS.has(v.format) || typeof v.encoding !== "string" || typeof v.contentKey !== "string") return false;
  const warnings = v.warnings;
  if (!Array.isArray(warnings)) return false;
  for (let i = 0; i < warnings.length; i++) {
    const w: unknown = warnings[i];
    if (!isObject(w) || typeof w.rule !== "string" || typeof w.text !== "string" || (w.line !== undefined && typeof w.line !== "number")) return false;
  }
  return true;
}

function isKnownFiles(v: unknown): v is KnownFiles {
  if (!isObject(v) || typeof v.at !== "number" || !isObject(v.files)) return false;
  const files = Object.values(v.files);
  for (let i = 0; i < files.length; i++) if (!isKnownFile(files[i])) return false;
  return true;
}

export const knownFilesNamespace: Namespace<KnownFiles> = {
  name: "ingest",
  accepts: isKnownFiles,
};
