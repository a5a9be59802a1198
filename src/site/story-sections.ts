// markdown-it plugin: each story (an "## Headline {#s-…}" and what follows it) becomes an <article>
// whose header carries the digest's date and a permanent link to the story's anchor on its day page.
import type { MarkdownIt } from "markdown-it";
import type { Env, StateCore } from "markdown-it";
import { dayPath, dayTitle } from "../digest/index.ts";
import { escapeHtml } from "../text/plain-text.ts";
import { linkBase } from "./links.ts";

/** Set in the Markdown env by the feed writer: the YYYY-MM-DD of the digest being rendered. */
export const DIGEST_DATE = "digestDate";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The digest's day: given by the feed writer, or read from the Eleventy page (digests are named YYYY-MM-DD.md). */
export function digestDate(env: Env | undefined): string | null {
  const given = env?.[DIGEST_DATE];
  if (typeof given === "string" && DAY.test(given)) return given;
  const page = env?.page;
  if (page && typeof page === "object" && "fileSlug" in page && typeof page.fileSlug === "string" && DAY.test(page.fileSlug)) return page.fileSlug;
  return null;
}

export function storySections(md: MarkdownIt): void {
  md.core.ruler.push("digest_story_sections", (state: StateCore) => {
    const date = digestDate(state.env);
    const base = linkBase(state.env);
    const out: typeof state.tokens = [];
    let open = false;
    const html = (content: string) => {
      const t = new state.Token("html_block", "", 0);
      t.content = content;
      return t;
    };
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      const attr = token.type === "heading_open" && token.tag === "h2" ? token.attrGet("id") : null;
      const id = typeof attr === "string" ? attr : null;
      if (id) {
        if (open) out.push(html("</article>\n"));
        out.push(html(`<article class="story" aria-labelledby="${escapeHtml(id)}">\n`));
        open = true;
      }
      out.push(token);
      if (id && date && state.tokens[i + 2]?.type === "heading_close") {
        out.push(state.tokens[i + 1]!, state.tokens[i + 2]!);
        i += 2;
        const link = `${base}${dayPath(date).slice(1)}#${id}`;
        out.push(html(`<p class="story-meta"><time datetime="${date}">${escapeHtml(dayTitle(date))}</time> · <a href="${escapeHtml(link)}">Link to this story</a></p>\n`));
      }
    }
    if (open) out.push(html("</article>\n"));
    state.tokens = out;
  });
}
