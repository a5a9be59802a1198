// Stage 0: subscriptions in. Reads each feed (conditionally), then each new item's page, and saves the
// pages into the input folder for the build. One bad feed or page is one message; the run goes on.
import { access } from "node:fs/promises";
import { constants } from "node:fs";
import { dirname, join } from "node:path";
import type { FetchSettings } from "../config.ts";
import type { CleanRule } from "../clean/index.ts";
import { DEFAULT_MAX_BYTES } from "../ingest/index.ts";
import { RefusedAddress, type PrivatePolicy } from "./address.ts";
import { decodeBody } from "./decode.ts";
import { laterThan } from "./dates.ts";
import { readFeed, type FeedItem } from "./feed.ts";
import { FetchFailure } from "./failure.ts";
import { HttpClient, type HttpResponse } from "./http.ts";
import { pageFile, pageFromFeedText, rejectionOf, withMeta, writePage, type PageMeta } from "./save.ts";
import { loadState, saveState, type FetchState } from "./state.ts";
import { acquireLock, exists } from "../output/index.ts";
import { makeFolders } from "../text/folders.ts";
import { sourceUrl } from "../text/paths.ts";

export { subscriptions } from "./subscriptions.ts";

/** A page's address without the tracking parameters a feed adds to its links (`?utm_source=rss`). */
function pageKey(url: string): string {
  return sourceUrl(url) ?? url;
}

export interface FetchOptions {
  /** Feed URLs (see `subscriptions`). */
  feeds: readonly string[];
  inputDir: string;
  /** The state file (`.digest-cache/fetch-state.json` by default in the CLI). */
  stateFile: string;
  settings: FetchSettings & { userAgent: string };
  /** Allow loopback, private and link-local addresses (tests, intranets); a function allows those it accepts. */
  allowPrivate: PrivatePolicy;
  /** The response size cap; the build's input cap by default. */
  maxBytes?: number;
  /** The cleaning rules the build will use, to judge whether a page holds an article. */
  rules?: readonly CleanRule[];
  /** One line per failed feed or page, naming its URL. */
  onMessage?: (line: string) => void;
  onProgress?: (progress: FetchSummary) => void;
}

export interface FetchSummary {
  feeds: { total: number; read: number; notModified: number; failed: number };
  /**
   * `updated`: pages saved before and saved again because their feed says the item changed since;
   * `fromFeedText`: how many of the saved and updated pages were written from a feed's full text.
   */
  pages: { queued: number; saved: number; updated: number; fromFeedText: number; skipped: number; failed: number };
}

export class InputFolderError extends Error {}

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

type ItemOutcome = "saved" | "updated" | "skipped" | "failed" | "retry";

export async function fetchSubscriptions(options: FetchOptions): Promise<FetchSummary> {
  try {
    await makeFolders(options.inputDir);
    await access(options.inputDir, constants.W_OK);
  } catch (error) {
    throw new InputFolderError(`input folder ${options.inputDir} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Two runs over one state file (a cron job that overlaps the last one) would each save what they
  // read at their start and lose the other's pages: the second gives way at once (LockBusy).
  try {
    await makeFolders(dirname(options.stateFile));
  } catch (error) {
    throw new InputFolderError(`cache folder ${dirname(options.stateFile)} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): it keeps what the feeds last answered`);
  }
  const lock = await acquireLock(options.stateFile, { waitMs: 0, holder: { name: "fetch", busy: "in use by another digest fetch" } });
  try {
    return await fetchLocked(options);
  } finally {
    await lock.release();
  }
}

async function fetchLocked(options: FetchOptions): Promise<FetchSummary> {
  const say = options.onMessage ?? (() => {});
  const loaded = await loadState(options.stateFile);
  if (loaded.warning) say(loaded.warning);
  const state = loaded.state;
  const summary: FetchSummary = { feeds: { total: options.feeds.length, read: 0, notModified: 0, failed: 0 }, pages: { queued: 0, saved: 0, updated: 0, fromFeedText: 0, skipped: 0, failed: 0 } };
  const progress = () => options.onProgress?.(summary);
  const client = new HttpClient({ ...options.settings, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, allowPrivate: options.allowPrivate });
  const claimed = new Set<string>();
  // One page under addresses that differ only by tracking parameters (each feed of a site tags its links
  // with its own utm_campaign) is one page: saved once, under the address it was first saved by. The
  // state keeps each address as a feed gave it; this finds the one saved before by the page's own.
  const savedAs = new Map<string, string>();
  for (const url of Object.keys(state.pages)) if (!savedAs.has(pageKey(url))) savedAs.set(pageKey(url), url);

  const count = (outcome: ItemOutcome) => {
    if (outcome === "saved") summary.pages.saved++;
    else if (outcome === "updated") summary.pages.updated++;
    else if (outcome === "skipped") summary.pages.skipped++;
    else summary.pages.failed++;
    progress();
  };

  const saveItem = async (item: FeedItem, outlet: string | null): Promise<ItemOutcome> => {
    const key = item.linked ? pageKey(item.url) : item.url;
    if (claimed.has(key)) return "skipped";
    const alias = state.pages[item.url] === undefined && item.linked ? savedAs.get(key) : undefined;
    if (alias !== undefined) state.pages[item.url] = { ...state.pages[alias]! };
    const record = state.pages[item.url];
    const file = record?.status === "saved" && record.file ? record.file : pageFile(item.url, item.linked);
    const stamp = item.updated ? { updated: item.updated } : {};
    // A page is asked for again only when its feed says the item changed since it was last asked for (a
    // correction, a developing story). Without a stamp then or now, never: a page is not fetched twice.
    if (record && !(item.updated && record.updated && laterThan(item.updated, record.updated))) {
      if (item.updated && !record.updated) record.updated = item.updated;
      return "skipped";
    }
    claimed.add(key);
    const earlier = record?.status === "saved" ? record : undefined;
    if (!record && (await exists(join(options.inputDir, file)))) {
      state.pages[item.url] = { status: "saved", file, ...stamp };
      return "skipped";
    }
    const saved = (): ItemOutcome => {
      state.pages[item.url] = { status: "saved", file, ...stamp };
      return earlier ? "updated" : "saved";
    };
    const meta: PageMeta = { url: item.linked ? item.url : null, outlet, date: item.date, changed: item.updated };
    let why: string;
    let permanent: boolean;
    /** Saves the feed's own text as the item's page: null once saved, else why the build would not read it. */
    const saveFeedText = async (): Promise<string | null> => {
      const html = pageFromFeedText(item.title, item.content!, meta);
      const rejected = rejectionOf(html, options.rules);
      if (rejected) return rejected;
      await writePage(options.inputDir, file, html);
      summary.pages.fromFeedText++;
      return null;
    };
    if (!item.linked) {
      // Nothing to ask for: the feed's text is the article.
      let rejected: string | null;
      try {
        rejected = await saveFeedText();
      } catch (error) {
        say(`feed item ${item.title ? `"${item.title}"` : "without a title"} (no link): cannot be saved (${(error as Error).message})`);
        return "retry";
      }
      if (!rejected) return saved();
      why = `the build would not read its text as an article (${rejected})`;
      say(`feed item ${item.title ? `"${item.title}"` : "without a title"} (no link): ${why}`);
      state.pages[item.url] = { status: "failed", reason: why, ...stamp };
      return "failed";
    }
    try {
      const response = await client.get(item.url, { accept: PAGE_ACCEPT });
      const html = withMeta(htmlOf(response), { ...meta, url: response.url });
      const rejected = rejectionOf(html, options.rules);
      if (!rejected) {
        await writePage(options.inputDir, file, html);
        return saved();
      }
      why = `the build would not read it as an article (${rejected})`;
      permanent = true;
    } catch (error) {
      if (!(error instanceof FetchFailure || error instanceof RefusedAddress)) {
        why = `cannot be saved (${(error as Error).message})`;
        permanent = false;
      } else {
        why = error.message;
        permanent = error instanceof FetchFailure && error.permanent;
      }
    }
    if (item.content) {
      try {
        const rejected = await saveFeedText();
        if (!rejected) {
          say(`page ${item.url}: ${why}; saved the feed's full text instead`);
          return saved();
        }
        why += `; the feed's text is no article either (${rejected})`;
      } catch (error) {
        why = `cannot be saved (${(error as Error).message})`;
      }
    }
    if (earlier) {
      // The copy saved before stays: a page gone or turned into something else loses the build nothing.
      say(`page ${item.url}: updated by its feed, but ${why}; kept the copy saved before`);
      if (permanent) state.pages[item.url] = { ...earlier, ...stamp };
      return permanent ? "skipped" : "retry";
    }
    say(`page ${item.url}: ${why}`);
    if (permanent) state.pages[item.url] = { status: "failed", reason: why, ...stamp };
    return permanent ? "failed" : "retry";
  };

  const readOne = async (url: string): Promise<void> => {
    const before = state.feeds[url];
    const headers: Record<string, string> = {};
    if (before?.etag) headers["if-none-match"] = before.etag;
    if (before?.lastModified) headers["if-modified-since"] = before.lastModified;
    let response: HttpResponse;
    try {
      response = await client.get(url, { accept: FEED_ACCEPT, headers });
    } catch (error) {
      if (!(error instanceof FetchFailure || error instanceof RefusedAddress)) throw error;
      summary.feeds.failed++;
      say(`feed ${url}: ${error.message}`);
      return progress();
    }
    if (response.status === 304) {
      summary.feeds.notModified++;
      return progress();
    }
    const type = response.headers["content-type"] ?? null;
    const decoded = decodeBody(response.body, type, looksJson(response) ? "json" : "xml");
    const parsed = decoded.ok ? readFeed(decoded.text, response.url) : decoded;
    if (!parsed.ok) {
      summary.feeds.failed++;
      say(`feed ${url}: ${parsed.reason}${type ? ` (the server sent ${type.split(";")[0]})` : ""}`);
      return progress();
    }
    summary.feeds.read++;
    for (const s of parsed.feed.skipped) say(`feed ${url}: ${s}`);
    summary.pages.queued += parsed.feed.items.length;
    progress();
    const outcomes = await Promise.all(
      parsed.feed.items.map(async (item) => {
        const outcome = await saveItem(item, parsed.feed.title);
        count(outcome);
        return outcome;
      }),
    );
    // Validators are kept only when every item is settled, so a page that failed for now is tried again.
    const settled = outcomes.every((o) => o !== "retry");
    const etag = response.headers.etag;
    const lastModified = response.headers["last-modified"];
    state.feeds[url] = { items: parsed.feed.items.map((i) => i.url), ...(settled && etag ? { etag } : {}), ...(settled && lastModified ? { lastModified } : {}) };
  };

  try {
    await Promise.all(options.feeds.map(readOne));
  } finally {
    client.close();
  }
  try {
    await saveState(options.stateFile, state, options.feeds);
  } catch (error) {
    say(`state file ${options.stateFile} cannot be written (${(error as Error).message}); the next run will ask for every feed again`);
  }
  return summary;
}

function looksJson(response: HttpResponse): boolean {
  if (/json/i.test(response.headers["content-type"] ?? "")) return true;
  const start = response.body.subarray(0, 64).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return start.startsWith("{");
}

/** The page's text, when it is an HTML page. */
function htmlOf(response: HttpResponse): string {
  const header = response.headers["content-type"] ?? null;
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== "text/html" && type !== "application/xhtml+xml") throw new FetchFailure(`not an HTML page (${type})`, true);
  const decoded = decodeBody(response.body, header, "html");
  if (!decoded.ok) throw new FetchFailure(decoded.reason, true);
  if (!type && !/<(html|head|body|article|p)[\s>]/i.test(decoded.text.slice(0, 65536))) throw new FetchFailure("not an HTML page (no Content-Type, and no HTML in it)", true);
  return decoded.text;
}
