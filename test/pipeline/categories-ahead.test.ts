// The stories' categories found ahead of the view model (while the summaries' threads work): the model is
// the one found without, and no story's categories are found twice.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { categoriesAhead } from "../../src/pipeline/categories-ahead.ts";
import { buildDigest, categoriseArticles, categoriser, findCategories } from "../../src/digest/index.ts";

// More stories than one step finds (8).
const STEP_OF_TEST = 8;
const fixtures = join(import.meta.dirname, "..", "fixtures");
const stories = await (async () => {
  const found = [];
  for (const folder of ["seeds", "outlets"]) {
    const { files } = await ingest(join(fixtures, folder));
    found.push(...runPipeline(files, { zone: "UTC" }).stories);
  }
  return found;
})();

describe("categories found ahead", () => {
  it("gives the model every story's categories as found without, each found once", () => {
    expect(stories.length).toBeGreaterThan(STEP_OF_TEST);
    // Stories whose outlets are named: the model leaves those names out, and asks with them.
    expect(stories.filter((s) => buildDigest([s]).model.stories[0]!.namedOutlets.length > 0).length).toBeGreaterThan(2);
    let calls = 0;
    const counted = categoriser((members, exclude) => (calls++, findCategories(members, exclude)));
    const ahead = categoriesAhead(stories, counted);
    let steps = 1;
    while (ahead.step()) steps++;
    expect(steps).toBeGreaterThan(1); // a few stories a step
    expect(calls).toBe(stories.length);
    const model = buildDigest(stories, { categorise: ahead.categorise }).model;
    expect(calls).toBe(stories.length);
    expect(model).toEqual(buildDigest(stories, { categorise: categoriseArticles }).model);
    expect(model.stories.some((s) => s.categories.length > 0)).toBe(true);
  });

  it("stops at a story whose categories cannot be found, and the model then meets the error as it would without", () => {
    const bad = stories[10]!.members;
    const failing = categoriser((members, exclude) => {
      if (members === bad) throw new Error("no names here");
      return findCategories(members, exclude);
    });
    const ahead = categoriesAhead(stories, failing);
    while (ahead.step());
    expect(() => buildDigest(stories, { categorise: ahead.categorise })).toThrow("no names here");
    // Asked with other outlets left out than it was found without, a story's categories are found again.
    const found = categoriesAhead(stories.slice(0, 1), categoriseArticles);
    found.step();
    expect(found.categorise(stories[0]!.members, ["Nobody's Outlet"])).toEqual(categoriseArticles(stories[0]!.members, ["Nobody's Outlet"]));
  });
});
