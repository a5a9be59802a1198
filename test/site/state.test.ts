// The site's state comes back from the cache only when it holds what a build writes: a listing of a site
// folder that names anything outside its folder is not taken (the build then reads the folder instead).
import { describe, expect, it } from "vitest";
import { siteStateNamespace } from "../../src/site/index.ts";

const state = (folders: unknown) => ({ site: "k", pages: { "index.html": ["key", 1, 2, 3] }, search: {}, folders });

describe("the site state read back from the cache", () => {
  it("takes listings of the site's own folders, and a state from before listings", () => {
    expect(siteStateNamespace.accepts(state({ "12": { stories: [5, 1.5, { a: -1 }], "stories/a": [6, 2.5, { "index.html": 7 }] } }))).toBe(true);
    expect(siteStateNamespace.accepts({ site: "k", pages: {}, search: {} })).toBe(true);
  });

  it("refuses a listing that names a folder or file outside its folder, or is not made of numbers", () => {
    expect(siteStateNamespace.accepts(state({ "12": { "stories/..": [5, 1, {}] } }))).toBe(false);
    expect(siteStateNamespace.accepts(state({ "12": { "/etc": [5, 1, {}] } }))).toBe(false);
    expect(siteStateNamespace.accepts(state({ "12": { stories: [5, 1, { "..": -1 }] } }))).toBe(false);
    expect(siteStateNamespace.accepts(state({ "12": { stories: [5, 1, { "a/b": 3 }] } }))).toBe(false);
    expect(siteStateNamespace.accepts(state({ "12": { stories: [5, "1", {}] } }))).toBe(false);
    expect(siteStateNamespace.accepts(state({ "12": { stories: [5, 1, { a: 1.5 }] } }))).toBe(false);
  });
});
