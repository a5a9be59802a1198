// Stage 8b: RSS 2.0 (feed.xml), Atom 1.0 (atom.xml) and JSON Feed 1.1 (feed.json) for the latest days,
// at the site root. The `feed` package writes them; ./fixes.ts corrects what it gets wrong.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DigestConfig } from "../config.ts";
import type { DigestFile } from "../digest/index.ts";
import { feedDays } from "./days.ts";
import { buildFeeds, FEED_FILES } from "./formats.ts";

export interface FeedOptions {
  outputDir: string;
  config: DigestConfig;
  /** The digests the build wrote: the feeds carry exactly these. */
  digests: DigestFile[];
}

export { FEED_FILES } from "./formats.ts";

export async function writeFeeds(options: FeedOptions): Promise<void> {
  const feeds = buildFeeds(feedDays(options.digests, options.config), options.config);
  await writeFile(join(options.outputDir, FEED_FILES.rss), feeds.rss);
  await writeFile(join(options.outputDir, FEED_FILES.atom), feeds.atom);
  await writeFile(join(options.outputDir, FEED_FILES.json), feeds.json);
}
