import { describe, expect, it } from "vitest";
import { featureNames, localFeatures, slugTerms } from "../../src/clean/block-features.ts";
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
