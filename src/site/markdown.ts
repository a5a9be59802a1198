// The one Markdown renderer for digests, shared by the site and the feeds so both show the same HTML.
import markdownIt from "markdown-it";
import type { MarkdownIt } from "markdown-it";
import type { StateCore } from "markdown-it";
import { headingIds } from "./heading-ids.ts";
import { linkPrefixes } from "./links.ts";
import { sourcesList } from "./sources.ts";
import { storySections } from "./story-sections.ts";
import { stripControlChars } from "../text/plain-text.ts";

export function createMarkdown(): MarkdownIt {
  // Article text is data: html:false makes any tag in it text, never markup.
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.before("normalize", "digest_strip_controls", (state: StateCore) => {
    state.src = stripControlChars(state.src);
  });
  md.use(headingIds).use(sourcesList).use(storySections).use(linkPrefixes);
  return md;
}
