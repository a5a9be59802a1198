// A feed entry's key (src/feed/entry-keys.ts) stands for everything the entry is made from: an entry reads
// of its story only fields the story's view key stands for or the key names, two stories (or days) with one
// key have the same entry, and feeds assembled from items remembered by key are the feeds written whole.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultConfig } from "../../src/config.ts";
import type { DayView, DigestModel, StoryView } from "../../src/digest/index.ts";
import { DiskCache } from "../../src/cache/pack.ts";
import { dayEntry, storyEntry } from "../../src/feed/entries.ts";
import { DAY_FIELDS_KEYED, STORY_FIELDS_BY_VIEW_KEY, STORY_FIELDS_KEYED, dayEntryKey, storyEntryKey } from "../../src/feed/entry-keys.ts";
import { cachedFeedItems, renderFeeds, type ItemMemo } from "../../src/feed/index.ts";
import type { Story } from "../../src/types.ts";
import { stories, viewModel, watched } from "../view-model.ts";

const BASE = "https://digest.example.org/";
const config = { ...defaultConfig, baseUrl: BASE };

/** Two stories of different days, the later made a follow-up of the earlier: both lend each other a link, their view keys stay. */
function withFollowUp(input: readonly Story[]): { changed: Story[]; later: Story; earlier: Story } {
  const byDate = [...input].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const earlier = byDate[0]!;
  const later = byDate.find((s) => s.date > earlier.date && !s.followUpOf)!;
  return { changed: input.map((s) => (s === later ? { ...s, followUpOf: earlier.id } : s)), later, earlier };
}

describe("feed entry keys", () => {
  it("an entry reads of a story and a day only what the key stands for", async () => {
    const m = await viewModel(mkdtempSync(join(tmpdir(), "digest-entry-keys-")), stories);
    const allowed = new Set<string>([...STORY_FIELDS_BY_VIEW_KEY, ...STORY_FIELDS_KEYED]);
    const storyReads = new Set<string>();
    for (const story of m.stories) storyEntry(watched(story, storyReads), BASE, "en");
    const dayReads = new Set<string>();
    const inDays = new Set<string>();
    for (const day of m.days) dayEntry(watched<DayView>({ ...day, stories: day.stories.map((s) => watched(s, inDays)) }, dayReads), BASE, "en");
    expect(storyReads.size).toBeGreaterThan(5);
    expect([...storyReads].filter((f) => !allowed.has(f))).toEqual([]);
    expect([...inDays].filter((f) => !allowed.has(f))).toEqual([]);
    expect([...dayReads].filter((f) => !(DAY_FIELDS_KEYED as readonly string[]).includes(f))).toEqual([]);
    // Every story of the bench articles has a view key here, so every entry has a key.
    expect(m.stories.every((s) => storyEntryKey(s, m.viewKeys, BASE, "en") !== null)).toBe(true);
    expect(m.days.every((d) => dayEntryKey(d, m.viewKeys, BASE, "en") !== null)).toBe(true);
  });

  it("gives two stories or days with one key the same entry, and another key where what other stories lend them changed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-entry-keys-"));
    const before = await viewModel(dir, stories);
    const { changed, later, earlier } = withFollowUp(stories);
    const after = await viewModel(dir, changed);
    let same = 0;
    const moved = new Set<string>();
    for (const s of after.stories) {
      const old = before.stories.find((o) => o.id === s.id)!;
      if (storyEntryKey(s, after.viewKeys, BASE, "en") === storyEntryKey(old, before.viewKeys, BASE, "en")) {
        expect(storyEntry(s, BASE, "en"), s.id).toEqual(storyEntry(old, BASE, "en"));
        same++;
      } else moved.add(s.id);
    }
    expect(same).toBeGreaterThan(0);
    expect(moved).toContain(later.id);
    expect(moved).toContain(earlier.id);
    let sameDays = 0;
    for (const d of after.days) {
      const old = before.days.find((o) => o.date === d.date)!;
      if (dayEntryKey(d, after.viewKeys, BASE, "en") !== dayEntryKey(old, before.viewKeys, BASE, "en")) continue;
      expect(dayEntry(d, BASE, "en"), d.date).toEqual(dayEntry(old, BASE, "en"));
      sameDays++;
    }
    expect(sameDays).toBeGreaterThan(0);
    // Another site or language is another entry (its links, its language marks).
    const s = after.stories[0]!;
    expect(storyEntryKey(s, after.viewKeys, "https://other.example.org/", "en")).not.toBe(storyEntryKey(s, after.viewKeys, BASE, "en"));
    expect(storyEntryKey(s, after.viewKeys, BASE, "de")).not.toBe(storyEntryKey(s, after.viewKeys, BASE, "en"));
  });

  it("assembles the feeds from items remembered by key: the bytes of the feeds written whole, and only changed entries made", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-entry-keys-"));
    const build = async (m: DigestModel) => {
      const items = await cachedFeedItems(new DiskCache(dir, () => {}));
      let rendered = 0;
      const memo: ItemMemo = (format, key, render) => items.memo!(format, key, () => (rendered++, render()));
      const feeds = renderFeeds(m, config, memo);
      await items.pack!.commit();
      return { feeds, rendered };
    };
    const before = await viewModel(dir, stories);
    const first = await build(before);
    expect(first.feeds).toEqual(renderFeeds(before, config));
    expect(first.rendered).toBeGreaterThan(0);
    expect((await build(before)).rendered).toBe(0);
    const after = await viewModel(dir, withFollowUp(stories).changed);
    const second = await build(after);
    expect(second.feeds).toEqual(renderFeeds(after, config));
    expect(second.rendered).toBeGreaterThan(0);
    expect(second.rendered).toBeLessThan(first.rendered);
  });
});
