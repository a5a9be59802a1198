// What earlier runs did, so a run asks only for what is new: each feed's validators (ETag, Last-Modified)
// and item list, and each page that was saved or given up on. It lives in the cache folder, never in the
// input folder (the build would read it as an input). Losing it costs one unconditional read of each feed;
// saved pages are still recognised by their file.
import { readFile } from "node:fs/promises";
import { writeWhole } from "../output/index.ts";
import { dirname } from "node:path";
import { makeFolders } from "../text/folders.ts";

export interface FeedRecord {
  etag?: string;
  lastModified?: string;
  /** The item URLs the feed listed when last read. */
  items: string[];
}

export interface PageRecord {
  status: "saved" | "failed";
  /** Where it was saved, relative to the input folder. */
  file?: string;
  /** Why it was given up on (a 404, not an HTML page, no article text). */
  reason?: string;
  /** The feed's `updated` stamp of the item when the page was last fetched: a later one fetches it again. */
  updated?: string;
}

export interface FetchState {
  version: 1;
  feeds: Record<string, FeedRecord>;
  pages: Record<string, PageRecord>;
}

function emptyState(): FetchState {
  return { version: 1, feeds: {}, pages: {} };
}

/** The state, or an empty one with a warning when the file is unreadable or not ours. */
export async function loadState(file: string): Promise<{ state: FetchState; warning?: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: emptyState() };
    return { state: emptyState(), warning: `state file ${file} cannot be read (${(error as Error).message}); starting afresh` };
  }
  try {
    const data = JSON.parse(text) as Partial<FetchState>;
    if (data.version !== 1 || !isRecord(data.feeds) || !isRecord(data.pages)) throw new Error("not a fetch state");
    return { state: { version: 1, feeds: data.feeds, pages: data.pages } };
  } catch (error) {
    return { state: emptyState(), warning: `state file ${file} is damaged (${(error as Error).message}); starting afresh` };
  }
}

function isRecord(v: unknown): v is Record<string, never> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** Keeps the subscribed feeds and the pages they still list, in a stable order; written atomically. */
export async function saveState(file: string, state: FetchState, subscribed: readonly string[]): Promise<void> {
  const feeds: Record<string, FeedRecord> = {};
  const listed = new Set<string>();
  for (const url of [...subscribed].sort()) {
    const record = state.feeds[url];
    if (!record) continue;
    feeds[url] = record;
    for (const item of record.items) listed.add(item);
  }
  const pages: Record<string, PageRecord> = {};
  for (const url of Object.keys(state.pages).sort()) if (listed.has(url)) pages[url] = state.pages[url]!;
  await makeFolders(dirname(file));
  await writeWhole(file, `${JSON.stringify({ version: 1, feeds, pages }, null, 1)}\n`, { temp: `${file}.${process.pid}.tmp` });
}
