// The feeds' items from the build cache: writing them through feed@6 and xml-js was most of what the
// feeds cost each build, and a build changes only the items of the days and stories that changed.
// Keyed by the entry's key (./entry-keys.ts, or the entry as JSON), the format and the code that makes
// and writes it (the feed stage's entries and formats, the feed package's version and the version of
// the xml-js under it).
import { createRequire } from "node:module";
import type { ItemMemo } from "./formats.ts";
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { textsKey, type DiskCache, type Namespace, type Pack } from "../cache/pack.ts";

const feedItemsNamespace: Namespace<string> = {
  name: "feed-items",
  accepts: (v): v is string => typeof v === "string",
};

/** The xml-js feed@6 writes with: not a package Digest imports, so no code hash sees its version. */
function xmlWriterVersion(): string {
  try {
    const feed = createRequire(import.meta.url).resolve("feed");
    return (createRequire(feed)("xml-js/package.json") as { version?: string }).version ?? "?";
  } catch {
    return "unknown";
  }
}

export interface CachedFeedItems {
  /** For FeedOptions.items; undefined without a cache. */
  memo: ItemMemo | undefined;
  /** The cache's pack (commit it once the feeds are written), or null without a cache. */
  pack: Pack<string> | null;
}

export async function cachedFeedItems(cache: DiskCache | null): Promise<CachedFeedItems> {
  if (!cache) return { memo: undefined, pack: null };
  const pack = await cache.open(feedItemsNamespace, "all");
  // The entries' code too: an entry's key stands for what it is made from (./entry-keys.ts).
  const code = `${codeHash([moduleUrl("./formats", import.meta.url), moduleUrl("./entries", import.meta.url)])} xml-js@${xmlWriterVersion()}`;
  // One hash per entry for its three formats.
  const hashed = new Map<string, string>();
  const memo: ItemMemo = (format, entryKey, render) => {
    let entryHash = hashed.get(entryKey);
    if (entryHash === undefined) hashed.set(entryKey, (entryHash = textsKey([entryKey])));
    const key = textsKey(["feed-item", code, format, entryHash]);
    const hit = pack.get(key);
    if (hit !== undefined) return hit;
    const text = render();
    pack.put(key, text);
    return text;
  };
  return { memo, pack };
}
