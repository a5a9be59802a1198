import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { createHash } from "node:crypto";
import { assignStoryIds, parseIdentityState, serializeIdentityState, type IdentityState } from "../../src/cluster/index.ts";
import { articleRef } from "../../src/cluster/identity.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import type { DatedArticle, SourceFile, StoryCluster } from "../../src/types.ts";

const fixtures = join(import.meta.dirname, "../fixtures");
const { files } = await ingest(join(fixtures, "seeds"));
const storyOf = (stories: Array<{ id: string; members: Array<{ path: string }> }>, path: string) => stories.find((s) => s.members.some((m) => m.path === path))!;

describe("story ids that last", () => {
  const first = runPipeline(files, { zone: "UTC" });

  it("keeps every id when an article joins whose path sorts first, and only with the state", () => {
    // Another outlet's copy of 003 (the story's only dated article), under a name that sorts first.
    const s003 = files.find((f) => f.path.startsWith("003"))!;
    const copy: SourceFile = { ...s003, path: "0000_other_outlet.txt", text: `${s003.text}\nReporting by another outlet.` };
    const withState = runPipeline([copy, ...files], { zone: "UTC", identity: first.identity });
    for (const story of first.stories) expect(storyOf(withState.stories, story.members[0]!.path).id).toBe(story.id);
    expect(storyOf(withState.stories, copy.path).id).toBe(storyOf(first.stories, s003.path).id);
    // Without what was published, the new article founds the story and the id would change.
    const fresh = runPipeline([copy, ...files], { zone: "UTC" });
    expect(storyOf(fresh.stories, s003.path).id).not.toBe(storyOf(first.stories, s003.path).id);
  });

  it("gives the same ids and the same state on a rebuild over the same articles", () => {
    const again = runPipeline(files, { zone: "UTC", identity: first.identity });
    expect(again.stories.map((s) => s.id)).toEqual(first.stories.map((s) => s.id));
    expect(serializeIdentityState(again.identity)).toBe(serializeIdentityState(first.identity));
    expect(again.stories.find((s) => s.followUpOf)?.followUpOf).toBe(storyOf(first.stories, "000_a5a10f004604d1dd.txt").id);
  });

  it("keeps the ids on a rebuild whose articles no longer carry their raw input (as a build drops it once dated)", () => {
    const dropRaw = (stories: typeof first.stories) => stories.map((s) => ({ ...s, members: s.members.map((m) => ({ ...m, raw: "", context: "" })) }));
    const again = assignStoryIds(dropRaw(runPipeline(files, { zone: "UTC" }).stories), first.identity);
    expect(again.clusters.map((s) => s.id)).toEqual(first.stories.map((s) => s.id));
    expect(new Set(again.state.stories.flatMap((s) => s.members.map((m) => m.hash))).size).toBe(files.length);
  });

  it("falls back to the same deterministic ids when the state file is deleted", () => {
    const a = runPipeline(files, { zone: "UTC", identity: null });
    const b = runPipeline([...files].reverse(), { zone: "UTC" });
    expect(a.stories.map((s) => s.id)).toEqual(first.stories.map((s) => s.id));
    expect(b.stories.map((s) => s.id)).toEqual(first.stories.map((s) => s.id));
  });

  it("recognises a renamed file by its text and an edited file by its path", () => {
    const renamed = files.map((f) => (f.path.startsWith("001") ? { ...f, path: "renamed/001.txt" } : f));
    const edited = files.map((f) => (f.path.startsWith("002") ? { ...f, text: `${f.text}\nThis story has been updated.` } : f));
    const id = storyOf(first.stories, "000_a5a10f004604d1dd.txt").id;
    // Both keep the story's id even with the rest of its articles gone (nothing else to match on).
    const renamedOnly = runPipeline(renamed.filter((f) => f.path === "renamed/001.txt"), { zone: "UTC", identity: first.identity });
    expect(renamedOnly.stories[0]!.id).toBe(id);
    const editedOnly = runPipeline(edited.filter((f) => f.path.startsWith("002")), { zone: "UTC", identity: first.identity });
    expect(editedOnly.stories[0]!.id).toBe(id);
  });
});

describe("assignStoryIds", () => {
  const seeds = seedArticles(join(fixtures, "seeds")).map((s) => s.article);
  const byPrefix = (p: string) => seeds.find((a) => a.path.startsWith(p))!;
  const cluster = (id: string, members: DatedArticle[], followUpOf: string | null = null): StoryCluster => ({ id, members, followUpOf });

  it("keeps both ids on a rebuild when two files that say the same are in two stories (a page saved twice, dated apart)", () => {
    const copy = { ...byPrefix("004"), path: "copy-of-004.txt" };
    // "s-z" sorts after "s-y": a tie between the two stories must not hand the older id to the wrong one.
    const first = assignStoryIds([cluster("s-z", [byPrefix("004")]), cluster("s-y", [copy])], null);
    const again = assignStoryIds([cluster("s-z", [byPrefix("004")]), cluster("s-y", [copy])], first.state);
    expect(again.clusters.map((c) => c.id)).toEqual(first.clusters.map((c) => c.id));
    expect(again.state.next).toBe(first.state.next);
  });

  it("keeps a published article's id when a copy of it arrives under another name, in another story", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("004")])], null);
    const id = one.clusters[0]!.id;
    // The same text saved again later (another file, dated apart): a new story; "s-0" sorts before "s-a".
    const copy = { ...byPrefix("004"), path: "later/copy-of-004.txt" };
    const two = assignStoryIds([cluster("s-0", [copy]), cluster("s-a", [byPrefix("004")])], one.state);
    expect(two.clusters[1]!.id).toBe(id);
    expect(two.clusters[0]!.id).not.toBe(id);
    // With the original gone, the copy is the renamed article and keeps the id.
    expect(assignStoryIds([cluster("s-0", [copy])], one.state).clusters[0]!.id).toBe(id);
  });

  it("keeps the older id when two published stories merge, and records the other", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("001")]), cluster("s-b", [byPrefix("002")])], null);
    const [older, newer] = one.clusters.map((c) => c.id);
    const merged = assignStoryIds([cluster("s-c", [byPrefix("002"), byPrefix("000"), byPrefix("001")])], one.state);
    expect(merged.clusters[0]!.id).toBe(older);
    expect(merged.clusters[0]!.formerIds).toEqual([newer]);
    // The merged-away id is never given out again, and the record of it survives later builds.
    const later = assignStoryIds([cluster("s-b", [byPrefix("004")]), ...merged.clusters], merged.state);
    expect(later.clusters[0]!.id).not.toBe(newer);
    expect(later.clusters.find((c) => c.id === older)!.formerIds).toEqual([newer]);
  });

  it("gives a merged-away story its id back when its articles split off again", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("001")]), cluster("s-b", [byPrefix("002")])], null);
    const [older, newer] = one.clusters.map((c) => c.id);
    const merged = assignStoryIds([cluster("s-c", [byPrefix("002"), byPrefix("000"), byPrefix("001")])], one.state);
    expect(merged.clusters[0]!.formerIds).toEqual([newer]);
    // The article that bridged them is edited: the two stories part again. 002 was published as `newer`;
    // its permalink and feed GUID are that id, so it gets it back, and `older` no longer claims it.
    const apart = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("001")]), cluster("s-b", [byPrefix("002")])], merged.state);
    expect(apart.clusters.map((c) => c.id)).toEqual([older, newer]);
    expect(apart.clusters[0]!.formerIds).toBeUndefined();
    // And a later build that merges them again records it as before.
    const again = assignStoryIds([cluster("s-c", [byPrefix("002"), byPrefix("000"), byPrefix("001")])], apart.state);
    expect(again.clusters[0]!.id).toBe(older);
    expect(again.clusters[0]!.formerIds).toEqual([newer]);
  });

  it("keeps the id of the story that had more articles when two stories first published by one build merge", () => {
    // Cluster order puts the one-article story first; readers knew the three-article one as the story.
    const one = assignStoryIds([cluster("s-a", [byPrefix("000")]), cluster("s-b", [byPrefix("001"), byPrefix("002"), byPrefix("003")])], null);
    const [small, large] = one.clusters.map((c) => c.id);
    const merged = assignStoryIds([cluster("s-c", [byPrefix("000"), byPrefix("001"), byPrefix("002"), byPrefix("003")])], one.state);
    expect(merged.clusters[0]!.id).toBe(large);
    expect(merged.clusters[0]!.formerIds).toEqual([small]);
    // A story published by an earlier build is older whatever its size.
    const first = assignStoryIds([cluster("s-a", [byPrefix("000")])], null);
    const second = assignStoryIds([cluster("s-a", [byPrefix("000")]), cluster("s-b", [byPrefix("001"), byPrefix("002"), byPrefix("003")])], first.state);
    const both = assignStoryIds([cluster("s-c", [byPrefix("000"), byPrefix("001"), byPrefix("002"), byPrefix("003")])], second.state);
    expect(both.clusters[0]!.id).toBe(first.clusters[0]!.id);
  });

  it("keeps a story's own articles under its id when a larger story merged into it parts again", () => {
    // The one-article story was published a build earlier, so it is the older and keeps its id in the merge.
    const zero = assignStoryIds([cluster("s-a", [byPrefix("000")])], null);
    const one = assignStoryIds([cluster("s-a", [byPrefix("000")]), cluster("s-b", [byPrefix("001"), byPrefix("002"), byPrefix("003")])], zero.state);
    const [older, newer] = one.clusters.map((c) => c.id);
    const merged = assignStoryIds([cluster("s-c", [byPrefix("000"), byPrefix("001"), byPrefix("002"), byPrefix("003")])], one.state);
    expect(merged.clusters[0]!.id).toBe(older);
    const apart = assignStoryIds([cluster("s-b", [byPrefix("001"), byPrefix("002"), byPrefix("003")]), cluster("s-a", [byPrefix("000")])], merged.state);
    expect(apart.clusters.map((c) => c.id)).toEqual([newer, older]);
  });

  it("lets the larger part of a split story keep its id, and links follow-ups by the lasting ids", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("001"), byPrefix("002")]), cluster("s-d", [byPrefix("004")], "s-a")], null);
    const id = one.clusters[0]!.id;
    expect(one.clusters[1]!.followUpOf).toBe(id);
    const split = assignStoryIds([cluster("s-x", [byPrefix("002")]), cluster("s-y", [byPrefix("000"), byPrefix("001")]), cluster("s-z", [byPrefix("004")], "s-y")], one.state);
    expect(split.clusters[1]!.id).toBe(id);
    expect(split.clusters[0]!.id).not.toBe(id);
    expect(split.clusters[2]!.id).toBe(one.clusters[1]!.id);
    expect(split.clusters[2]!.followUpOf).toBe(id);
  });

  it("gives a split story's id to the part holding the article whose headline it was published with, of two as large", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("001")])], null);
    const id = one.clusters[0]!.id;
    // Published with 001's headline (the pipeline records it: src/pipeline.ts).
    const state = { ...one.state, stories: one.state.stories.map((r) => ({ ...r, headline: byPrefix("001").title })) };
    expect(byPrefix("000").title).not.toBe(byPrefix("001").title);
    // One against one: "s-a" sorts first, but 001 is in the other part.
    const split = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("002")]), cluster("s-b", [byPrefix("001")])], state);
    expect(split.clusters[1]!.id).toBe(id);
    expect(split.clusters[0]!.id).not.toBe(id);
    // A larger part still wins over the headline.
    const larger = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("003")]), cluster("s-b", [byPrefix("001")])], { ...state, stories: state.stories.map((r) => ({ ...r, members: [...r.members, articleRef(byPrefix("003"))] })) });
    expect(larger.clusters[0]!.id).toBe(id);
  });

  it("gives a split story's id to the part that stays on the day it was published on, even when the other part is larger", () => {
    // Published on 29 May (003 states it) with 003's headline; two later reports (004: a page of 23 June; 000: a
    // weekday only) joined it. The next build parts them: the feed item a reader holds keeps its day and headline.
    const one = assignStoryIds([cluster("s-a", [byPrefix("003"), byPrefix("004"), byPrefix("000")])], null);
    const id = one.clusters[0]!.id;
    const state = { ...one.state, stories: one.state.stories.map((r) => ({ ...r, day: "2025-05-29", headline: byPrefix("003").title })) };
    const split = assignStoryIds([cluster("s-0", [byPrefix("004"), byPrefix("000")]), cluster("s-b", [byPrefix("003")])], state);
    expect(split.clusters[1]!.id).toBe(id);
    expect(split.clusters[0]!.id).not.toBe(id);
    // The later part is a new story; its articles are remembered as having left the one that kept the id.
    expect(split.state.stories.find((r) => r.id === id)!.left!.map((m) => m.path).sort()).toEqual([byPrefix("000").path, byPrefix("004").path]);
    // When both parts would stay on the day (another outlet's copy of 003, stating 29 May, went with the later
    // reports), the larger one keeps the id as before.
    const again = { ...byPrefix("003"), path: "other/003.txt" };
    const both = { ...state, stories: state.stories.map((r) => ({ ...r, members: [...r.members, articleRef(again)] })) };
    const parted = assignStoryIds([cluster("s-0", [byPrefix("003")]), cluster("s-b", [again, byPrefix("000"), byPrefix("004")])], both);
    expect(parted.clusters[1]!.id).toBe(id);
  });

  it("takes a part holding an article nothing dates as leaving the day, and fails on a fault rather than deciding on it", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("003"), byPrefix("004"), byPrefix("000")])], null);
    const id = one.clusters[0]!.id;
    const state = { ...one.state, stories: one.state.stories.map((r) => ({ ...r, day: "2025-05-29", headline: byPrefix("003").title })) };
    // 004 and 000 with no day at all (a build rejects such articles before clustering): their part cannot keep the day.
    const undated = (a: DatedArticle): DatedArticle => ({ ...a, evidence: { date: null, dateSource: null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: null } });
    const split = assignStoryIds([cluster("s-0", [undated(byPrefix("004")), undated(byPrefix("000"))]), cluster("s-b", [byPrefix("003")])], state);
    expect(split.clusters[1]!.id).toBe(id);
    // An article with no date evidence at all is no article of a build: the error is not taken for "leaves the day".
    const broken = { ...byPrefix("004"), evidence: undefined } as unknown as DatedArticle;
    expect(() => assignStoryIds([cluster("s-0", [broken, byPrefix("000")]), cluster("s-b", [byPrefix("003")])], state)).toThrow(TypeError);
  });

  it("leads a split story's permalink to where its other articles went, once its own are all gone", () => {
    // Published with two reports; a third joins one of them and the story splits, one against one: the id
    // stays with one part and the other part, which readers saw under it, becomes a new story.
    const one = assignStoryIds([cluster("s-a", [byPrefix("000"), byPrefix("001")])], null);
    const id = one.clusters[0]!.id;
    const split = assignStoryIds([cluster("s-a", [byPrefix("001")]), cluster("s-b", [byPrefix("000"), byPrefix("002")])], one.state);
    expect(split.clusters[0]!.id).toBe(id);
    const other = split.clusters[1]!.id;
    expect(other).not.toBe(id);
    // The article that kept the id is deleted: the id is not withdrawn (a 404), it leads to the other part.
    const gone = assignStoryIds([cluster("s-b", [byPrefix("000"), byPrefix("002")])], split.state);
    expect(gone.clusters[0]!.id).toBe(other);
    expect(gone.clusters[0]!.formerIds).toEqual([id]);
    // Rebuilt over the same articles, the same ids and state; and the id is never given out again.
    const again = assignStoryIds([cluster("s-b", [byPrefix("000"), byPrefix("002")])], gone.state);
    expect(again.clusters[0]!.formerIds).toEqual([id]);
    expect(serializeIdentityState(again.state)).toBe(serializeIdentityState(gone.state));
    // Should the deleted article come back, its story gets its id back, as a merged-away story does.
    const back = assignStoryIds([cluster("s-a", [byPrefix("001")]), cluster("s-b", [byPrefix("000"), byPrefix("002")])], gone.state);
    expect(back.clusters.map((c) => c.id)).toEqual([id, other]);
    expect(back.clusters[1]!.formerIds).toBeUndefined();
  });

  it("withdraws a story whose articles are all gone when no split sent any elsewhere", () => {
    const one = assignStoryIds([cluster("s-a", [byPrefix("000")]), cluster("s-b", [byPrefix("002")])], null);
    const gone = assignStoryIds([cluster("s-b", [byPrefix("002")])], one.state);
    expect(gone.clusters[0]!.formerIds).toBeUndefined();
    expect(gone.state.stories.map((r) => r.id)).toContain(one.clusters[0]!.id);
  });

  it("reads back what it writes and refuses a damaged state file with a reason", () => {
    const { state } = assignStoryIds([cluster("s-a", [byPrefix("000")])], null);
    const parsed = parseIdentityState(serializeIdentityState(state));
    expect("state" in parsed && (parsed.state as IdentityState).stories[0]!.id).toBe("s-a");
    expect(parseIdentityState("{nope")).toEqual({ error: "not JSON" });
    expect("error" in parseIdentityState(JSON.stringify({ version: 1, next: 1, stories: [{ id: 3 }] }))).toBe(true);
    // What the feeds last published: a story's stamp and what its item showed, and each day's.
    const published = { ...state, stories: [{ ...state.stories[0]!, stamp: "2025-05-29T00:04:24.429Z", shown: "0123456789abcdef" }], days: [{ day: "2025-05-29", stamp: "2025-05-29T00:00:04.000Z", shown: "fedcba9876543210" }] };
    expect(parseIdentityState(serializeIdentityState(published))).toEqual({ state: published });
    expect(parseIdentityState(JSON.stringify({ ...published, days: [{ day: "29 May", stamp: "x", shown: "y" }] }))).toEqual({ error: "a day record is damaged" });
    expect(parseIdentityState(JSON.stringify({ ...published, stories: [{ ...published.stories[0], stamp: 5 }] }))).toEqual({ error: "a story record is damaged" });
  });
});

describe("an article recognised by what it says", () => {
  // State files written by earlier builds hold each member's hash of its headline and paragraphs joined
  // by blank lines: a renamed file keeps its story's id only while the hash is made the same way.
  const texts: Array<{ title: string; paragraphs: string[] }> = [
    { title: "Flood in Valencia", paragraphs: ["Rain fell all night.", "Rivers rose — fast, said «officials» in València. 😀"] },
    { title: "", paragraphs: [] },
    { title: "Only a headline", paragraphs: [] },
    { title: "Half a pair \uD83D", paragraphs: ["\uDE00 the other half", "", "\uDBFF"] },
    { title: "Long", paragraphs: ["ü".repeat(70_000), "😀".repeat(30_000)] },
  ];

  it("hashes the headline and paragraphs joined by blank lines, whatever the characters", () => {
    for (const [k, t] of texts.entries()) {
      const hash = createHash("sha256").update(`${t.title}\n\n${t.paragraphs.join("\n\n")}`).digest("hex").slice(0, 16);
      expect(articleRef({ path: `a${k}.txt`, ...t }).hash).toBe(hash);
    }
  });

  it("keeps a renamed article's story id", () => {
    const article = (path: string): DatedArticle => ({ ...texts[0]!, path, format: "text", raw: "", mtime: new Date(0), meta: {}, context: "", messages: [], evidence: { date: "2024-10-30", pageDate: null, source: "dateline", messages: [] } }) as unknown as DatedArticle;
    const before = assignStoryIds([{ id: "s-old", members: [article("old-name.txt")], followUpOf: null }], null);
    const after = assignStoryIds([{ id: "s-new", members: [article("new-name.txt")], followUpOf: null }], before.state);
    expect(after.clusters[0]!.id).toBe("s-old");
  });
});
