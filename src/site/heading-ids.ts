// markdown-it plugin: "## Headline {#s-0123abcd45}" gives the heading that id. Only Digest's own
// story-id shape is read, so no other attribute can ever be set from Markdown text.
import type { MarkdownIt } from "markdown-it";
import type { StateCore } from "markdown-it";

const ID_SUFFIX = /\s*\{#(s-[0-9a-f]{6,16})\}\s*$/;

export function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("digest_heading_ids", (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length - 1; i++) {
      if (tokens[i]!.type !== "heading_open") continue;
      const inline = tokens[i + 1]!;
      const last = inline.children?.[inline.children.length - 1];
      const m = last && last.type === "text" ? ID_SUFFIX.exec(last.content) : null;
      if (!m || !last) continue;
      last.content = last.content.slice(0, m.index);
      inline.content = inline.content.replace(ID_SUFFIX, "");
      tokens[i]!.attrSet("id", m[1]!);
    }
  });
}
