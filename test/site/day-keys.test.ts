// A day page shows its leading stories in full and the others as rows (id, permalink, headline, credit),
// and is keyed by just that (src/site/plan.ts rowOf): a new article that gives a row's story a follow-up
// link, say, renders that story's page again but carries its day page over. Held to the templates both
// ways: every other field of a row's story changes nothing on its day and month pages, and each field
// the key holds does.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest, LEAD_STORIES, type DigestModel, type StoryView } from "../../src/digest/index.ts";
import { FRONT_STORIES, renderSite } from "../../src/site/index.ts";
import { renderDirect } from "../../src/site/direct.ts";
import { fileOf, pagesToRender, planSite, rowOf } from "../../src/site/plan.ts";
import { tree } from "./build.ts";
import { defaultConfig } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, date: string, title: string, source: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: [`${title}: the first paragraph says what happened.`], meta: { ...emptyMeta(), source },
    context: "", mtime: new Date(0), messages: [], evidence: { date, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "front-matter",
  };
}

const DAY = "2025-03-14";
/** Leading stories (two outlets each) and rows (one) on one day, and a story a week later. */
function stories(followUp: boolean): Story[] {
  const story = (id: string, date: string, title: string, outlets: string[], extra: Partial<Story> = {}): Story => ({
    id, date, title, members: outlets.map((o, i) => member(`${id}-${i}.md`, date, `${title} (${o})`, o)), summary: [`${title}: what happened.`], followUpOf: null, ...extra,
  });
  const out: Story[] = [];
  for (let i = 0; i < LEAD_STORIES; i++) out.push(story(`s-1${i}00000000`, DAY, `Harbour story number ${i}`, ["Island Times", "Harbour News"]));
  out.push(story("s-2000000000", DAY, "Ferry timetable changes", ["Island Times"]));
  out.push(story("s-2100000000", DAY, "Bakery reopens", ["Harbour News"]));
  out.push(story("s-3000000000", "2025-03-20", "Council meets", ["Island Times", "Harbour News"]));
  if (followUp) out.push(story("s-4000000000", "2025-03-20", "Ferry timetable: the new fares", ["Island Times"], { followUpOf: "s-2000000000" }));
  return out;
}

const fresh = () => mkdtempSync(join(tmpdir(), "digest-day-keys-"));
const dayFile = fileOf(`/${DAY.replaceAll("-", "/")}/`);
const monthFile = fileOf(`/${DAY.slice(0, 7).replace("-", "/")}/`);
const site = { ...defaultConfig, leadStories: LEAD_STORIES, frontStories: FRONT_STORIES };

/** The day and month pages of `model`, rendered as an incremental build renders them. */
async function dayAndMonth(model: DigestModel): Promise<[string, string]> {
  const dir = fresh();
  const plan = planSite(model, "key");
  await renderDirect(dir, { site, model, pages: pagesToRender(plan, new Set([dayFile, monthFile])), search: { merge: [] } }, () => {});
  return [readFileSync(join(dir, dayFile), "utf8"), readFileSync(join(dir, monthFile), "utf8")];
}

const another = { id: "s-9999999999", path: "/stories/s-9999999999/", headline: "Another <story>", date: "2025-03-20" };
/** `value` changed in every string and number in it (a list gains one more). */
function changed(value: unknown): unknown {
  if (typeof value === "string") return `${value} changed`;
  if (typeof value === "number") return value + 7;
  if (value === null) return another;
  if (Array.isArray(value)) return [...value, changed(value[0] ?? another)];
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, changed(v)]));
  return value;
}

describe("day pages keyed by what they show", () => {
  it("carries a day page over when only a row's story gained a follow-up, and writes a cold build's bytes", async () => {
    const before = buildDigest(stories(false)).model;
    const after = buildDigest(stories(true)).model;
    const day = after.days.find((d) => d.date === DAY)!;
    expect(day.stories.findIndex((s) => s.id === "s-2000000000")).toBeGreaterThanOrEqual(LEAD_STORIES);
    expect(after.stories.find((s) => s.id === "s-2000000000")!.followUps).toHaveLength(1);

    const live = fresh();
    const first = await renderSite({ outputDir: live, config: defaultConfig, model: before });
    const next = fresh();
    await renderSite({ outputDir: next, config: defaultConfig, model: after, previous: { dir: live, state: first.state } });
    const cold = fresh();
    await renderSite({ outputDir: cold, config: defaultConfig, model: after });
    expect(tree(next)).toEqual(tree(cold));
    // The day page is the live file itself (carried over); the story's own page was rendered again.
    expect(statSync(join(next, dayFile)).ino).toBe(statSync(join(live, dayFile)).ino);
    expect(statSync(join(next, "stories/s-2000000000/index.html")).ino).not.toBe(statSync(join(live, "stories/s-2000000000/index.html")).ino);
    expect(readFileSync(join(next, "stories/s-2000000000/index.html"), "utf8")).toContain("Followed up by");
  });

  it("shows of a row's story only what rowOf holds, on its day page and its month page", async () => {
    const model = buildDigest(stories(true)).model;
    const rowIndex = model.days.find((d) => d.date === DAY)!.stories.findIndex((s) => s.id === "s-2000000000");
    expect(rowIndex).toBeGreaterThanOrEqual(LEAD_STORIES);
    const pages = await dayAndMonth(model);
    const row = model.days.find((d) => d.date === DAY)!.stories[rowIndex]!;
    const shown = new Set(["id", "path", "headline", "credit", "language"]);
    expect(rowOf(row)).toEqual([row.id, row.path, row.headline, row.credit, row.language.lang, row.language.dir]);
    for (const field of Object.keys(row) as Array<keyof StoryView>) {
      const copy = structuredClone(model);
      const story = copy.days.find((d) => d.date === DAY)!.stories[rowIndex]!;
      (story as unknown as Record<string, unknown>)[field] = changed(story[field]);
      const [dayPage, monthPage] = await dayAndMonth(copy);
      if (shown.has(field)) expect(dayPage, field).not.toBe(pages[0]);
      else expect([field, dayPage, monthPage]).toEqual([field, ...pages]);
    }
  });
});
