// Stage 8b: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest days. (Placeholder until the feed issue.)
import type { DigestConfig } from "../config.ts";
import type { Story } from "../types.ts";

export interface FeedOptions {
  outputDir: string;
  config: DigestConfig;
  stories: Story[];
}

export async function writeFeeds(_options: FeedOptions): Promise<void> {}
