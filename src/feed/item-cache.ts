// The feeds' items from the build cache: writing them through feed@6 and xml-js was most of what the
// feeds cost each build, and a build changes only the items of the days and stories that changed.
// Keyed by the entry, the format and the code that writes it (the feed stage's formats, the feed
// package's version and the version of the xml-js under it).
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
  const code = `${codeHash([moduleUrl("./formats", import.meta.url)])} xml-js@${xmlWriterVersion()}`;
  const memo: ItemMemo = (format, entry, render) => {
    const key = textsKey(["feed-item", code, format, JSON.stringify(entry)]);
    const hit = pack.get(key);
    if (hit !== undefined) return hit;
    const text = render();
    pack.put(key, text);
    return text;
  };
  return { memo, pack };
}
