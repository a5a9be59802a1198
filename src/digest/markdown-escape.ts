// Article text goes into Markdown as text: every character Markdown could read as syntax is escaped.

/** Anything the replacements below would change. */
const NEEDS_ESCAPE = /[\r\n\\`*_{}[\]()<>#+!|~&]|^\s*[-=\d]/;

/** Backslash-escapes ASCII punctuation that markdown-it gives meaning to, anywhere in the line. */
export function escapeMarkdown(text: string): string {
  // Most text needs nothing escaped: one scan tells, instead of four replacements.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, "\\$&")
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** A URL for a Markdown link: only http(s), with characters that would end the link percent-encoded. */
export function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
