// What the cache keeps per article, and how a kept record becomes the article again.
//
// Three namespaces. `article`: the cleaned article without its paragraphs and context, with the
// paragraphs' hash and word count (or why the file was rejected), keyed by the input's content, format,
// encoding and URL, the cleaning rules and the code: not by its path, so a renamed file is still a hit.
// `prose`: its paragraphs and context under the same key, found but not read (most builds read few:
// story ids and headlines take the hash and word count; summaries and categories mostly come from the
// cache; the context is evidence for dating only); an article from the cache says where they are
// (`stored`, read by src/text/article-text.ts `paragraphsOf` and `withStoredProse`), and so does one
// this build cleaned once its prose is in the pack (a cold build holds no paragraphs while it
// clusters; summaries read them back). `dated`: what
// dating adds to it, keyed by that key plus the file's time and the zone, because dating falls back on
// the file's time. A record holds no path, raw text or file time: they come from the file on the way
// back, which is why a record is only made when the stage put them where the file has them (path, raw,
// mtime, every message's file).
import type { ArticleProse, CleanArticle, DatedArticle, SourceFile, Stage, StoredProse } from "../types.ts";
import type { CleanOutcome } from "../pipeline/article.ts";
import { cacheJson, cacheKey, isObject, keyAfter, keyHead, type Namespace, type Pack } from "./pack.ts";
import { contentKey } from "../ingest/index.ts";
import { textFacts } from "../text/article-text.ts";

type Fields = Record<string, unknown>;

/**
 * A cleaned article without its file's own fields, its paragraphs and its context (`null` keeps their
 * places), with the paragraphs' hash and word count; or a rejection; as JSON keeps it.
 */
export type CleanRecord = { article: Fields; text: { hash: string; words: number } } | { rejected: string; stage?: string; rule?: string; messages: Fields[] };

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
    const t = v.text;
    if (!isObject(t) || typeof t.hash !== "string" || typeof t.words !== "number") return false;
    return isObject(a) && typeof a.title === "string" && a.paragraphs === null && isObject(a.meta) && a.context === null && isMessages(a.messages);
  },
};

/** An article's paragraphs and context (`ArticleProse` as JSON), found in their pack and read when needed (`storedProse`). */
export const proseNamespace: Namespace<number> = {
  name: "prose",
  unparsed: true,
  // Given the entry's bytes: { … }; the rest is checked when it is read.
  accepts: (v): v is number => Buffer.isBuffer(v) && v.length >= 2 && v[0] === 0x7b && v[v.length - 1] === 0x7d,
};

const isProse = (v: unknown): v is ArticleProse => isObject(v) && isStrings(v.paragraphs) && typeof v.context === "string";

/** Where the prose of an article from `pack` is: reads it, checked, when something needs it. */
export function storedProse(pack: Pack<number>): StoredProse["source"] {
  return {
    read(entry) {
      const value: unknown = JSON.parse(pack.readJson(entry));
      // The checksum held, so a build wrote this: anything else is a cache made by other code.
      if (!isProse(value)) throw new Error(`cache: an article's prose in ${pack.file} is not its paragraphs and context (delete the cache folder)`);
      return value;
    },
  };
}

/** The article with its paragraphs and context, read from the cache when it came without them (for dating again). */
export function withStoredProse<T extends CleanArticle>(article: T): T {
  const stored = article.stored;
  if (!stored) return article;
  const prose = stored.source.read(stored.at);
  if (article.paragraphs.length === 0) for (const p of prose.paragraphs) article.paragraphs.push(p);
  return { ...article, context: prose.context };
}

export const datedNamespace: Namespace<DatedRecord> = {
  name: "dated",
  // `datedRecordJson` writes `terms` last: the article's keys, then what dating added (terms last of all).
  lastString: "terms",
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

/**
 * `articleKey` and `datedKey` for the files of one build, the same keys: the parts every file shares (the
 * code, the rules) framed as `cacheKey` frames them once, not per file; a build keys every input, and
 * joining the rule names and framing every part for each of 10,000 files was most of what keying cost.
 */
export function buildKeys(code: string, ruleNames: readonly string[], zone: string): (file: SourceFile) => { article: string; dated: string } {
  const articleHead = keyHead("article", code, ruleNames.join(","));
  const datedHead = keyHead("dated", code);
  return (file) => {
    const article = keyAfter(articleHead, file.contentKey ?? contentKey(file));
    return { article, dated: keyAfter(datedHead, article, zone, file.mtime.getTime()) };
  };
}

/**
 * The clean outcome as a record's JSON and its prose's JSON (null for a rejection), or null when it
 * cannot come back exactly from them.
 */
export function cleanRecordJson(file: SourceFile, outcome: CleanOutcome): { record: string; prose: string | null } | null {
  const ownMessages = (messages: ReadonlyArray<{ file: string }>) => messages.every((m) => m.file === file.path);
  if ("rejected" in outcome) {
    if (outcome.rejected.path !== file.path || !ownMessages(outcome.messages)) return null;
    const { reason, stage, rule } = outcome.rejected;
    const record = cacheJson({ rejected: reason, stage, rule, messages: outcome.messages.map((m) => ({ ...m, file: "" })) });
    return record === null ? null : { record, prose: null };
  }
  const a = outcome.article;
  if (a.path !== file.path || a.raw !== file.text || a.mtime !== file.mtime || a.format !== file.format || a.text !== undefined || a.stored !== undefined || !ownMessages(a.messages)) return null;
  // The file's own fields keep their places (key order survives) but not their values.
  const record = cacheJson({ article: { ...a, path: "", raw: "", mtime: null, paragraphs: null, context: null, messages: a.messages.map((m) => ({ ...m, file: "" })) }, text: textFacts(a.title, a.paragraphs, outcome.words) });
  const prose = cacheJson({ paragraphs: a.paragraphs, context: a.context });
  return record === null || prose === null ? null : { record, prose };
}

/**
 * The outcome a record stands for; an article with its paragraphs and context (`prose`: them, or where
 * they are in the cache), or null when they are not there.
 */
export function restoreClean(file: SourceFile, record: CleanRecord, prose: ArticleProse | StoredProse | undefined): CleanOutcome | null {
  const withFile = (messages: Fields[]) => messages.map((m) => ({ ...m, file: file.path })) as unknown as CleanArticle["messages"];
  if ("rejected" in record) {
    const rejected = { path: file.path, reason: record.rejected, ...(record.stage ? { stage: record.stage as Stage } : {}), ...(record.rule ? { rule: record.rule } : {}) };
    return { rejected, messages: withFile(record.messages) };
  }
  if (prose === undefined) return null;
  const text = { hash: record.text.hash, words: record.text.words };
  const own = "source" in prose ? { paragraphs: [], context: "", stored: prose } : { paragraphs: prose.paragraphs, context: prose.context };
  const article = { ...record.article, path: file.path, raw: file.text, mtime: file.mtime, ...own, messages: withFile(record.article.messages as Fields[]), text };
  return { article: article as unknown as CleanArticle };
}

/**
 * An article from the cache, cleaned and dated, its prose left in the pack and its evidence (`raw`,
 * `context`) dropped: what `restoreClean`, `restoreDated` and emptying `raw` and `context` give, made
 * as one object instead of three (the same keys in the same order, the same values).
 */
export function restoreSettled(file: SourceFile, record: Extract<CleanRecord, { article: Fields }>, stored: StoredProse, added: DatedRecord): CleanArticle & DatedArticle {
  const text = { hash: record.text.hash, words: record.text.words };
  const messages = (record.article.messages as Fields[]).map((m) => ({ ...m, file: file.path }));
  const article = { ...record.article, path: file.path, raw: "", mtime: file.mtime, paragraphs: [], context: "", stored, messages, text, ...added };
  article.raw = "";
  article.context = "";
  return article as unknown as CleanArticle & DatedArticle;
}

/**
 * `restoreSettled` for the many articles of one build, the same objects (keys, order, values): the first
 * record of a shape is restored by the spread, and a private copy of the result is kept; each later record
 * whose article's and dated record's members are the same names in the same order is a copy of that
 * template (one copy of its layout, no property added) with every member stored in place. At 10,000
 * articles the spread's adding of members one by one was most of the articles stage's restore; the copies
 * keep one layout, so later stages read them as fast (a copy made member by member into an empty object, as
 * stop 79 tried, gave that back in the cluster stage). Every member of a copy is its own plain data member
 * (even one named `__proto__`), so storing into it sets that member and nothing else.
 */
export function settledRestorer(): typeof restoreSettled {
  let template: Fields | null = null;
  let articleKeys: string[] = [];
  let addedKeys: string[] = [];
  return (file, record, stored, added) => {
    const fields = record.article;
    if (template === null || !sameKeys(fields, articleKeys) || !sameKeys(added, addedKeys)) {
      const settled = restoreSettled(file, record, stored, added);
      // A copy: what later stages do to the article given out must not reach the articles made after it.
      template = { ...(settled as unknown as Fields) };
      articleKeys = Object.keys(fields);
      addedKeys = Object.keys(added);
      return settled;
    }
    const article: Fields = { ...template };
    for (const key of articleKeys) article[key] = fields[key];
    article.path = file.path;
    article.mtime = file.mtime;
    article.paragraphs = [];
    article.stored = stored;
    article.messages = (fields.messages as Fields[]).map((m) => ({ ...m, file: file.path }));
    article.text = { hash: record.text.hash, words: record.text.words };
    for (const key of addedKeys) article[key] = added[key];
    article.raw = "";
    article.context = "";
    return article as unknown as CleanArticle & DatedArticle;
  };
}

/** Whether the object's enumerable members are `keys`, in that order. */
function sameKeys(object: Fields, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in object) if (keys[i++] !== key) return false;
  return i === keys.length;
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
