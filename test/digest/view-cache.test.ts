// A story's view parts from the build cache: a build that takes them shows the same digests as one that
// makes them, a story whose article changed is made again, and an entry that is damaged or of another
// shape is not used (with a warning) and the view is made.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskCache, crc } from "../../src/cache/pack.ts";
import { buildDigest, cachedViews, type ArticleKeys } from "../../src/digest/index.ts";
import { contentKey, ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { defaultConfig } from "../../src/config.ts";
import { renderFeeds } from "../../src/feed/index.ts";
import { buildReport } from "../../src/report/index.ts";
import { planSite } from "../../src/site/plan.ts";
import type { Story } from "../../src/types.ts";

// Under the test run's own temporary folder (test/temp-folder.ts), removed when the run ends.
const freshDir = () => mkdtempSync(join(tmpdir(), "digest-views-"));

const { files } = await ingest(join(import.meta.dirname, "..", "fixtures", "seeds"));
const stories = runPipeline(files, { zone: "UTC" }).stories;
const articles: ArticleKeys = { rules: [], contentKeys: new Map(files.map((f) => [f.path, contentKey(f)])) };

/** The digests and everything the model shows, as a build writes them. */
function shown(input: readonly Story[], views: Awaited<ReturnType<typeof cachedViews>>["store"]) {
  const { model, files: digests } = buildDigest(input, { zone: "UTC", views });
  return JSON.stringify({ digests, model: { ...model, published: [...model.published.stories, ...model.published.days] } });
}

const fresh = shown(stories, null);

/** The content keys, with those of `changed` articles' inputs another (the build would read another file). */
const keysWith = (...changed: string[]): ArticleKeys => ({ rules: [], contentKeys: new Map([...articles.contentKeys].map(([path, key]) => [path, changed.includes(path) ? `${key} changed` : key])) });

async function build(dir: string, input: readonly Story[], warnings: string[] = [], keys = articles) {
  const cache = new DiskCache(dir, (text) => warnings.push(text));
  const views = await cachedViews(cache, keys);
  const out = shown(input, views.store);
  // The site's page keys, from the same store's keys (read again: the model above has put its changes).
  const model = buildDigest(input, { zone: "UTC", views: views.store }).model;
  await views.pack!.commit();
  return { out, stats: views.pack!.stats, pages: planSite(model, "site").keys() };
}

describe("story views through the cache", () => {
  it("are taken for unchanged stories and give the digests and model a build without them gives", async () => {
    const dir = freshDir();
    const first = await build(dir, stories);
    expect(first.out).toBe(fresh);
    expect(first.stats.added).toBe(stories.length);
    const second = await build(dir, stories);
    expect(second.out).toBe(fresh);
    expect(second.stats.added).toBe(0);
    // Another zone is another story's stamp: nothing taken.
    const cache = new DiskCache(dir, () => {});
    const views = await cachedViews(cache, articles);
    expect(buildDigest(stories, { zone: "Asia/Tokyo", views: views.store }).files).toEqual(buildDigest(stories, { zone: "Asia/Tokyo" }).files);
    await views.pack!.commit();
    expect(views.pack!.stats.added).toBe(stories.length);
  });

  it("makes a story again when one of its articles was cleaned from another input (it names another outlet), and keeps none without a stand-in for it", async () => {
    const dir = freshDir();
    await build(dir, stories);
    const target = stories.find((s) => s.members.length > 1)!;
    const renamed = stories.map((s) => (s === target ? { ...s, members: s.members.map((m, i) => (i === 0 ? { ...m, meta: { ...m.meta, siteName: "Another Outlet", source: "Another Outlet" } } : m)) } : s));
    const changed = await build(dir, renamed, [], keysWith(target.members[0]!.path));
    expect(changed.out).toBe(shown(renamed, null));
    expect(changed.out).not.toBe(fresh);
    expect(changed.stats.added).toBe(1);
    // An article the build has no key for and the cache no text hash of: made each time, never kept.
    const keyless = new DiskCache(freshDir(), () => {});
    const views = await cachedViews(keyless, { rules: [], contentKeys: new Map() });
    expect(views.store!.key(target, "UTC")).toBeNull();
    expect(shown(stories, views.store)).toBe(fresh);
    await views.pack!.commit();
    expect(views.pack!.stats.added).toBe(stories.filter((s) => s.members.every((m) => m.text)).length);
  });

  it("makes what a story's feed item shows again, and its page key, when its follow-up links change", async () => {
    const dir = freshDir();
    const first = await build(dir, stories);
    const [later, earlier] = [...stories].sort((a, b) => (a.date < b.date ? 1 : -1));
    // The seeds' later story follows up the earlier one or not: the link made or taken away.
    const linked = stories.map((s) => (s === later ? { ...s, followUpOf: s.followUpOf ? null : earlier!.id } : s));
    const second = await build(dir, linked);
    // Both items show the link (one "Follow-up to", the other "Followed up by") or lose it: what they show, and so their dates, as without the cache.
    expect(second.out).toBe(shown(linked, null));
    expect(second.out).not.toBe(fresh);
    expect(second.stats.added).toBe(2);
    const page = (id: string) => `stories/${id}/index.html`;
    for (const s of stories) expect(second.pages.get(page(s.id))).not.toBe(first.pages.get(page(s.id)));
    // Taken away again: as at first, page keys included.
    const third = await build(dir, stories);
    expect(third.out).toBe(fresh);
    for (const s of stories) expect(third.pages.get(page(s.id))).toBe(first.pages.get(page(s.id)));
    // One story's article renamed: its page key moves, the other's stays.
    const target = stories[0]!;
    const renamed = stories.map((s) => (s === target ? { ...s, members: s.members.map((m, i) => (i === 0 ? { ...m, meta: { ...m.meta, siteName: "Another Outlet", source: "Another Outlet" } } : m)) } : s));
    const fourth = await build(dir, renamed, [], keysWith(target.members[0]!.path));
    expect(fourth.out).toBe(shown(renamed, null));
    for (const s of stories) expect(fourth.pages.get(page(s.id)) === first.pages.get(page(s.id))).toBe(s !== target);
  });

  it("give a cold build's digests, model, feeds and report after a story is added, one removed, a summary changed, a story held back, and the rules changed", async () => {
    const dir = freshDir();
    const config = { ...defaultConfig, baseUrl: "https://digest.example/" };
    /** Everything a reader is shown of `input` (checked against a build without the cache), the model, and how many views the build kept. */
    const everything = async (input: readonly Story[], keys = articles) => {
      const cache = new DiskCache(dir, () => {});
      const views = await cachedViews(cache, keys);
      const model = buildDigest(input, { zone: "UTC", views: views.store }).model;
      await views.pack!.commit();
      const cold = buildDigest(input, { zone: "UTC" }).model;
      expect(JSON.stringify(renderFeeds(model, config))).toBe(JSON.stringify(renderFeeds(cold, config)));
      expect(buildReport(input, [], [], model)).toEqual(buildReport(input, [], [], cold));
      expect(shown(input, views.store)).toBe(shown(input, null));
      return { model, added: views.pack!.stats.added };
    };
    const [first, ...rest] = stories;
    expect((await everything(rest)).added).toBe(rest.length);
    // The seeds' later story comes in (it follows up the other: the other's item shows the link), and goes again.
    await everything(stories);
    await everything(rest);
    await everything(stories);
    // A summary written again: that story's view is made again, and shows the new sentences.
    const resummed = stories.map((s) => (s === first ? { ...s, summary: ["A  summary\twritten again.", "", ...s.summary.slice(1)] } : s));
    expect((await everything(resummed)).model.stories.find((v) => v.id === first!.id)!.summary[0]).toBe("A summary written again.");
    // Every article of a story doubted by the gate: held back, and made again.
    const held = stories.map((s) => (s === first ? { ...s, members: s.members.map((m) => ({ ...m, doubt: "a notice, not an article" })) } : s));
    // (The gate's doubt comes from cleaning: from other inputs, whose content keys differ.)
    const doubted = keysWith(...first!.members.map((m) => m.path));
    expect((await everything(held, doubted)).model.stories.find((v) => v.id === first!.id)!.heldBack).toBe("a notice, not an article");
    // The same again: every view taken. Then other cleaning rules: every view made again.
    expect((await everything(stories)).added).toBeGreaterThan(0);
    expect((await everything(stories)).added).toBe(0);
    expect((await everything(stories, { ...articles, rules: ["another-rule"] })).added).toBe(stories.length);
  });

  it("ignores a damaged entry and one of another shape, with a warning, and makes those views", async () => {
    const dir = freshDir();
    await build(dir, stories);
    const file = join(dir, "story-views.pack");
    const [header, ...lines] = readFileSync(file, "utf8").split("\n").filter(Boolean);
    // One line's JSON changed under its checksum; another's of a shape no view has (a listed source past the end), checksum and all.
    const damaged = lines[0]!.replace('"sources"', '"sourcez"');
    const [key, , json] = [lines[1]!.slice(0, 32), lines[1]!.slice(33, 41), lines[1]!.slice(42)];
    const foreign = JSON.stringify({ ...JSON.parse(json), listed: [99] });
    const reshaped = `${key} ${crc(foreign).toString(16).padStart(8, "0")} ${foreign}`;
    writeFileSync(file, `${[header, damaged, reshaped, ...lines.slice(2)].join("\n")}\n`);
    const warnings: string[] = [];
    const again = await build(dir, stories, warnings);
    expect(again.out).toBe(fresh);
    expect(warnings).toEqual([expect.stringMatching(/ignored 2 damaged entries in .*story-views\.pack/)]);
    expect(again.stats.added).toBe(2);
    // Deleted: the same bytes.
    rmSync(file);
    expect((await build(dir, stories)).out).toBe(fresh);
  });
});
