// Feed dates that never go back: a reader keeping an item from day to day sees its date move when what it
// shows changes, and stay, byte for byte, when it does not.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { buildDigest, type PublishedItems } from "../../src/digest/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline, withPublished } from "../../src/pipeline.ts";
import { parseIdentityState, serializeIdentityState, type IdentityState } from "../../src/cluster/index.ts";
import type { ArticleMeta, ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, date: string, meta: Partial<ArticleMeta> = {}): ResolvedArticle {
  return {
    path, format: "html", raw: "p", title: `Title of ${path}`, paragraphs: ["Officials in Belgrade said on Monday that the Serbian government would answer."], meta: { ...emptyMeta(), ...meta }, context: "", mtime: new Date(0), messages: [],
    evidence: { date, dateSource: "metadata-line", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "metadata-line",
  };
}

const outlet = (n: number) => ({ siteName: `Outlet ${n}`, url: `https://www.outlet${n}.example/news/${n}` });

function story(id: string, date: string, members: ResolvedArticle[]): Story {
  return { id, date, title: members[0]!.title, members, summary: ["First sentence."], followUpOf: null };
}

/** A build's model from `stories`, held to what `last` published; with what it publishes. */
function publish(stories: Story[], last: PublishedItems) {
  const model = buildDigest(stories, { zone: "UTC", homeDays: 7, published: last }).model;
  return { model, next: model.published };
}

const none: PublishedItems = { stories: new Map(), days: new Map() };
const updatedOf = (model: ReturnType<typeof publish>["model"]) => new Map(model.stories.map((s) => [s.id, s.updated]));

describe("feed dates held to what was published", () => {
  it("dates a story that loses a source after the date it had (the seeds, through the story-id state)", async () => {
    const { files } = await ingest(join(import.meta.dirname, "..", "fixtures", "seeds"));
    const first = runPipeline(files, { zone: "UTC" });
    const firstModel = buildDigest(first.stories, { zone: "UTC", published: first.published }).model;
    // The state file as a build writes it and the next one reads it.
    const state = parseIdentityState(serializeIdentityState(withPublished(first.identity, firstModel.published))) as { state: IdentityState };
    const may = firstModel.stories.find((s) => s.sources.length === 4)!;
    // One of the May story's four outlets is gone the next day.
    const second = runPipeline(files.filter((f) => f.path !== "002_0cee1a8a8a4acb49.txt"), { zone: "UTC", identity: state.state });
    const secondModel = buildDigest(second.stories, { zone: "UTC", published: second.published }).model;
    const after = secondModel.stories.find((s) => s.id === may.id)!;
    expect(after.sources).toHaveLength(3);
    // In a later second: an RSS date shows whole seconds.
    expect(after.updated.slice(0, 19) > may.updated.slice(0, 19)).toBe(true);
    // Without the state (a first build), the date is today's: a second per source, so earlier.
    const cold = buildDigest(runPipeline(files.filter((f) => f.path !== "002_0cee1a8a8a4acb49.txt"), { zone: "UTC" }).stories, { zone: "UTC" }).model.stories.find((s) => s.sources.length === 3)!;
    expect(cold.updated < may.updated).toBe(true);
    // The state written after it keeps the new stamp; the June story, unchanged, keeps its own byte for byte.
    const june = firstModel.stories.find((s) => s.id !== may.id)!;
    expect(withPublished(second.identity, secondModel.published).stories.find((r) => r.id === may.id)?.stamp).toBe(after.updated);
    expect(secondModel.stories.find((s) => s.id === june.id)!.updated).toBe(june.updated);
  });

  it("keeps an unchanged story's date byte for byte when a neighbour changes", () => {
    // 300 stories of one bare day: their stamps crowd the day's first minutes and are kept apart second by second.
    const day = (joined: Set<number>) =>
      Array.from({ length: 300 }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, "2025-05-29", [member(`${i}.txt`, "2025-05-29", outlet(i)), ...(joined.has(i) ? [member(`${i}b.txt`, "2025-05-29", outlet(1000 + i))] : [])]));
    const before = publish(day(new Set()), none);
    // Neighbours gain a source: their stamps move a second on, into seconds others held.
    const grown = new Set(Array.from({ length: 30 }, (_, i) => i * 10));
    const today = updatedOf(publish(day(grown), none).model);
    const was = updatedOf(before.model);
    const unchanged = [...was.keys()].filter((id) => !grown.has(Number(id.slice(2))));
    // Without what was published, some unchanged story's date moves (the scene the reader met)...
    expect(unchanged.some((id) => today.get(id) !== was.get(id))).toBe(true);
    const after = publish(day(grown), before.next);
    const now = updatedOf(after.model);
    // ... with it, none does, and every changed one is dated after its date, no two in one second.
    for (const id of unchanged) expect(now.get(id), id).toBe(was.get(id));
    for (const i of grown) {
      const id = `s-${String(i).padStart(10, "0")}`;
      expect(now.get(id)!.slice(0, 19) > was.get(id)!.slice(0, 19), id).toBe(true);
    }
    expect(new Set([...now.values()].map((u) => u.slice(0, 19))).size).toBe(300);
  });

  it("moves a day forward when it loses stories to the next day", () => {
    const stories = (moved: boolean) => [
      story("s-aaaaaaaaaa", "2025-05-29", [member("a.html", "2025-05-29", outlet(1)), member("b.html", "2025-05-29", outlet(2))]),
      story("s-bbbbbbbbbb", moved ? "2025-05-30" : "2025-05-29", [member("c.html", moved ? "2025-05-30" : "2025-05-29", outlet(3)), member("d.html", moved ? "2025-05-30" : "2025-05-29", outlet(4))]),
    ];
    const before = publish(stories(false), none);
    const after = publish(stories(true), before.next);
    const dayOf = (m: typeof after.model, date: string) => m.days.find((d) => d.date === date)!;
    const was = dayOf(before.model, "2025-05-29").updated;
    const now = dayOf(after.model, "2025-05-29").updated;
    expect(dayOf(after.model, "2025-05-29").stories).toHaveLength(1);
    // Today's stamp would be the day's start plus a second per source left: two seconds back.
    expect(dayOf(publish(stories(true), none).model, "2025-05-29").updated < was).toBe(true);
    expect(now.slice(0, 19) > was.slice(0, 19)).toBe(true);
    // A second past it, no more: a published stamp is the past, anything later a time still to come.
    expect(Date.parse(now) - Date.parse(was)).toBe(1000);
    // The next build, with nothing changed, keeps it byte for byte.
    expect(dayOf(publish(stories(true), after.next).model, "2025-05-29").updated).toBe(now);
  });
});
