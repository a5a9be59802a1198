import { describe, expect, it } from "vitest";
import { loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { halfOf } from "../../eval/lib/split.ts";
import { labelsOf, prepared } from "../../train/lib/clean-items.ts";
import { personalShare, tailKinds } from "../../train/lib/tail-kinds.ts";

// tx66's kind reader for counting what kept furniture costs (train/try-tail-kinds.ts), on a real tuning page: a blog
// post with a run of reader comments under it, each opened by a "Comment by <name> — <date> @ <time>" line.
describe("tail kinds by voice and frame", () => {
  const page = loadWebpages().find((p) => p.id.startsWith("e1ed0a45"))!;
  const doc = prepared(page, "text")!;
  const labels = labelsOf(page, doc);
  const last = labels.lastIndexOf(1);
  const kinds = tailKinds(doc.lines, last);

  it("reads a tuning page", () => {
    expect(halfOf(page.id)).toBe("tune");
    expect(last).toBeGreaterThan(0);
  });

  it("calls the comments' name-and-time lines frames and the lines under them comments, not the article above", () => {
    const frames = doc.lines.map((l, i) => (l.text.startsWith("Comment by") ? i : -1)).filter((i) => i > last);
    expect(frames.length).toBeGreaterThanOrEqual(10);
    for (const i of frames) expect(kinds[i], doc.lines[i]!.text).toBe("comment-frame");
    const between = doc.lines.map((_, i) => i).filter((i) => i > frames[0]! && i < frames.at(-1)! && !frames.includes(i) && doc.lines[i]!.words >= 8);
    expect(between.length).toBeGreaterThan(0);
    for (const i of between) expect(["comment", "author-box", "comment-frame", "marker"]).toContain(kinds[i]);
    for (let i = 0; i <= last; i++) if (labels[i] === 1) expect(kinds[i]).not.toBe("comment");
  });

  it("counts first and second person pronouns, not third", () => {
    expect(personalShare("I think you are right about our plan")).toBeCloseTo(3 / 8);
    expect(personalShare("Ich finde, du hast recht")).toBeCloseTo(2 / 5);
    expect(personalShare("She said they would come")).toBe(0);
  });
});
