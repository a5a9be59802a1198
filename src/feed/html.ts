// A story as HTML for a feed reader, which shows it away from the site: every link absolute, every
// text escaped, nothing but headings, paragraphs, lists and links.
import { UNKNOWN_OUTLET, type StoryRef, type StoryView } from "../digest/index.ts";
import { absoluteUrl } from "../text/paths.ts";
import { escapeHtml } from "../text/plain-text.ts";

function a(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function refLinks(refs: readonly StoryRef[], baseUrl: string): string {
  return refs.map((r) => a(absoluteUrl(r.path, baseUrl), r.headline)).join(", ");
}

/**
 * "full": headline, summary, every source, follow-up links (a day item's leading stories);
 * "brief": headline and outlets (the rest of a day); "page": a story item, without its own headline.
 */
export function storyHtml(story: StoryView, baseUrl: string, form: "full" | "brief" | "page"): string {
  const permalink = absoluteUrl(story.path, baseUrl);
  const parts: string[] = [];
  if (form !== "page") parts.push(`<h2>${a(permalink, story.headline)}</h2>`);
  if (form === "brief") {
    parts.push(`<p>${escapeHtml(story.outlets.join(", "))}</p>`);
    return parts.join("");
  }
  if (story.summary.length) parts.push(`<p>${escapeHtml(story.summary.join(" "))}</p>`);
  const items = story.listed.map((s) => `<li>${escapeHtml(s.label)}: ${s.url ? a(s.url, s.headline) : escapeHtml(s.headline)}</li>`);
  parts.push(`<p>Sources (${reach(story)}):</p><ul>${items.join("")}</ul>`);
  if (story.followUpOf) parts.push(`<p>Follow-up to ${refLinks([story.followUpOf], baseUrl)}</p>`);
  if (story.followUps.length) parts.push(`<p>Followed up by ${refLinks(story.followUps, baseUrl)}</p>`);
  return parts.join("");
}

/** "3 outlets"; "3 sources" when one of them names no outlet (it may be one of the others), as the site says. */
function reach(story: StoryView): string {
  if (story.outlets.includes(UNKNOWN_OUTLET)) return `${story.sources.length} ${story.sources.length === 1 ? "source" : "sources"}`;
  return `${story.breadth} ${story.breadth === 1 ? "outlet" : "outlets"}`;
}
