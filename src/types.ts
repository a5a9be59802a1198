// Data that flows between the pipeline stages. Each stage takes one of these and returns the next.

export type Stage = "ingest" | "clean" | "date" | "cluster" | "summarise" | "digest" | "feed" | "site";

/** A message about one input file, in the manner of vfile: where it was raised and what it says. */
export interface Message {
  file: string;
  stage: Stage;
  level: "warning" | "error";
  text: string;
  /** The named rule or check that raised it ("front-matter", "decode", a cleaning rule's name). */
  rule: string;
  /** 1-based line of the input it concerns, where one applies. */
  line?: number;
}

export type InputFormat = "text" | "html" | "markdown";

/** A readable input file, decoded to text. `path` is relative to the input folder, with `/`. */
export interface SourceFile {
  path: string;
  format: InputFormat;
  text: string;
  /** The charset the bytes were read in: "utf-8", "windows-1252", or the charset an HTML page declares ("windows-1251", "shift_jis", …). */
  encoding: string;
  mtime: Date;
  /** The page's address when the caller knows it (a `clean --jsonl` line's "url"); evidence, not identity. */
  url?: string | null;
  /**
   * A hash of what the input is (format, encoding, URL, text: src/ingest `contentKey`), when ingest
   * already knows it. A file unchanged since an earlier build is then not read again: its `text` is
   * left empty, and read when something needs it (src/ingest `readSource`).
   */
  contentKey?: string;
}

export interface Rejection {
  path: string;
  reason: string;
  /** The stage and rule that refused it, when the rejection is not also sent as a Message. */
  stage?: Stage;
  rule?: string;
}

export interface IngestResult {
  files: SourceFile[];
  rejected: Rejection[];
  messages: Message[];
}

/** Front matter or page metadata that came with the article, before any guessing. */
export interface ArticleMeta {
  title: string | null;
  date: string | null;
  /** Where `date` came from: "front-matter", "metadata-line", "html-meta", "json-ld". */
  dateOrigin: string | null;
  /** The outlet as the input itself names it: front matter `source`, a page's site name, a scrape's copyright or wire credit. */
  source: string | null;
  /** An HTML page's og:site_name / application-name, as written (not always a real name: "Hosted"). */
  siteName: string | null;
  /** An HTML page's JSON-LD publisher name. */
  publisher: string | null;
  /** The outlet named by whoever saved the page (`digest fetch` writes the feed's title as `<meta name="digest:outlet">`). */
  outletHint: string | null;
  /** The part of an HTML page's `<title>` (or a text dump's title line) beside the headline: often the site's name ("… - Frankfurter Rundschau"), sometimes a section or a tagline. */
  titleSite?: string | null;
  url: string | null;
  author: string | null;
  /** When the feed said the item last changed, ISO 8601 (`digest fetch` writes its `updated` as `<meta name="digest:changed">`). */
  changed?: string | null;
  /** The item's date as its feed stated it, ISO 8601 (`digest fetch` writes it as `<meta name="digest:date">`): a time it states holds the story's feed date as the page's own does. */
  feedDate?: string | null;
}

export interface CleanArticle {
  path: string;
  format: InputFormat;
  /** The decoded input as read (the same string the SourceFile holds): evidence for dating. */
  raw: string;
  title: string;
  /** Set when the input had no headline and `title` is the opening words of the text instead. */
  titleFromText?: true;
  /**
   * Empty when `stored` says where they are (an article from the build cache, or one this build put
   * there once cleaned and dated): read them through src/text/article-text.ts `paragraphsOf`.
   */
  paragraphs: string[];
  meta: ArticleMeta;
  /**
   * Text the cleaner removed around the article; kept only as evidence for dating. Empty when `stored`
   * says where it is (src/cache/articles.ts `withStoredProse` reads it).
   */
  context: string;
  mtime: Date;
  messages: Message[];
  /**
   * Why the article gate doubts the page is an article (src/clean/rules/article-gate.ts: it kept the body, but it reads
   * much like page furniture), when it does. A story whose articles are all doubted is held back from the feeds and the
   * front page (src/digest/model.ts).
   */
  doubt?: string;
  /** A hash of the headline and paragraphs and their word count, when the cache kept them (src/text/article-text.ts). */
  text?: TextFacts;
  /** Where the paragraphs and context are, when the article came from the cache without them. */
  stored?: StoredProse;
}

export interface TextFacts {
  hash: string;
  words: number;
}

/** What the build cache keeps of an article's text apart from its record, read only where needed. */
export interface ArticleProse {
  paragraphs: string[];
  context: string;
}

/** An article's prose left in the build cache: `source.read(at)` reads it (src/cache/articles.ts). */
export interface StoredProse {
  source: { read(at: number): ArticleProse };
  at: number;
}

export type DateSource =
  | "front-matter"
  | "metadata-line"
  | "html-meta"
  | "json-ld"
  /** A <time datetime> or itemprop date in the page's markup. */
  | "time-element"
  /** `<meta name="digest:date">`: the day the feed gave when `digest fetch` saved the page. */
  | "feed"
  /** A date in the page's address (/2019/11/19/). */
  | "url"
  /** A date written in the page's text near its headline or byline. */
  | "visible-date"
  | "dateline"
  | "relative-to-story"
  | "relative-to-page"
  | "story"
  /** The day a copy of the same article states on stronger evidence (src/pipeline/copies.ts). */
  | "copy"
  | "file-mtime";

/** What the date stage could find in one article on its own. */
export interface DateEvidence {
  /** A calendar day, YYYY-MM-DD, when the article itself states one. */
  date: string | null;
  dateSource: DateSource | null;
  /** 1 (Monday) … 7 (Sunday) when the lead says "on Thursday" and the like. */
  weekday: number | null;
  /** A day the surrounding page points at (its other items, its clock), for resolving `weekday`. */
  pageAnchor: string | null;
  /** `weekday` resolved against `pageAnchor`, when both are known. */
  pageDate: string | null;
  /** The file's modification day in the configured zone; null when that day is outside 1900–2100. */
  mtimeDate: string | null;
  /** A day the text only suggests (a visible date the models doubt), used when nothing better resolves the article. */
  weakDate?: string | null;
  /** Warnings the date stage raised for this article (dates it could not use). */
  messages?: Message[];
  /** The 1-based input line its day is written on, found only for a day after its file's time (src/date/future.ts warns of those). */
  dateLine?: number;
}

export interface DatedArticle extends CleanArticle {
  evidence: DateEvidence;
  /**
   * What clustering reads of the article's words (src/cluster `articleTerms`), worked out with the rest
   * of the per-article step (on the worker threads, and cached), so that a build does not read every
   * article's text again. Absent, clustering reads it itself.
   */
  terms?: ArticleTerms;
  /**
   * A key of `terms` (src/cluster `termsKey`: 128 bits of SHA-256 of the record's bytes), made with them so
   * that clustering does not hash every article's record in every build. Taken only with the `terms` it
   * came with; absent, clustering makes it.
   */
  termsKey?: string;
  /**
   * The min-hash sketch of the words of `terms` that the copy step finds copies of one article by
   * (src/pipeline/copies.ts), made with them (null: too few words to compare). Taken only with the `terms` it
   * came with; absent, the copy step makes it from them.
   */
  copySketch?: string | null;
}

/**
 * An article's terms as clustering reads them (src/cluster/term-record.ts): its distinct terms as hashes
 * and its runs (headline, words, lead, names, numbers, quantities, days, years, lead sentences) as
 * positions among them, base64. Clustering checks it before use and works it out again from the text
 * when it is not sound.
 */
export type ArticleTerms = string;

export interface StoryCluster {
  id: string;
  members: DatedArticle[];
  followUpOf: string | null;
  /** Ids of earlier stories merged into this one (their permalinks can redirect here). */
  formerIds?: string[];
}

export interface ResolvedArticle extends DatedArticle {
  date: string;
  dateSource: DateSource;
}

export interface Story {
  id: string;
  date: string;
  title: string;
  members: ResolvedArticle[];
  summary: string[];
  followUpOf: string | null;
  /** Ids of earlier stories merged into this one (their permalinks can redirect here). */
  formerIds?: string[];
}
