// How ingest's record of the files it read (src/ingest/known.ts) is kept in the build cache: the
// \`ingest\` state, taken only when every entry has the shape a build writes.
import { isObject, type Namespace } from "./pack.ts";
import type { KnownFile, KnownFiles } from "../ingest/index.ts";

const FORMATS = new Set(["text", "html", "markdown"]);

function isKnownFile(v: unknown): v is KnownFile {
  if (!isObject(v)) return false;
  const sig = v.signature;
  return (
    Array.isArray(sig) &&
    sig.length === 5 &&
    sig.every((n) => typeof n === "number" && Number.isFinite(n)) &&
    typeof v.format === "string" &&
    FORMATS.has(v.format) &&
    typeof v.encoding === "string" &&
    typeof v.contentKey === "string" &&
    Array.isArray(v.warnings) &&
    v.warnings.every((w) => isObject(w) && typeof w.rule === "string" && typeof w.text === "string" && (w.line === undefined || typeof w.line === "number"))
  );
}

export const knownFilesNamespace: Namespace<KnownFiles> = {
  name: "ingest",
  accepts: (v): v is KnownFiles => isObject(v) && typeof v.at === "number" && isObject(v.files) && Object.values(v.files).every(isKnownFile),
};
