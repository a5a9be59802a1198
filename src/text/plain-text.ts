// Text from inputs may carry characters XML 1.0 forbids (C0 controls other than tab/newline, U+FFFE/F,
// lone surrogates) or discourages (DEL and C1 controls). None of them is ever meant as content, and one
// of them in a feed makes the whole feed unreadable, so they are dropped before any rendering.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripControlChars(text: string): string {
  return text.replace(ILLEGAL, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);
}
