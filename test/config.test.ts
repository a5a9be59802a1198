import { describe, expect, it } from "vitest";
import { ConfigError, defaultConfig, parseConfig, withBaseUrl } from "../src/config.ts";

const problem = (raw: unknown): string => {
  try {
    parseConfig(raw, "digest.config.json");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("no config error");
};

describe("config schema", () => {
  it("fills every default, the subscription and fetch settings included", () => {
    expect(parseConfig({}, "x")).toEqual(defaultConfig);
    expect(defaultConfig).toMatchObject({ title: "Digest", timezone: "UTC", feedDays: 30, homeDays: 7, disableRules: [], feeds: [] });
    expect(defaultConfig.fetch).toEqual({ concurrency: 4, perHostDelayMs: 1000, timeoutMs: 20000, maxRedirects: 5 });
    expect(defaultConfig).not.toHaveProperty("opml");
  });

  it("accepts a full config and normalises the base URL", () => {
    const config = parseConfig(
      {
        title: "Morning",
        baseUrl: "https://news.example.com/digest",
        timezone: "Europe/Berlin",
        language: "de-CH",
        feeds: ["https://example.com/feed.xml", "http://example.org/rss"],
        opml: "subscriptions.opml",
        fetch: { concurrency: 16, perHostDelayMs: 0, timeoutMs: 1000, maxRedirects: 0, userAgent: "DigestBot/1" },
        disableRules: ["recap-paragraph"],
      },
      "x",
    );
    expect(config.baseUrl).toBe("https://news.example.com/digest/");
    expect(config.fetch.userAgent).toBe("DigestBot/1");
  });

  it("says which key has the wrong type, and what it got", () => {
    expect(problem({ title: 5 })).toBe('digest.config.json: "title" must be a string, not the number 5');
    expect(problem({ feedDays: "7" })).toBe('digest.config.json: "feedDays" must be a number, not the text "7"');
    expect(problem({ feeds: "https://example.com/feed" })).toMatch(/"feeds" must be a list, not the text/);
    expect(problem({ fetch: 3 })).toMatch(/"fetch" must be an object, not the number 3/);
  });

  it("names an unknown key and the closest valid one, at any depth", () => {
    expect(problem({ titel: "News" })).toBe('digest.config.json: unknown key "titel"; did you mean "title"?');
    expect(problem({ fetch: { concurency: 2 } })).toBe('digest.config.json: unknown key "fetch.concurency"; did you mean "fetch.concurrency"?');
    expect(problem({ colour: "red" })).toMatch(/unknown key "colour"; the keys are title, description, baseUrl/);
  });

  it("checks ranges, whole numbers, URLs, zones, language tags and rule names", () => {
    expect(problem({ feedDays: 0 })).toMatch(/"feedDays" must be at least 1, not the number 0/);
    expect(problem({ homeDays: 1.5 })).toMatch(/"homeDays" must be a whole number, not the number 1.5/);
    expect(problem({ fetch: { concurrency: 17 } })).toMatch(/"fetch.concurrency" must be at most 16/);
    expect(problem({ fetch: { timeoutMs: 500 } })).toMatch(/"fetch.timeoutMs" must be at least 1000/);
    expect(problem({ fetch: { maxRedirects: 11 } })).toMatch(/"fetch.maxRedirects" must be at most 10/);
    expect(problem({ fetch: { perHostDelayMs: -1 } })).toMatch(/"fetch.perHostDelayMs" must be at least 0/);
    expect(problem({ baseUrl: "ftp://example.com/" })).toMatch(/"baseUrl" must be an absolute http:\/\/ or https:\/\/ URL/);
    expect(problem({ feeds: ["https://ok.example/feed", "javascript:alert(1)"] })).toMatch(/"feeds\[1\]" must be an absolute http/);
    expect(problem({ timezone: "Mars/Olympus_Mons" })).toMatch(/"timezone" must be an IANA time zone/);
    expect(problem({ language: "not a language" })).toMatch(/"language" must be a language tag/);
    expect(problem({ title: "  " })).toMatch(/"title" must not be empty/);
    expect(problem({ disableRules: ["photo-credits"] })).toMatch(/unknown cleaning rule "photo-credits" \(did you mean "photo-credit"\?\)/);
  });

  it("reports every problem at once, in one line", () => {
    const message = problem({ title: 5, titel: "x", feedDays: -2 });
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/"title" must be a string.*"feedDays" must be at least 1.*unknown key "titel"/);
  });

  it("refuses a config that is not an object", () => {
    expect(problem([])).toMatch(/a config must be a JSON object .*not a list/);
    expect(problem(null)).toMatch(/not null/);
    expect(problem("title")).toMatch(/not the text "title"/);
  });

  it("checks --base-url as the config's baseUrl", () => {
    expect(withBaseUrl(defaultConfig, "http://localhost:8080").baseUrl).toBe("http://localhost:8080/");
    expect(() => withBaseUrl(defaultConfig, "not a url")).toThrow(/--base-url "not a url" must be an absolute/);
  });
});
