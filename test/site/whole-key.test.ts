// The pages that list across the whole model (front page, archive, about, search) share one key, made
// each build from an outline of the model in which every paginated slice stands as its page's key. The
// front page's days are days of the model: they stand as their day pages' keys too (each covers the day
// and its stories), so a build does not make every story of the front page's week JSON again to key them;
// and a front day whose page changes still changes the outline.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { wholeOutline } from "../../src/site/index.ts";
import { fileOf, planSite } from "../../src/site/plan.ts";

const { files } = await ingest(join(import.meta.dirname, "..", "fixtures", "seeds"));
const { model } = buildDigest(runPipeline(files, { zone: "UTC" }).stories, { zone: "UTC" });
const keys = planSite(model, "site").keys();

describe("the whole-site pages' key", () => {
  it("takes the front page's days by their pages' keys, not their stories whole", () => {
    const outline = wholeOutline(model, keys);
    const shown = model.frontDays.flatMap((d) => d.stories);
    expect(shown.length).toBeGreaterThan(0);
    for (const story of shown) {
      expect(outline).not.toContain(JSON.stringify(story.headline));
      for (const sentence of story.summary) expect(outline).not.toContain(JSON.stringify(sentence).slice(1, -1));
    }
    // A front day's page keyed otherwise (its stories changed) is another outline.
    const day = fileOf(model.frontDays[0]!.path);
    expect(wholeOutline(model, new Map([...keys, [day, "another key"]]))).not.toBe(outline);
  });
});
