// A day's Markdown key (src/digest/markdown-keys.ts) stands for everything the day's Markdown is made
// from: the Markdown reads of a story only fields its view key stands for or the key names, and two days
// with one key have the same Markdown.
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dayMarkdown, dayMarkdownKey, type DayView } from "../../src/digest/index.ts";
import { MARKDOWN_DAY_FIELDS_KEYED, MARKDOWN_FIELDS_BY_VIEW_KEY, MARKDOWN_FIELDS_KEYED } from "../../src/digest/markdown-keys.ts";
import type { Story } from "../../src/types.ts";
import { stories, viewModel, watched } from "../view-model.ts";


describe("day Markdown keys", () => {
  it("the Markdown reads of a day and its stories only what the key stands for", async () => {
    const m = await viewModel(mkdtempSync(join(tmpdir(), "digest-md-keys-")), stories);
    const dayReads = new Set<string>();
    const storyReads = new Set<string>();
    for (const day of m.days) dayMarkdown(watched<DayView>({ ...day, stories: day.stories.map((s) => watched(s, storyReads)) }, dayReads));
    const allowed = new Set<string>([...MARKDOWN_FIELDS_BY_VIEW_KEY, ...MARKDOWN_FIELDS_KEYED]);
    expect(storyReads.size).toBeGreaterThan(3);
    expect([...storyReads].filter((f) => !allowed.has(f))).toEqual([]);
    expect([...dayReads].filter((f) => !(MARKDOWN_DAY_FIELDS_KEYED as readonly string[]).includes(f))).toEqual([]);
    expect(m.days.every((d) => dayMarkdownKey(d, m.viewKeys) !== null)).toBe(true);
    expect(dayMarkdownKey(m.days[0]!, undefined)).toBeNull();
  });

  it("gives two days with one key the same Markdown, and another key to a day whose story gained a follow-up link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-md-keys-"));
    const before = await viewModel(dir, stories);
    const byDate = [...stories].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const earlier = byDate[0]!;
    const later = byDate.find((s) => s.date > earlier.date && !s.followUpOf)!;
    const after = await viewModel(dir, stories.map((s) => (s === later ? { ...s, followUpOf: earlier.id } : s)));
    const moved: string[] = [];
    let same = 0;
    for (const d of after.days) {
      const old = before.days.find((o) => o.date === d.date)!;
      if (dayMarkdownKey(d, after.viewKeys) === dayMarkdownKey(old, before.viewKeys)) {
        expect(dayMarkdown(d), d.date).toEqual(dayMarkdown(old));
        same++;
      } else moved.push(d.date);
    }
    expect(same).toBeGreaterThan(0);
    expect(moved.sort()).toEqual([earlier.date, later.date].sort());
  });
});
