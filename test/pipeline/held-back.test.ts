// A page the article gate keeps with its doubt (it reads much like page furniture) is kept but not published as a
// story: a story of such pages only is held back from the feeds, the day's stories and the front page; one real
// article in the story publishes it. The notice is the tuning half's notice-13 (eval/lib/notice-pages.ts), a consent
// wall; the real article is bbc-dev business 001.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { buildDigest } from "../../src/digest/index.ts";
import type { Story } from "../../src/types.ts";

const { files } = await ingest(join(import.meta.dirname, "../fixtures/held-back"));
// Both undated: each is dated by its file time, set here so the day does not follow the checkout.
for (const f of files) f.mtime = new Date(Date.UTC(2024, 2, 5, 10));
const result = runPipeline(files, { zone: "UTC" });
const NOTICE = "notice-13-consent.txt";
const notice = result.stories.find((s) => s.members.some((m) => m.path === NOTICE))!;
const real = result.stories.find((s) => s !== notice)!;

describe("a consent wall the article gate doubts, beside a real article", () => {
  it("carries the gate's doubt as a fact of the article, and is still a story of its own", () => {
    expect(result.stories).toHaveLength(2);
    expect(notice.members[0]!.doubt).toMatch(/may not be the article/);
    expect(real.members[0]!.doubt).toBeUndefined();
  });

  it("is held back: on its day's page, not among its stories, not on the front page, not published", () => {
    const { model } = buildDigest(result.stories, { zone: "UTC" });
    const day = model.days[0]!;
    expect(day.stories.map((s) => s.id)).toEqual([real.id]);
    expect(day.heldBack.map((s) => s.id)).toEqual([notice.id]);
    expect(day.heldBack[0]!.heldBack).toMatch(/may not be the article/);
    expect(model.front.map((s) => s.id)).toEqual([real.id]);
    expect(model.stories.map((s) => s.id)).toContain(notice.id);
    expect([...model.published.stories.keys()]).toEqual([real.id]);
  });

  it("is published as a new item once a real article joins its story, never as an update of a held-back one", () => {
    const first = buildDigest(result.stories, { zone: "UTC" }).model;
    expect(first.published.stories.has(notice.id)).toBe(false);
    const joined: Story = { ...notice, members: [...notice.members, ...real.members] };
    const next = buildDigest([joined], { zone: "UTC", published: first.published }).model;
    const view = next.stories[0]!;
    expect(view.heldBack).toBeUndefined();
    expect(next.days[0]!.stories.map((s) => s.id)).toEqual([notice.id]);
    expect(next.front.map((s) => s.id)).toEqual([notice.id]);
    // Settled against nothing: the same stamp a build that never saw it held back gives it.
    const fresh = buildDigest([joined], { zone: "UTC" }).model;
    expect(view.updated).toBe(fresh.stories[0]!.updated);
    expect(next.published.stories.get(notice.id)).toEqual(fresh.published.stories.get(notice.id));
  });
});
