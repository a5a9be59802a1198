// The reviewable rendering of the view model: one Markdown file per day, in digests/. Article text is
// escaped, so it reads as text in any Markdown renderer. Nothing reads these files back.
import type { DayView, StoryRef, StoryView } from "./model.ts";
import { escapeMarkdown, safeUrl } from "./markdown-escape.ts";

export interface DigestFile {
  date: string;
  fileName: string;
  markdown: string;
}

function link(ref: StoryRef): string {
  return `[${escapeMarkdown(ref.headline)}](${ref.path})`;
}

function sourceLine(source: StoryView["sources"][number]): string {
  const url = safeUrl(source.url);
  const headline = escapeMarkdown(source.headline);
  return `- ${escapeMarkdown(source.label)}: ${url ? `[${headline}](${url})` : headline}`;
}

function storyMarkdown(story: StoryView): string[] {
  const lines = [`## ${escapeMarkdown(story.headline)} {#${story.id}}`, ""];
  if (story.summary.length) lines.push(story.summary.map(escapeMarkdown).join(" "), "");
  lines.push("Sources:", "", ...story.listed.map(sourceLine), "");
  if (story.followUpOf) lines.push(`Follow-up to ${link(story.followUpOf)}`, "");
  if (story.followUps.length) lines.push(`Followed up by ${story.followUps.map(link).join(", ")}`, "");
  lines.push(`Permalink: [${story.path}](${story.path})`, "");
  return lines;
}

export function dayMarkdown(day: DayView): DigestFile {
  const lines = ["---", `date: ${day.date}`, `title: ${JSON.stringify(day.title)}`, "stories:", ...day.stories.map((s) => `  - ${s.id}`), "---", ""];
  for (const story of day.stories) lines.push(...storyMarkdown(story));
  return { date: day.date, fileName: `${day.date}.md`, markdown: lines.join("\n") };
}
