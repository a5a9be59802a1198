// Stage 6: one Markdown digest per day, written to the digests folder for review and for the site.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Story } from "../types.ts";
import { escapeMarkdown, safeUrl } from "./markdown-escape.ts";
import { storyCredits } from "./credits.ts";

export interface DigestDay {
  date: string;
  stories: Story[];
}

export interface DigestFile {
  date: string;
  fileName: string;
  markdown: string;
}

const DIGEST_NAME = /^\d{4}-\d{2}-\d{2}\.md$/;

/** Days newest first; stories within a day by number of outlets, then title, so order never depends on input order. */
export function groupByDay(stories: Story[]): DigestDay[] {
  const days = new Map<string, Story[]>();
  for (const s of stories) days.set(s.date, [...(days.get(s.date) ?? []), s]);
  return [...days]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([date, list]) => ({ date, stories: list.sort((a, b) => b.members.length - a.members.length || a.title.localeCompare(b.title, "en") || (a.id < b.id ? -1 : 1)) }));
}

export function dayTitle(date: string): string {
  return DateTime.fromISO(date, { zone: "utc" }).setLocale("en-GB").toFormat("cccc d LLLL yyyy");
}

/** The day page of a story, for "Follow-up to" links. */
export function dayPath(date: string): string {
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/`;
}

export function renderDigest(day: DigestDay, byId: Map<string, Story>): DigestFile {
  const lines = [
    "---",
    `date: ${day.date}`,
    `title: ${JSON.stringify(`Digest for ${dayTitle(day.date)}`)}`,
    "stories:",
    ...day.stories.map((s) => `  - ${s.id}`),
    "---",
    "",
  ];
  for (const story of day.stories) {
    lines.push(`## ${escapeMarkdown(story.title)} {#${story.id}}`, "");
    if (story.summary.length) lines.push(story.summary.map(escapeMarkdown).join(" "), "");
    const credits = storyCredits(story).map((c) => {
      const url = safeUrl(c.url);
      return url ? `[${escapeMarkdown(c.name)}](${url})` : escapeMarkdown(c.name);
    });
    lines.push(`Sources: ${credits.join(", ")}`, "");
    const earlier = story.followUpOf ? byId.get(story.followUpOf) : undefined;
    if (earlier) lines.push(`Follow-up to [${escapeMarkdown(earlier.title)}](${dayPath(earlier.date)}#${earlier.id})`, "");
  }
  return { date: day.date, fileName: `${day.date}.md`, markdown: lines.join("\n") };
}

export function renderDigests(stories: Story[]): DigestFile[] {
  const byId = new Map(stories.map((s) => [s.id, s]));
  return groupByDay(stories).map((day) => renderDigest(day, byId));
}

/** Writes the digests; a day file left from an earlier build with no stories now is removed. Unchanged files are not rewritten. */
export async function writeDigests(dir: string, files: DigestFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wanted = new Set(files.map((f) => f.fileName));
  for (const name of await readdir(dir)) if (DIGEST_NAME.test(name) && !wanted.has(name)) await rm(join(dir, name));
  for (const f of files) {
    const path = join(dir, f.fileName);
    const old = await readFile(path, "utf8").catch(() => null);
    if (old !== f.markdown) await writeFile(path, f.markdown);
  }
}
