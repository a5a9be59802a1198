// Where a held-back story (every page in it one the article gate doubts is an article) could still reach a reader
// through the view model: the counts of the about page, the front page's days, the follow-up links of published
// stories (their pages, digests and feed items), and the feed record of a story once published and later held back.
// The notice is the tuning half's notice-13 (eval/lib/notice-pages.ts), a consent wall; the real article is bbc-dev
// business 001 (test/fixtures/held-back).
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { buildDigest } from "../../src/digest/index.ts";
import { storyEntry } from "../../src/feed/entries.ts";
import type { Story } from "../../src/types.ts";

const { files } = await ingest(join(import.meta.dirname, "../fixtures/held-back"));
// Both undated: each is dated by its file time, set here so the day does not follow the checkout.
for (const f of files) f.mtime = new Date(Date.UTC(2024, 2, 5, 10));
const result = runPipeline(files, { zone: "UTC" });
const notice = result.stories.find((s) => s.members.some((m) => m.path === "notice-13-consent.txt"))!;
const real = result.stories.find((s) => s !== notice)!;
const BASE = "https://digest.example/";

describe("what the about page and the front page count of a held-back story", () => {
  it("counts only published stories, and says how many are held back", () => {
    const { model } = buildDigest(result.stories, { zone: "UTC" });
    expect(model.publishedStories).toBe(1);
    expect(model.heldBackStories).toBe(1);
    // Neither page names its outlet: only the published one is counted among those that show a web address.
    expect(model.storiesWithUnnamed).toBe(1);
  });

  it("lists no day of held-back stories only among the front page's days", () => {
    const later: Story = { ...notice, date: "2024-03-06" };
    const { model } = buildDigest([real, later], { zone: "UTC", homeDays: 7 });
    expect(model.days.map((d) => d.date)).toEqual(["2024-03-06", "2024-03-05"]);
    expect(model.frontDays.map((d) => d.date)).toEqual(["2024-03-05"]);
  });
});

describe("follow-up links between a published story and a held-back one", () => {
  it("a published story that follows a held-back one does not link to it; the held-back page links both ways", () => {
    const follows: Story = { ...real, followUpOf: notice.id };
    const { model, files: digests } = buildDigest([notice, follows], { zone: "UTC" });
    const published = model.stories.find((s) => s.id === real.id)!;
    const held = model.stories.find((s) => s.id === notice.id)!;
    expect(published.followUpOf).toBeNull();
    expect(held.followUps.map((r) => r.id)).toEqual([real.id]);
    const md = digests[0]!.markdown.split("## Held back")[0]!;
    expect(md).toContain("Quarterly profits");
    expect(md).not.toContain(notice.id);
    expect(storyEntry(published, BASE, "en").contentHtml).not.toContain(notice.id);
  });

  it("a held-back story that follows a published one is not shown as its follow-up", () => {
    const follows: Story = { ...notice, followUpOf: real.id };
    const { model, files: digests } = buildDigest([real, follows], { zone: "UTC" });
    const published = model.stories.find((s) => s.id === real.id)!;
    const held = model.stories.find((s) => s.id === notice.id)!;
    expect(published.followUps).toEqual([]);
    expect(held.followUpOf?.id).toBe(real.id);
    expect(digests[0]!.markdown.split("## Held back")[0]).not.toContain(notice.id);
    expect(storyEntry(published, BASE, "en").contentHtml).not.toContain(notice.id);
    expect(model.published.stories.get(real.id)).toEqual(buildDigest([real], { zone: "UTC" }).model.published.stories.get(real.id));
  });
});

describe("a story published by one build and held back by a later one", () => {
  // Published with the real article; the next build holds it back (the real article deleted); a third publishes it
  // again, showing another summary (its member set as in the first build, so its own stamp is the first one's).
  const both: Story = { ...notice, members: [...notice.members, ...real.members], summary: real.summary };
  const first = buildDigest([both], { zone: "UTC" }).model;
  const firstItem = first.published.stories.get(notice.id)!;
  const second = buildDigest([notice], { zone: "UTC", published: first.published }).model;

  it("is in no feed while held back, but its last published item stays on record, and so does its day's", () => {
    expect(second.stories[0]!.heldBack).toBeDefined();
    expect(second.days[0]!.stories).toEqual([]);
    expect(second.published.stories.get(notice.id)).toEqual(firstItem);
    expect(second.published.days.get("2024-03-05")).toEqual(first.published.days.get("2024-03-05"));
  });

  it("published again, is an update of the item readers were shown: the same permalink, dated after it", () => {
    const again: Story = { ...both, summary: [...real.summary].reverse() };
    const third = buildDigest([again], { zone: "UTC", published: second.published }).model;
    const view = third.stories[0]!;
    expect(view.path).toBe(first.stories[0]!.path);
    expect(view.updated > firstItem.stamp).toBe(true);
    expect(third.days[0]!.updated > first.days[0]!.updated).toBe(true);
  });
});
