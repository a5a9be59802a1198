// What the cache keeps per article, and how a kept record becomes the article again.
//
// Two namespaces. `article`: the cleaned article (or why the file was rejected), keyed by the input's
// content, format, encoding and URL, the cleaning rules and the code: not by its path, so a renamed file
// is still a hit. `dated`: what dating adds to it, keyed by that key plus the file's time and the zone,
// because dating falls back on the file's time. A record holds no path, raw text or file time: they
// come from the file on the way back, which is why a record is only made when the stage put them
// where the file has them (path, raw, mtime, every message's file).
import type { CleanArticle, DatedArticle, SourceFile, Stage } from "../types.ts";
import type { CleanOutcome } from "../pipeline/article.ts";
import { cacheJson, cacheKey, isObject, type Namespace } from "./pack.ts";
import { contentKey } from "../ingest/index.ts";

type Fields = Record<string, unknown>;

/** A cleaned article without its file's own fields, or a rejection, as JSON keeps it. */
export type CleanRecord = { article: Fields } | { rejected: string; stage?: string; rule?: string; messages: Fields[] };

/** The fields dating added to the article (today: `evidence`). */
export type DatedRecord = Fields;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const isMessage = (v: unknown): v is Fields => isObject(v) && typeof v.stage === "string" && typeof v.level === "string" && typeof v.text === "string";
const isMessages = (v: unknown): v is Fields[] => Array.isArray(v) && v.every(isMessage);

export const articleNamespace: Namespace<CleanRecord> = {
  name: "article",
  accepts(v): v is CleanRecord {
    if (!isObject(v)) return false;
    const optionalString = (x: unknown) => x === undefined || typeof x === "string";
    if ("rejected" in v) return typeof v.rejected === "string" && optionalString(v.stage) && optionalString(v.rule) && isMessages(v.messages);
    const a = v.article;
    return isObject(a) && typeof a.title === "string" && isStrings(a.paragraphs) && isObject(a.meta) && typeof a.context === "string" && isMessages(a.messages);
  },
};

export const datedNamespace: Namespace<DatedRecord> = {
  name: "dated",
  accepts(v): v is DatedRecord {
    if (!isObject(v)) return false;
    // Clustering's terms are checked where they are read (src/cluster term-record.ts), and worked out
    // again from the text when they are not sound.
    if ("terms" in v && typeof v.terms !== "string") return false;
    return !("evidence" in v) || (isObject(v.evidence) && (typeof v.evidence.mtimeDate === "string" || v.evidence.mtimeDate === null));
  },
};

/** By what the input is (src/ingest contentKey: format, encoding, URL, text), not where it is. */
export function articleKey(file: SourceFile, code: string, ruleNames: readonly string[]): string {
  return cacheKey("article", code, ruleNames.join(","), file.contentKey ?? contentKey(file));
}

export function datedKey(articleKey: string, code: string, zone: string, file: SourceFile): string {
  return cacheKey("dated", code, articleKey, zone, file.mtime.getTime());
}

/** The clean outcome as a record's JSON, or null when it cannot come back exactly from one. */
export function cleanRecordJson(file: SourceFile, outcome: CleanOutcome): string | null {
  const ownMessages = (messages: ReadonlyArray<{ file: string }>) => messages.every((m) => m.file === file.path);
  if ("rejected" in outcome) {
    if (outcome.rejected.path !== file.path || !ownMessages(outcome.messages)) return null;
    const { reason, stage, rule } = outcome.rejected;
    return cacheJson({ rejected: reason, stage, rule, messages: outcome.messages.map((m) => ({ ...m, file: "" })) });
  }
  const a = outcome.article;
  if (a.path !== file.path || a.raw !== file.text || a.mtime !== file.mtime || a.format !== file.format || !ownMessages(a.messages)) return null;
  // The file's own fields keep their places (key order survives) but not their values.
  return cacheJson({ article: { ...a, path: "", raw: "", mtime: null, messages: a.messages.map((m) => ({ ...m, file: "" })) } });
}

export function restoreClean(file: SourceFile, record: CleanRecord): CleanOutcome {
  const withFile = (messages: Fields[]) => messages.map((m) => ({ ...m, file: file.path })) as unknown as CleanArticle["messages"];
  if ("rejected" in record) {
    const rejected = { path: file.path, reason: record.rejected, ...(record.stage ? { stage: record.stage as Stage } : {}), ...(record.rule ? { rule: record.rule } : {}) };
    return { rejected, messages: withFile(record.messages) };
  }
  const article = { ...record.article, path: file.path, raw: file.text, mtime: file.mtime, messages: withFile(record.article.messages as Fields[]) };
  return { article: article as unknown as CleanArticle };
}

/** What dating added to `article`, as JSON, or null when adding it back would not give `dated`. */
export function datedRecordJson(article: CleanArticle, dated: DatedArticle): string | null {
  if ((dated as unknown) === article) return null; // changed in place: nothing to tell the two apart
  const before = article as unknown as Fields;
  const after = dated as unknown as Fields;
  const added: Fields = {};
  for (const key of Object.keys(after)) if (!(key in before) || after[key] !== before[key]) added[key] = after[key];
  // Adding the record to the article must give the same keys in the same order.
  const keys = Object.keys(after);
  const rebuilt = Object.keys({ ...before, ...added });
  if (keys.length !== rebuilt.length || keys.some((k, i) => rebuilt[i] !== k)) return null;
  return cacheJson(added);
}

export function restoreDated(article: CleanArticle, record: DatedRecord): DatedArticle {
  return { ...article, ...record } as unknown as DatedArticle;
}
