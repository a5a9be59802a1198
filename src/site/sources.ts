// markdown-it plugin: the digest's "Sources: [A](url), B, …" paragraph becomes a credit list in which a
// long run of outlets is folded behind "and N other outlets" (a <details>, so it opens without script).
import type { MarkdownIt } from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { groupCredits, othersLabel } from "../digest/credits.ts";
import { escapeHtml } from "../text/plain-text.ts";
import { linkBase, resolveHref } from "./links.ts";

const PREFIX = "Sources: ";

interface CreditItem {
  text: string;
  href: string | null;
}

export function sourcesList(md: MarkdownIt): void {
  md.core.ruler.push("digest_sources", (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i]!.type !== "paragraph_open" || tokens[i + 2]!.type !== "paragraph_close") continue;
      const inline = tokens[i + 1]!;
      if (inline.type !== "inline" || !inline.content.startsWith(PREFIX)) continue;
      const items = creditItems(inline.children ?? []);
      if (!items) continue;
      const html = new state.Token("html_block", "", 0);
      html.content = renderCredits(items, linkBase(state.env));
      tokens.splice(i, 3, html);
    }
  });
}

/** The credits in a Sources paragraph, or null when it holds anything but text and plain links. */
export function creditItems(children: Token[]): CreditItem[] | null {
  const items: CreditItem[] = [];
  let text = "";
  let link: CreditItem | null = null;
  for (const child of children) {
    if (child.type === "text" && link) link.text += child.content;
    else if (child.type === "text") text += child.content;
    else if (child.type === "link_open" && !link) {
      items.push(...splitNames(text));
      text = "";
      const href = child.attrGet("href");
      link = { text: "", href: href === null ? null : String(href) };
    } else if (child.type === "link_close" && link) {
      items.push(link);
      link = null;
    } else return null;
  }
  if (link) return null;
  items.push(...splitNames(text));
  if (items.length && items[0]!.href === null && items[0]!.text.startsWith(PREFIX.trim())) {
    items[0]!.text = items[0]!.text.slice(PREFIX.trim().length).trim();
    if (!items[0]!.text) items.shift();
  }
  return items;
}

/** Splits unlinked names on ", ", except inside a quoted “headline”, which may hold commas of its own. */
function splitNames(text: string): CreditItem[] {
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "“") depth++;
    if (c === "”" && depth > 0) depth--;
    if (c === "," && depth === 0 && (text[i + 1] === " " || i === text.length - 1)) {
      names.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  names.push(current);
  return names.map((n) => n.trim()).filter((n) => n !== "").map((n) => ({ text: n, href: null }));
}

function renderItem(item: CreditItem, base: string): string {
  const text = escapeHtml(item.text);
  if (!item.href || !/^(https?:\/\/|\/)/i.test(item.href)) return text;
  return `<a href="${escapeHtml(resolveHref(item.href, base))}">${text}</a>`;
}

export function renderCredits(items: CreditItem[], base: string): string {
  const { shown, others } = groupCredits(items);
  const list = shown.map((item) => renderItem(item, base)).join(", ");
  if (!others.length) return `<p class="sources">Sources: ${list}</p>\n`;
  const rest = others.map((item) => `<li>${renderItem(item, base)}</li>`).join("");
  return `<div class="sources"><p>Sources: ${list}</p><details><summary>${othersLabel(others.length)}</summary><ul>${rest}</ul></details></div>\n`;
}
