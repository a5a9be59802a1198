import { describe, expect, it } from "vitest";
import { contextCount, contextFeatures, contextNames, featureNames, localFeatures, slugTerms } from "../../src/clean/block-features.ts";
import { makeDoc } from "../../src/clean/doc.ts";
import { emptyMeta } from "../../src/clean/text.ts";

const url = "https://news.example.com/2019/11/19/michigan-officials-6th-fatality-linked-to-eastern-equine-encephalitis-reported/?ref=home";
const lines = [
  "Customers Leave Without Paying Bill At SteakhouseA party of six left without paying their bill after a fight.",
  "Michigan health authorities are reporting a 6th fatality linked to Eastern Equine Encephalitis.",
];

function slugShares(pageUrl: string | null): number[] {
  const meta = emptyMeta();
  meta.url = pageUrl;
  const doc = makeDoc("t", lines.join("\n\n"), meta);
  const at = featureNames(false).indexOf("slug-share");
  return localFeatures(doc, false).map((row) => row[at]!);
}

describe("the URL as evidence for the article's blocks", () => {
  it("reads the content words of the address's path, not its host or query", () => {
    expect(slugTerms(url).size).toBe(8);
    expect(slugTerms("https://www.example.com/")).toEqual(new Set());
    expect(slugTerms(null)).toEqual(new Set());
  });

  it("marks the paragraph about what the address names, and not another story's teaser", () => {
    const [teaser, story] = slugShares(url);
    expect(story).toBeGreaterThan(0.5);
    expect(teaser).toBe(0);
  });

  it("says nothing when the page has no address", () => {
    expect(slugShares(null)).toEqual([0, 0]);
  });
});

describe("the body's closing line against the furniture under it (text dumps)", () => {
  const body = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs after engineers found cracks in two of its piers.",
    "Engineers said the repairs to the harbour bridge would take about six months and cost the city some four million euros.",
    "Drivers will be sent over the northern bridge while the harbour bridge is closed, the council said in a statement.",
    "The council expects the harbour bridge to reopen to drivers once the repairs are done.",
    "Follow us on Facebook and Instagram",
    "Subscribe to our newsletter",
    "Privacy policy",
  ];
  const z = [3, 3, 3, 0.5, -3, -3, -3];
  const doc = makeDoc("t", body.join("\n\n"), emptyMeta());
  const rows = contextFeatures(z, doc.lines, false);
  const col = (name: string) => rows.map((r) => r[contextNames(false).indexOf(name)]!);

  it("reads how far a line stands from the end of the run the first model keeps, inside it and under it", () => {
    const runEnd = col("run-end");
    expect(runEnd[3]).toBe(0);
    expect(runEnd[2]).toBeGreaterThan(0);
    expect(runEnd[4]).toBeLessThan(0);
    expect(runEnd[6]).toBeLessThan(runEnd[4]!);
  });

  it("gives the closing line the body's words and the furniture under it none", () => {
    const shared = col("run-terms");
    expect(shared[3]).toBeGreaterThan(0.4);
    expect(shared[4]).toBeLessThanOrEqual(0);
    expect(shared[5]).toBeLessThanOrEqual(0);
  });

  it("sees the article above a line and the furniture below it", () => {
    expect(col("above-5")[3]).toBeGreaterThan(2);
    expect(col("below-5")[3]).toBeLessThan(-2);
    expect(col("prose-below-3")[0]).toBeGreaterThanOrEqual(2);
    expect(col("prose-below-3")[3]).toBe(0);
  });

  it("leaves HTML blocks' neighbourhood as it was", () => {
    expect(contextNames(true)).not.toContain("run-end");
    expect(contextCount(true)).toBe(contextNames(true).length);
    expect(contextCount(false)).toBe(contextNames(false).length);
  });
});
