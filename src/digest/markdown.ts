// The reviewable rendering of the view model: one Markdown file per day, in digests/. Article text is
// escaped, so it reads as text in any Markdown renderer, and its bidi controls are kept within it (no <bdi>
// here: an outlet's open U+202E turned its headline after it). Nothing reads these files back.
import type { DayView, StoryRef, StoryView } from "./model.ts";
import { escapeMarkdown as escapeSyntax, safeUrl } from "./markdown-escape.ts";
import { selfContainedBidi } from "../text/bidi.ts";
import { joinSentences } from "../text/sentences.ts";

/** Article text as Markdown text: its syntax escaped, its bidi controls closed and isolated within it. */
function escapeMarkdown(text: string): string {
  return escapeSyntax(selfContainedBidi(text));
}

/** The heading a day's held-back stories stand under (after its published ones), and what it says of them. */
export const HELD_BACK_HEADING = "## Held back: these pages may not be articles";
const HELD_BACK_NOTE = "Every page of each story below reads much like page furniture (a notice, a form, a list of teasers), so it is in no feed and not among the day's stories.";

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

// Each file is one string built by appending (V8 joins the pieces once, when the file is written):
// a list of lines joined at the end cost twice as much at 4,000 stories.
function storyMarkdown(story: StoryView, heading = "##"): string {
  let md = `${heading} ${escapeMarkdown(story.headline)} {#${story.id}}\n\n`;
  if (story.heldBack) md += `Held back: ${escapeMarkdown(story.heldBack)}.\n\n`;
  if (story.summary.length) md += `${joinSentences(story.summary, escapeMarkdown)}\n\n`;
  md += "Sources:\n\n";
  for (const source of story.listed) md += `${sourceLine(source)}\n`;
  md += "\n";
  if (story.followUpOf) md += `Follow-up to ${link(story.followUpOf)}\n\n`;
  if (story.followUps.length) md += `Followed up by ${story.followUps.map(link).join(", ")}\n\n`;
  return `${md}Permalink: [${story.path}](${story.path})\n`;
}

export function dayMarkdown(day: DayView): DigestFile {
  let md = `---\ndate: ${day.date}\ntitle: ${JSON.stringify(day.title)}\nstories:\n`;
  for (const story of day.stories) md += `  - ${story.id}\n`;
  md += "---\n";
  for (const story of day.stories) md += `\n${storyMarkdown(story)}`;
  if (day.heldBack.length) {
    md += `\n${HELD_BACK_HEADING}\n\n${HELD_BACK_NOTE}\n`;
    for (const story of day.heldBack) md += `\n${storyMarkdown(story, "###")}`;
  }
  return { date: day.date, fileName: `${day.date}.md`, markdown: md };
}
