// Feed readers show content away from the site, so every href/src in it must be absolute.
// The HTML comes from markdown-it, which writes attributes as name="value" with the value escaped,
// and text as escaped text, so an attribute can be found with a pattern and nothing else matches it.
const ATTR = /\s(href|src)="([^"]*)"/g;

function decode(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function encode(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(ATTR, (whole, name: string, value: string) => {
    try {
      return ` ${name}="${encode(new URL(decode(value), pageUrl).href)}"`;
    } catch {
      return whole;
    }
  });
}
