// Subscriptions from the config: feed URLs and an OPML export with nested folders.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { subscriptions } from "../../src/fetch/index.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";

const fixtures = join(import.meta.dirname, "../fixtures/fetch/opml");

describe("subscriptions", () => {
  it("takes feeds, then every xmlUrl of the OPML at any depth, once each", async () => {
    const subs = await subscriptions({ feeds: ["https://news.example.com/feed.xml", "https://first.example/rss"], opml: "subscriptions.opml" }, fixtures);
    expect(subs.feeds).toEqual(["https://news.example.com/feed.xml", "https://first.example/rss", "https://deep.example.org/atom.xml", "https://top.example.net/rss?a=1&b=2"]);
    expect(subs.warnings).toEqual(['opml subscriptions.opml: "Not http" has xmlUrl "ftp://files.example.com/feed.xml", not an http or https URL; left out']);
  });

  it("treats a missing or non-OPML file as a broken config", async () => {
    await expect(subscriptions({ feeds: [], opml: "nope.opml" }, fixtures)).rejects.toThrow(ConfigError);
    await expect(subscriptions({ feeds: [], opml: "../feeds/html-page.html" }, fixtures)).rejects.toThrow(/is not OPML/);
  });
});

describe("config keys for fetch", () => {
  const dir = mkdtempSync(join(tmpdir(), "digest-fetch-config-"));
  const load = (value: unknown) => {
    const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(value));
    return loadConfig(file, true);
  };

  it("fills fetch defaults and keeps given values", async () => {
    const c = await load({ feeds: ["https://a.example/feed"], fetch: { timeoutMs: 5000 } });
    expect(c.feeds).toEqual(["https://a.example/feed"]);
    expect(c.fetch).toEqual({ concurrency: 4, perHostDelayMs: 1000, timeoutMs: 5000, maxRedirects: 5 });
  });

  it("rejects bad values with the key's name", async () => {
    await expect(load({ feeds: ["ftp://a.example/feed"] })).rejects.toThrow(/"feeds\[0\]" must be an absolute http:\/\/ or https:\/\/ URL/);
    await expect(load({ feeds: "https://a.example/feed" })).rejects.toThrow(/"feeds" must be a list/);
    await expect(load({ fetch: { concurrency: 17 } })).rejects.toThrow(/"fetch.concurrency" must be at most 16/);
    await expect(load({ fetch: { timeoutMs: 10 } })).rejects.toThrow(/fetch.timeoutMs/);
    await expect(load({ fetch: { perHostDelayMs: -1 } })).rejects.toThrow(/"fetch.perHostDelayMs" must be at least 0/);
    await expect(load({ fetch: { maxRedirects: 11 } })).rejects.toThrow(/fetch.maxRedirects/);
    await expect(load({ fetch: { userAgent: "a\nb" } })).rejects.toThrow(/fetch.userAgent/);
    await expect(load({ fetch: [] })).rejects.toThrow(/"fetch" must be an object/);
    await expect(load({ opml: 3 })).rejects.toThrow(/"opml" must be a string/);
  });
});
