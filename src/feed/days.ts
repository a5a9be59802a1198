// One feed entry per day's digest: the digest Markdown rendered with the site's own renderer, every
// link made absolute, and every date taken from the digest's day (never the build clock).
import { splitFrontMatter } from "../clean/front-matter.ts";
import { DateTime } from "luxon";
import type { DigestConfig } from "../config.ts";
import type { DigestFile } from "../digest/index.ts";
import { dayPath, dayTitle } from "../digest/index.ts";
import { createMarkdown } from "../site/markdown.ts";
import { ABSOLUTE_BASE } from "../site/links.ts";
import { DIGEST_DATE } from "../site/story-sections.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { absolutizeHtml } from "./absolute.ts";

export interface FeedDay {
  date: string;
  /** The day page's absolute URL; also the entry's id in every format, so it never changes on a rebuild. */
  url: string;
  title: string;
  /** Start of the day in the configured zone. */
  published: Date;
  storyTitles: string[];
  contentHtml: string;
}

/** The newest `config.feedDays` digests, newest first. */
export function feedDays(digests: readonly DigestFile[], config: DigestConfig): FeedDay[] {
  const md = createMarkdown();
  return [...digests]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, config.feedDays)
    .map((file) => {
      const front = splitFrontMatter(file.markdown);
      const data = front.kind === "data" ? front.data : {};
      const content = front.kind === "refused" ? "" : front.content;
      const url = new URL(dayPath(file.date).slice(1), config.baseUrl).href;
      const env = { site: config, [ABSOLUTE_BASE]: config.baseUrl, [DIGEST_DATE]: file.date };
      const tokens = md.parse(content, env);
      const storyTitles = tokens
        .filter((t, i) => t.type === "inline" && tokens[i - 1]?.type === "heading_open" && tokens[i - 1]?.tag === "h2")
        .map((t) => (t.children ?? []).map((c) => c.content).join("").trim());
      return {
        date: file.date,
        url,
        title: stripControlChars(typeof data.title === "string" ? data.title : `Digest for ${dayTitle(file.date)}`),
        published: DateTime.fromISO(file.date, { zone: config.timezone }).startOf("day").toJSDate(),
        storyTitles,
        contentHtml: absolutizeHtml(md.renderer.render(tokens, md.options, env), url),
      };
    });
}
