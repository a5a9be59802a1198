// Saved pages: Digest's meta tags first, values escaped, a feed's text rebuilt with nothing active in it.
import { describe, expect, it } from "vitest";
import { parseDocument, DomUtils } from "htmlparser2";
import { pageFile, pageFromFeedText, rejectionOf, withMeta } from "../../src/fetch/save.ts";
import { parseHtml } from "../../src/clean/html.ts";
import { scanHtml } from "../../src/date/html-scan.ts";
import { articleHtml } from "./pages.ts";

const meta = { url: 'https://news.example.com/a?x=1&y="2"', outlet: 'Tom & "Jerry" <News>', date: "2025-05-29T10:15:00+03:00" };

function metas(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of DomUtils.findAll((e) => e.name === "meta" && !!e.attribs.name, parseDocument(html).children)) out[m.attribs.name!] ??= m.attribs.content!;
  return out;
}

describe("withMeta", () => {
  it("adds URL, outlet and date inside <head>, escaped, and the cleaner reads them back exactly", () => {
    const html = withMeta(articleHtml("Bridge"), meta);
    expect(metas(html)).toMatchObject({ "digest:url": meta.url, "digest:outlet": meta.outlet, "digest:date": meta.date });
    expect(html).toContain('content="Tom &amp; &quot;Jerry&quot; &lt;News&gt;"');
    const parts = parseHtml(html);
    expect(parts.meta.url).toBe(meta.url);
    expect(parts.meta.outletHint).toBe(meta.outlet);
    // The feed's date of the item holds its story's feed stamp (src/digest/stamps.ts) when the page states no time.
    expect(parts.meta.feedDate).toBe(meta.date);
    expect(parseHtml(articleHtml("Bridge")).meta.feedDate ?? null).toBeNull();
    expect(html.indexOf('<meta charset="utf-8">')).toBeLessThan(html.indexOf('<meta charset="utf-8"><title>'));
  });

  it("adds when the feed says the item last changed, which the cleaner reads back and the date scan leaves alone", () => {
    const changed = "2025-05-30T08:00:00+01:00";
    const html = withMeta(articleHtml("Bridge"), { ...meta, changed });
    expect(metas(html)["digest:changed"]).toBe(changed);
    expect(parseHtml(html).meta.changed).toBe(changed);
    expect(scanHtml({ raw: html, title: "Bridge", paragraphs: [] }).structured.map((s) => s.kind)).toEqual(["feed"]);
    expect(parseHtml(withMeta(articleHtml("Bridge"), meta)).meta.changed ?? null).toBeNull();
  });

  it("puts its tags before anything a hostile page writes, whatever sits in comments or scripts", () => {
    const hostile = '<!-- <head> --><script>document.write("<head>")</script><meta name="digest:url" content="https://evil.example/"><html><head></head><body><p>x</p></body></html>';
    const html = withMeta(hostile, meta);
    expect(metas(html)["digest:url"]).toBe(meta.url);
    expect(html.startsWith('<!-- <head> -->\n<meta charset="utf-8">')).toBe(true);
  });

  it("keeps control characters and quotes in values from breaking out of the attribute", () => {
    const html = withMeta("<html><head></head></html>", { url: "https://a.example/", outlet: 'x"><script>alert(1)</script>\n', date: null });
    expect(DomUtils.findAll((e) => e.name === "script", parseDocument(html).children)).toHaveLength(0);
    expect(metas(html)["digest:outlet"]).toBe('x"><script>alert(1)</script> ');
  });
});

describe("pageFromFeedText", () => {
  it("keeps the text and drops scripts, frames, images, handlers and links", () => {
    const content = `<h1>Big</h1><div><p onclick="steal()">First paragraph with <a href="javascript:alert(1)">a link</a>.</p><script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example/"></iframe><style>p{}</style><p>Second &amp; last.</p></div>`;
    const html = pageFromFeedText("A <b>title</b>", { html: content }, meta);
    expect(html).not.toMatch(/<script|<img|<iframe|<style|onclick|onerror|javascript:|href=/i);
    expect(html).toContain("<h1>A &lt;b&gt;title&lt;/b&gt;</h1>");
    expect(html).toContain("<p>First paragraph with a link.</p>");
    expect(html).toContain("<p>Second &amp; last.</p>");
    expect(metas(html)).toMatchObject({ "digest:url": meta.url, "digest:date": meta.date });
  });

  it("turns plain text into paragraphs", () => {
    expect(pageFromFeedText(null, { text: "One <b>.\n\nTwo." }, meta)).toContain("<p>One &lt;b&gt;.</p>\n<p>Two.</p>");
  });
});

describe("rejectionOf and pageFile", () => {
  it("says why the build would reject a page, and nothing for an article", () => {
    expect(rejectionOf(withMeta(articleHtml("Bridge"), meta))).toBeNull();
    expect(rejectionOf(pageFromFeedText("Short", { text: "Too short." }, meta))).toMatch(/no article text|too little article text/);
  });

  it("names files by host and a hash of the URL: stable, and safe as a path", () => {
    expect(pageFile("https://News.Example.com:8443/a/../b?c=1#frag")).toBe(pageFile("https://news.example.com:8443/b?c=1"));
    expect(pageFile("https://news.example.com:8443/b?c=1")).toMatch(/^news\.example\.com_8443\/[0-9a-f]{16}\.html$/);
    expect(pageFile("http://[::1]:8080/x")).toMatch(/^___1__8080\/[0-9a-f]{16}\.html$/);
    expect(pageFile("https://a.example/1")).not.toBe(pageFile("https://a.example/2"));
  });
});
