// Stage 8b: the feeds, renderings of the view model. The daily digest feed (one item per day) at the
// site root: feed.xml (RSS 2.0), atom.xml (Atom 1.0), feed.json (JSON Feed 1.1); and the story feed
// (one item per story, its permalink as id): stories.xml, stories-atom.xml, stories.json. The `feed` package writes them;
// ./fixes.ts corrects what it gets wrong.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DigestConfig } from "../config.ts";
import type { DigestModel } from "../digest/index.ts";
import { absoluteUrl } from "../text/paths.ts";
import { dailySources, storySources } from "./entries.ts";
import { buildFeedsFrom, type FeedChannel, type Feeds, type ItemMemo } from "./formats.ts";

export type { ItemMemo } from "./formats.ts";
export { cachedFeedItems, type CachedFeedItems } from "./item-cache.ts";

export const FEED_FILES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;
export const STORY_FEED_FILES = { rss: "stories.xml", atom: "stories-atom.xml", json: "stories.json" } as const;
/** The story feed's length, beyond the stories of the latest `feedDays` days: readers need the recent changes, not the archive. */
export const STORY_FEED_MAX = 200;

export interface FeedOptions {
  outputDir: string;
  config: DigestConfig;
  model: DigestModel;
  /** Items an earlier build wrote, by entry and format (./item-cache.ts); without it, every feed is written whole. */
  items?: ItemMemo;
}

function channel(config: DigestConfig, files: typeof FEED_FILES | typeof STORY_FEED_FILES, title: string, description: string): FeedChannel {
  return {
    title,
    description,
    homeUrl: config.baseUrl,
    links: { rss: absoluteUrl(files.rss, config.baseUrl), atom: absoluteUrl(files.atom, config.baseUrl), json: absoluteUrl(files.json, config.baseUrl) },
    language: config.language,
    author: config.author,
    authorUrl: config.baseUrl,
    favicon: absoluteUrl("favicon.svg", config.baseUrl),
  };
}

/** Both feeds in every format, as text; with `memo`, an entry whose item it remembers by its key is not made. */
export function renderFeeds(model: DigestModel, config: DigestConfig, memo?: ItemMemo): { daily: Feeds; stories: Feeds } {
  const daily = dailySources(model, config.baseUrl, config.feedDays, config.language);
  const stories = storySources(model, config.baseUrl, config.feedDays, STORY_FEED_MAX, config.language);
  return {
    daily: buildFeedsFrom(daily, channel(config, FEED_FILES, config.title, config.description), memo),
    stories: buildFeedsFrom(stories, channel(config, STORY_FEED_FILES, `${config.title}: stories`, `The latest stories as they are published and as outlets join them. ${config.description}`), memo),
  };
}

export async function writeFeeds(options: FeedOptions): Promise<void> {
  const feeds = renderFeeds(options.model, options.config, options.items);
  // Written at once: through fs/promises a few megabytes of feeds cost about twice the CPU (a chunk at a time on the thread pool).
  mkdirSync(options.outputDir, { recursive: true });
  for (const [files, texts] of [[FEED_FILES, feeds.daily], [STORY_FEED_FILES, feeds.stories]] as const) {
    for (const format of ["rss", "atom", "json"] as const) writeFileSync(join(options.outputDir, files[format]), texts[format]);
  }
}
