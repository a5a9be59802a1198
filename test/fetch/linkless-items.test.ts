// Feeds whose items carry their whole text and no link (a newsletter's RSS, a JSON Feed item without
// `url`, an Atom entry with content and no alternate link): each is an article of its own, saved from the
// feed's text, never asked for over the network and never given a made-up address.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchSubscriptions, type FetchSummary } from "../../src/fetch/index.ts";
import { cleanSource } from "../../src/clean/index.ts";
import { startServer, type TestServer } from "./server.ts";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

// bbc-politics-105 (bbc-dev) opening paragraphs: real prose, as a newsletter sends it.
const TEXT = [
  "UK Muslims should accept that people of Islamic appearance are more likely to be stopped and searched by police, a Home Office minister has said.",
  "Hazel Blears said innocent Muslims would be targeted because of the search for Islamic extremists. Qualifications for religious leaders to enter the UK could also be made tougher, she told a Commons inquiry. Her comments have been described as \"irresponsible\" and \"outrageous\" by the Islamic Human Rights Commission (IHRC).",
  "\"The threat is most likely to come from those people associated with an extreme form of Islam, or who are falsely hiding behind Islam,\" the Salford MP told the Commons home affairs committee.",
];

async function fetchAll(feeds: string[], input: string, stateFile: string): Promise<{ summary: FetchSummary; messages: string[] }> {
  const messages: string[] = [];
  const summary = await fetchSubscriptions({ feeds, inputDir: input, stateFile, settings: { concurrency: 4, perHostDelayMs: 0, timeoutMs: 10_000, maxRedirects: 5, userAgent: "Digest/test" }, allowPrivate: true, onMessage: (m) => messages.push(m) });
  return { summary, messages };
}

describe("digest fetch: items with their text and no link", () => {
  it("saves each as an article with its title, date and outlet, once, without asking for a page", async () => {
    server = await startServer();
    const o = server.origin;
    const html = TEXT.map((p) => `<p>${p}</p>`).join("");
    server.routes.set("/feed.json", { type: "application/feed+json", body: JSON.stringify({ version: "https://jsonfeed.org/version/1", title: "Westminster Letter", items: [{ id: "2025-03-30-stops", title: "Muslim police stops 'more likely'", content_html: html, date_published: "2025-03-30T23:30:00-07:00" }] }) });
    server.routes.set("/letter.rss", {
      type: "application/rss+xml",
      body: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Lobby Notes</title><link>${o}/</link><description>d</description><item><title>Stop and search figures</title><guid isPermaLink="false">notes-17</guid><pubDate>Thu, 27 Mar 2025 08:00:00 GMT</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item><item><title>A teaser only</title><guid isPermaLink="false">notes-18</guid><description>Read more soon.</description></item></channel></rss>`,
    });
    const work = mkdtempSync(join(tmpdir(), "digest-linkless-"));
    const input = join(work, "articles");
    const stateFile = join(work, "cache", "fetch-state.json");

    const first = await fetchAll([`${o}/feed.json`, `${o}/letter.rss`], input, stateFile);
    expect(first.summary.pages).toMatchObject({ saved: 2, fromFeedText: 2, failed: 0 });
    expect(first.messages).toEqual([`feed ${o}/letter.rss: item "A teaser only" has no http(s) link and no text of its own`]);
    expect(server.log.map((l) => l.path).sort()).toEqual(["/feed.json", "/letter.rss", "/robots.txt"]);

    const dir = join(input, "127.0.0.1_" + new URL(o).port);
    const saved = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
    expect(saved).toHaveLength(2);
    const articles = saved.map((text, i) => cleanSource({ path: `${i}.html`, format: "html", text, encoding: "utf-8", mtime: new Date(0) }));
    expect(articles.map((a) => [a.title, a.meta.url, a.paragraphs.length]).sort()).toEqual([
      ["Muslim police stops 'more likely'", null, 3],
      ["Stop and search figures", null, 3],
    ]);
    expect(saved.join()).not.toMatch(/digest:url|#item-/);
    expect(saved.join()).toMatch(/<meta name="digest:outlet" content="Westminster Letter">/);

    const again = await fetchAll([`${o}/feed.json`, `${o}/letter.rss`], input, stateFile);
    expect(again.summary.pages).toMatchObject({ saved: 0, skipped: 2 });
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
