// A line of web addresses and image files a page printed as text (a gallery's attributes) is never a
// summary's sentence; a sentence that gives an address as part of what it says still may be.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/summarise/${name}`, import.meta.url), "utf8")) as SummaryInput;
// extraction-dev (tuning half) 8cad00dc…, a theatre's blog post as the build cleans its saved page: its last
// paragraph is "http://jeongdongtheater.com/wp-content/uploads/2018/10/KakaoTalk_….jpg 540 960 jdadmin http://…".
const theatre = fixture("extraction-gallery-attributes.json");

describe("web addresses as a summary's sentence", () => {
  it("a line of image addresses is left out", () => {
    const summary = summarise([theatre]);
    expect(summary.length).toBe(3);
    for (const s of summary) expect(s).not.toMatch(/https?:\/\/|\.jpe?g\b/);
    expect(summarise([theatre], { sentences: 200 }).some((s) => s.includes("KakaoTalk_"))).toBe(false);
  });

  it("a sentence that names an address among its words stays", () => {
    const text = [
      "Die Online-Andacht zum Ewigkeitssonntag findet in diesem Jahr wieder statt, wie die Kirche mitteilte.",
      "Sie ist am Sonntag um 18 Uhr auf www.trauernetz.de zu sehen und bietet eine Alternative zum Gottesdienst.",
    ].join("\n");
    expect(summarise([{ title: "Andacht", text }], { sentences: 2 })).toContain("Sie ist am Sonntag um 18 Uhr auf www.trauernetz.de zu sehen und bietet eine Alternative zum Gottesdienst.");
  });
});
