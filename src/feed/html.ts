// A story as HTML for a feed reader, which shows it away from the site: every link absolute, every
// text escaped, nothing but headings, paragraphs, lists and links.
import { UNKNOWN_OUTLET, type StoryRef, type StoryView } from "../digest/index.ts";
import { absoluteUrl } from "../text/paths.ts";
import { escapeHtml } from "../text/plain-text.ts";
import { selfContainedBidi } from "../text/bidi.ts";
import { joinSentences } from "../text/sentences.ts";

/**
 * Text from an article, escaped, its bidi controls kept within it (src/text/bidi.ts): a reader that shows the
 * content as one line of text (a snippet in its list) has no <bdi> or block to stop them.
 */
function plain(text: string): string {
  return escapeHtml(selfContainedBidi(text));
}

function a(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${plain(text)}</a>`;
}

/** Text from an article, isolated (<bdi>) where it runs inline: its direction never turns what follows. */
function bdi(text: string, attrs = ""): string {
  return `<bdi${attrs}>${plain(text)}</bdi>`;
}

function linked(href: string, text: string, attrs = ""): string {
  return `<a href="${escapeHtml(href)}">${bdi(text, attrs)}</a>`;
}

function refLinks(refs: readonly StoryRef[], baseUrl: string): string {
  return refs.map((r) => linked(absoluteUrl(r.path, baseUrl), r.headline)).join(", ");
}

/** The primary subtag of a language tag: "en-GB" → "en". */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split("-")[0]!;
}

/** ` lang="de" dir="rtl"` for a story's own words, when their language is not the feed's (`own`, a primary subtag). */
function langAttrs(story: Pick<StoryView, "language">, own: string): string {
  const { lang, dir } = story.language;
  return `${lang && lang !== own ? ` lang="${lang}"` : ""}${dir ? ` dir="${dir}"` : ""}`;
}

/**
 * "full": headline, summary, every source, follow-up links (a day item's leading stories);
 * "brief": headline and outlets (the rest of a day); "page": a story item, without its own headline.
 */
export function storyHtml(story: StoryView, baseUrl: string, form: "full" | "brief" | "page", own: string): string {
  const permalink = absoluteUrl(story.path, baseUrl);
  const attrs = langAttrs(story, own);
  const parts: string[] = [];
  if (form !== "page") parts.push(`<h2${attrs}>${a(permalink, story.headline)}</h2>`);
  if (form === "brief") {
    parts.push(`<p>${story.outlets.map((o) => bdi(o)).join(", ")}</p>`);
    return parts.join("");
  }
  if (story.summary.length) parts.push(`<p${attrs}>${joinSentences(story.summary, plain)}</p>`);
  const items = story.listed.map((s) => {
    const headline = langAttrs(s, own);
    return `<li>${bdi(s.label)}: ${s.url ? linked(s.url, s.headline, headline) : bdi(s.headline, headline)}</li>`;
  });
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
