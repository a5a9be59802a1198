// The view model and its Markdown rendering: what a reader sees of each day and story.
import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { DateTime, Settings } from "luxon";
import { escapeMarkdown, safeUrl } from "../../src/digest/markdown-escape.ts";
import { buildDigest } from "../../src/digest/index.ts";
import { creditLine, revision } from "../../src/digest/model.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import { cleanSource } from "../../src/clean/index.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleMeta, ResolvedArticle, Story } from "../../src/types.ts";

const md = new MarkdownIt({ html: false });

function member(path: string, date: string, meta: Partial<ArticleMeta> = {}, title = `Title of ${path}`): ResolvedArticle {
  return {
    path, format: "html", raw: "p", title, paragraphs: ["Officials in Belgrade said on Monday that the Serbian government would answer."], meta: { ...emptyMeta(), ...meta }, context: "", mtime: new Date(0), messages: [],
    evidence: { date, dateSource: "metadata-line", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "metadata-line",
  };
}

function story(id: string, date: string, members: ResolvedArticle[], extra: Partial<Story> = {}): Story {
  return { id, date, title: members[0]!.title, members, summary: ["First sentence.", "Second one."], followUpOf: null, ...extra };
}

const outlet = (name: string, host: string) => ({ siteName: name, url: `https://www.${host}/news/1` });

describe("Markdown escaping", () => {
  it("renders hostile article text as text, never as markup", () => {
    const hostile = `<script>alert(1)</script> *bold* [link](javascript:alert(1)) <img src=x onerror=alert(2)> {#s-0123456789} & 1. # x`;
    const html = md.render(`${escapeMarkdown(hostile)}\n`);
    expect(html).not.toMatch(/<script|<img|<a |<em>|<strong>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("*bold*");
    expect(html).toContain("&amp; 1. # x");
  });

  it("keeps a heading that starts like a list or a heading as plain text", () => {
    expect(md.render(escapeMarkdown("1. Not a list"))).toBe("<p>1. Not a list</p>\n");
    expect(md.render(escapeMarkdown("# Not a heading"))).toBe("<p># Not a heading</p>\n");
    expect(md.render(escapeMarkdown("- not a bullet"))).toBe("<p>- not a bullet</p>\n");
  });

  it("only links http(s) URLs", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("https://example.org/a (b)")).toBeNull();
    expect(safeUrl("https://example.org/a_(b)")).toBe("https://example.org/a_%28b%29");
  });
});

describe("the view model", () => {
  const may = story("s-aaaaaaaaaa", "2025-05-29", [
    member("a.html", "2025-05-29", outlet("Daily Lantern", "dailylantern.example"), "Serbia accused of arms sales | Daily Lantern"),
    member("b.html", "2025-05-29", outlet("Harbour Post", "harbourpost.example")),
    member("c.txt", "2025-05-29"),
  ]);
  const mayBrief = story("s-cccccccccc", "2025-05-29", [member("d.html", "2025-05-29", outlet("Harbour Post", "harbourpost.example"))]);
  const june = story("s-bbbbbbbbbb", "2025-06-23", [member("e.html", "2025-06-23", outlet("Daily Lantern", "dailylantern.example"))], { followUpOf: "s-aaaaaaaaaa" });
  const { model } = buildDigest([june, mayBrief, may], { zone: "UTC", homeDays: 7 });
  const byId = new Map(model.stories.map((s) => [s.id, s]));

  it("links a source without the campaign tags its feed added", () => {
    const tagged = story("s-dddddddddd", "2025-05-29", [member("f.html", "2025-05-29", { siteName: "Daily Lantern", url: "https://www.dailylantern.example/news/2?id=7&utm_source=rss&utm_medium=feed" })]);
    const view = buildDigest([tagged], { zone: "UTC", homeDays: 7 }).model.stories[0]!;
    expect(view.sources.map((s) => s.url)).toEqual(["https://www.dailylantern.example/news/2?id=7"]);
  });

  it("credits each source as outlet, URL and headline, the headline without its site-name suffix", () => {
    const view = byId.get("s-aaaaaaaaaa")!;
    expect(view.headline).toBe("Serbia accused of arms sales");
    expect(view.sources).toEqual([
      { path: "a.html", outlet: "Daily Lantern", label: "Daily Lantern", url: "https://www.dailylantern.example/news/1", headline: "Serbia accused of arms sales", language: { lang: null, dir: null }, date: "2025-05-29" },
      { path: "b.html", outlet: "Harbour Post", label: "Harbour Post", url: "https://www.harbourpost.example/news/1", headline: "Title of b.html", language: { lang: null, dir: null }, date: "2025-05-29" },
      { path: "c.txt", outlet: null, label: "Unknown outlet", url: null, headline: "Title of c.txt", language: { lang: null, dir: null }, date: "2025-05-29" },
    ]);
    expect(view.breadth).toBe(3);
    expect(view.credit).toBe("Daily Lantern, Harbour Post and 1 other source");
  });

  it("lists two copies of one article (same outlet, address and headline) once, and keeps both in the sources the report reads", () => {
    const copies = story("s-dddddddddd", "2025-05-29", [
      member("copy-1.html", "2025-05-29", outlet("Harbour Post", "harbourpost.example"), "Ferry strike ends"),
      member("copy-2.html", "2025-05-29", outlet("Harbour Post", "harbourpost.example"), "Ferry strike ends"),
      member("other.html", "2025-05-29", outlet("Daily Lantern", "dailylantern.example"), "Ferry strike ends"),
    ]);
    const view = buildDigest([copies], { zone: "UTC", homeDays: 7 });
    const [only] = view.model.stories;
    expect(only!.sources.map((s) => s.path)).toEqual(["copy-1.html", "copy-2.html", "other.html"]);
    expect(only!.listed.map((s) => s.path)).toEqual(["copy-1.html", "other.html"]);
    expect(view.files[0]!.markdown.match(/^- Harbour Post:/gm)).toHaveLength(1);
  });

  it("links a follow-up to the earlier story and the earlier story forward to it", () => {
    expect(byId.get("s-bbbbbbbbbb")!.followUpOf).toEqual({ id: "s-aaaaaaaaaa", headline: "Serbia accused of arms sales", date: "2025-05-29", path: "/stories/s-aaaaaaaaaa/" });
    expect(byId.get("s-aaaaaaaaaa")!.followUps).toEqual([{ id: "s-bbbbbbbbbb", headline: "Title of e.html", date: "2025-06-23", path: "/stories/s-bbbbbbbbbb/" }]);
  });

  it("gives each story a permalink by id alone, never by date", () => {
    expect(byId.get("s-aaaaaaaaaa")!.path).toBe("/stories/s-aaaaaaaaaa/");
    expect(byId.get("s-aaaaaaaaaa")!.dayPath).toBe("/2025/05/29/");
  });

  it("ranks a day's stories by how many outlets covered them, whatever the input order", () => {
    expect(model.days.map((d) => [d.date, d.stories.map((s) => [s.id, s.rank])])).toEqual([
      ["2025-06-23", [["s-bbbbbbbbbb", 1]]],
      ["2025-05-29", [["s-aaaaaaaaaa", 1], ["s-cccccccccc", 2]]],
    ]);
    const again = buildDigest([may, mayBrief, june], { zone: "UTC", homeDays: 7 });
    expect(JSON.stringify(again.model)).toBe(JSON.stringify(model));
  });

  it("puts a story covered by three outlets a few weeks ago below the newest day's one-outlet story, but above older one-outlet stories", () => {
    expect(model.front.map((s) => s.id)).toEqual(["s-bbbbbbbbbb", "s-aaaaaaaaaa", "s-cccccccccc"]);
    const sameDay = buildDigest([may, story("s-dddddddddd", "2025-05-29", [member("f.txt", "2025-05-29")])], { zone: "UTC", homeDays: 7 });
    expect(sameDay.model.front.map((s) => s.id)).toEqual(["s-aaaaaaaaaa", "s-dddddddddd"]);
  });

  it("moves a story's and its day's `updated` when a source joins, even one from the same day, and never uses the clock", () => {
    const grown = story("s-aaaaaaaaaa", "2025-05-29", [...may.members, member("g.html", "2025-05-29", outlet("Island Times", "islandtimes.example"))]);
    const after = buildDigest([june, mayBrief, grown], { zone: "UTC", homeDays: 7 }).model;
    const before = model;
    const find = (m: typeof model, id: string) => m.stories.find((s) => s.id === id)!;
    expect(find(after, "s-aaaaaaaaaa").updated > find(before, "s-aaaaaaaaaa").updated).toBe(true);
    expect(after.days[1]!.updated > before.days[1]!.updated).toBe(true);
    expect(find(after, "s-aaaaaaaaaa").published).toBe("2025-05-29T00:00:00.000Z");
    expect(find(after, "s-cccccccccc").updated).toBe(find(before, "s-cccccccccc").updated);
  });

  it("never gives two stories of a day the same `updated`", () => {
    const many = Array.from({ length: 40 }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, "2025-05-29", [member(`${i}.txt`, "2025-05-29")]));
    const updated = buildDigest(many).model.stories.map((s) => s.updated);
    expect(new Set(updated).size).toBe(40);
    expect(updated.every((u) => u.startsWith("2025-05-29T"))).toBe(true);
  });

  it("gives the same feed dates whatever the files' times: a checkout or copy on the story's own day moves none", () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).toJSDate();
    const written = (iso: string) => Array.from({ length: 40 }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, "2025-05-29", [{ ...member(`${i}.txt`, "2025-05-29"), mtime: at(iso) }]));
    const early = buildDigest(written("2025-05-29T03:00:00Z"), { zone: "UTC", homeDays: 7 }).model;
    const late = buildDigest(written("2025-06-12T17:45:00Z"), { zone: "UTC", homeDays: 7 }).model;
    expect(new Set(early.stories.map((s) => s.updated)).size).toBe(40);
    expect(early.stories.map((s) => s.updated)).toEqual(late.stories.map((s) => s.updated));
    expect(early.days[0]!.updated).toBe(late.days[0]!.updated);
  });

  it("moves a story's and its day's `updated` to the change its feed stated when an article is saved again corrected", () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).toJSDate();
    const first = { ...member("a.html", "2025-05-29", outlet("Daily Lantern", "dailylantern.example"), "Ferry strike called off"), mtime: at("2025-05-30T08:00:00Z"), meta: { ...emptyMeta(), changed: "2025-05-29T09:00:00+02:00" } };
    const fixed = { ...first, title: "Ferry strike called off after pay deal", mtime: at("2025-05-31T10:05:00Z"), meta: { ...first.meta, changed: "2025-05-31T12:00:00+02:00" } };
    const other = story("s-cccccccccc", "2025-05-29", [{ ...member("d.html", "2025-05-29"), mtime: at("2025-05-30T08:00:00Z") }]);
    const before = buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [first]), other], { zone: "UTC", homeDays: 7 }).model;
    const after = buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [fixed]), other], { zone: "UTC", homeDays: 7 }).model;
    const find = (m: typeof model, id: string) => m.stories.find((s) => s.id === id)!;
    expect(find(before, "s-aaaaaaaaaa").updated < "2025-05-30T00:00:00.000Z").toBe(true);
    expect(find(after, "s-aaaaaaaaaa").updated).toBe("2025-05-31T10:00:00.000Z");
    // The day holds two sources: the correction plus a second for the one past the first.
    expect(after.days[0]!.updated).toBe("2025-05-31T10:00:01.000Z");
    expect(find(after, "s-cccccccccc").updated).toBe(find(before, "s-cccccccccc").updated);
    // The same inputs again: the same bytes. A change stated after the file was written cannot have happened.
    expect(JSON.stringify(buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [fixed]), other], { zone: "UTC", homeDays: 7 }).model)).toBe(JSON.stringify(after));
    const unstated = find(buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [{ ...fixed, meta: emptyMeta() }]), other], { zone: "UTC", homeDays: 7 }).model, "s-aaaaaaaaaa").updated;
    const impossible = { ...fixed, meta: { ...fixed.meta, changed: "2025-06-02T12:00:00Z" } };
    expect(find(buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [impossible]), other], { zone: "UTC", homeDays: 7 }).model, "s-aaaaaaaaaa").updated).toBe(unstated);
    expect(unstated < "2025-05-30T00:00:00.000Z").toBe(true);
  });

  it("moves a corrected story's `updated` on when a source joins, as an uncorrected one's", () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).toJSDate();
    const fixed = { ...member("a.html", "2025-05-29", outlet("Daily Lantern", "dailylantern.example")), mtime: at("2025-05-31T10:05:00Z"), meta: { ...emptyMeta(), changed: "2025-05-31T12:00:00+02:00" } };
    const joining = { ...member("b.html", "2025-05-29", outlet("Harbour Post", "harbourpost.example")), mtime: at("2025-05-30T08:00:00Z") };
    const alone = buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [fixed])], { zone: "UTC", homeDays: 7 }).model;
    const joined = buildDigest([story("s-aaaaaaaaaa", "2025-05-29", [fixed, joining])], { zone: "UTC", homeDays: 7 }).model;
    expect(alone.stories[0]!.updated).toBe("2025-05-31T10:00:00.000Z");
    expect(joined.stories[0]!.updated).toBe("2025-05-31T10:00:01.000Z");
    expect(joined.days[0]!.updated > alone.days[0]!.updated).toBe(true);
  });

  it("reads a stated correction as the date stage reads a time: without an offset in the site's zone, whatever the machine's", () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).toJSDate();
    const fixed = (changed: string) => story("s-aaaaaaaaaa", "2025-05-29", [{ ...member("a.html", "2025-05-29"), mtime: at("2025-05-31T23:00:00Z"), meta: { ...emptyMeta(), changed } }]);
    const stamp = (changed: string, machine: string) => {
      const before = Settings.defaultZone;
      Settings.defaultZone = machine;
      try {
        return buildDigest([fixed(changed)], { zone: "Europe/Belgrade", homeDays: 7 }).model.stories[0]!.updated;
      } finally {
        Settings.defaultZone = before;
      }
    };
    // 12:00 in Belgrade (UTC+2 in May) on any machine, not 12:00 where the build happens to run.
    for (const machine of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) expect(stamp("2025-05-31T12:00:00", machine), machine).toBe("2025-05-31T10:00:00.000Z");
    // A zone named as RFC 2822 names it is that offset.
    expect(stamp("Sat, 31 May 2025 12:00:00 EDT", "Pacific/Kiritimati")).toBe("2025-05-31T16:00:00.000Z");
    // A bare day states no moment, as for a published date: the stamp stays where the story's own day put it.
    const bare = stamp("2025-05-31", "America/Los_Angeles");
    expect(bare < "2025-05-30T00:00:00.000Z").toBe(true);
    expect(stamp("2025-05-31", "UTC")).toBe(bare);
  });

  it("never stamps a story after the newest moment its articles state: a build that morning shows no time still to come", () => {
    const stated = (date: string) => Array.from({ length: 40 }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, "2025-05-29", [member(`${i}.html`, "2025-05-29", { date })]));
    const morning = buildDigest(stated("2025-05-29T11:00:00+02:00"), { zone: "UTC", homeDays: 7 }).model;
    const updated = morning.stories.map((s) => s.updated);
    // Published 09:00 UTC: every stamp between the day's start and 09:00 plus a second for its one source.
    expect(updated.every((u) => u >= "2025-05-29T00:00:00.000Z" && u <= "2025-05-29T09:00:01.000Z")).toBe(true);
    expect(new Set(updated).size).toBe(40);
    // Stating 09:00 never puts a story before the slot a bare day gives it (in the day's first minutes).
    const bare = buildDigest(stated("2025-05-29"), { zone: "UTC", homeDays: 7 }).model;
    expect(bare.stories.every((s) => s.updated <= "2025-05-29T00:15:00.000Z")).toBe(true);
    for (const s of bare.stories) expect(morning.stories.find((m) => m.id === s.id)!.updated > s.updated).toBe(true);
    // Midnight is how a bare day is often written out: it states no time and holds nothing.
    expect(buildDigest(stated("2025-05-29T00:00:00Z"), { zone: "UTC", homeDays: 7 }).model.stories.map((s) => s.updated)).toEqual(bare.stories.map((s) => s.updated));
  });

  it("reads the stated time as the date stage does: without separators, whole seconds, and the time a fetched page's feed stated", () => {
    const stamps = (meta: Partial<ArticleMeta>) => buildDigest(Array.from({ length: 20 }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, "2025-05-29", [member(`${i}.html`, "2025-05-29", meta)])), { zone: "UTC", homeDays: 7 }).model.stories.map((s) => s.updated);
    const nine = stamps({ date: "2025-05-29T09:00:00Z" });
    const bare = stamps({});
    expect(nine.every((u) => u > "2025-05-29T00:00:00.000Z" && u <= "2025-05-29T09:00:01.000Z")).toBe(true);
    expect(bare.every((u) => u <= "2025-05-29T00:15:00.000Z")).toBe(true);
    expect(nine).not.toEqual(bare);
    expect(stamps({ date: "20250529T090000Z" })).toEqual(nine);
    expect(stamps({ date: "2025-05-29T09:00:00.900Z" })).toEqual(nine);
    // A fetched page that states no time of its own: the time its feed gave the item holds the stamp as
    // the page's own would, not in the day's first minutes as for a bare day.
    expect(stamps({ feedDate: "2025-05-29T11:00:00+02:00" })).toEqual(nine);
    expect(stamps({ feedDate: "2025-05-29" })).toEqual(bare);
    // The newer of the two holds it; a feed date written on another day says nothing of this one.
    expect(stamps({ date: "2025-05-29T06:00:00Z", feedDate: "2025-05-29T09:00:00Z" })).toEqual(nine);
    expect(stamps({ date: "2025-05-29T09:00:00Z", feedDate: "2025-05-29T06:00:00Z" })).toEqual(nine);
    expect(stamps({ feedDate: "2025-05-28T09:00:00Z" })).toEqual(bare);
  });

  it("still moves a held story on when a source joins, whether it states an earlier or a later time", () => {
    const id = "s-0000000007";
    const first = member("a.html", "2025-05-29", { date: "2025-05-29T06:30:00Z" });
    const stamp = (members: ResolvedArticle[]) => buildDigest([story(id, "2025-05-29", members)], { zone: "UTC", homeDays: 7 }).model.stories[0]!.updated;
    const one = stamp([first]);
    const earlier = stamp([first, member("b.html", "2025-05-29", { date: "2025-05-29T05:00:00Z" })]);
    const later = stamp([first, member("b.html", "2025-05-29", { date: "Thu, 29 May 2025 07:45:00 +0000" })]);
    expect(one <= "2025-05-29T06:30:01.000Z").toBe(true);
    expect(earlier > one && earlier <= "2025-05-29T06:30:02.000Z").toBe(true);
    expect(later > earlier && later <= "2025-05-29T07:45:02.000Z").toBe(true);
    // An article dated only by its file's time: that time is the one it states (its day moves with it anyway).
    const copied = { ...member("c.txt", "2025-05-29"), dateSource: "file-mtime" as const, mtime: DateTime.fromISO("2025-05-29T06:30:00Z", { zone: "utc" }).toJSDate() };
    expect(stamp([copied]) <= "2025-05-29T06:30:01.000Z").toBe(true);
    // A published time written on another day than the article's says nothing of this day.
    expect(stamp([member("a.html", "2025-05-29", { date: "2025-05-20T06:30:00Z" })])).toBe(stamp([member("a.html", "2025-05-29")]));
  });

  it("stamps a story whose articles state no time of day in its day's first minutes in the site's zone, all apart", () => {
    // 300 stories of one day (more than a second for each of the first ten minutes' slots could hold apart by chance).
    const day = (n: number, date: string) => Array.from({ length: n }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, date, [member(`${i}.txt`, date), member(`${i}b.txt`, date)]));
    for (const zone of ["UTC", "Europe/Belgrade", "Pacific/Kiritimati"]) {
      const { model } = buildDigest(day(300, "2025-05-29"), { zone, homeDays: 7 });
      const start = DateTime.fromISO("2025-05-29", { zone }).toMillis();
      const into = model.stories.map((s) => Date.parse(s.updated) - start);
      // Never before the day's start plus a second per source, never after 00:15 of the day where the site is.
      expect(Math.min(...into)).toBeGreaterThanOrEqual(2000);
      expect(Math.max(...into)).toBeLessThanOrEqual(15 * 60_000);
      // No two share a second (an RSS date's precision).
      expect(new Set(model.stories.map((s) => s.updated.slice(0, 19))).size).toBe(300);
    }
    // The same stories in any order: the same stamps.
    const once = buildDigest(day(300, "2025-05-29")).model.stories.map((s) => [s.id, s.updated]).sort();
    const reversed = buildDigest(day(300, "2025-05-29").reverse()).model.stories.map((s) => [s.id, s.updated]).sort();
    expect(reversed).toEqual(once);
  });

  it("still moves a bare-day story on when a source joins, bare or stating a time later than its slot", () => {
    const id = "s-0000000007";
    const stamp = (members: ResolvedArticle[]) => buildDigest([story(id, "2025-05-29", members)], { zone: "UTC", homeDays: 7 }).model.stories[0]!.updated;
    const one = stamp([member("a.html", "2025-05-29")]);
    const two = stamp([member("a.html", "2025-05-29"), member("b.html", "2025-05-29")]);
    const stating = stamp([member("a.html", "2025-05-29"), member("b.html", "2025-05-29", { date: "2025-05-29T16:20:00Z" })]);
    expect(one <= "2025-05-29T00:10:01.000Z").toBe(true);
    expect(two > one && two <= "2025-05-29T00:10:02.000Z").toBe(true);
    expect(stating > one && stating <= "2025-05-29T16:20:02.000Z").toBe(true);
  });

  it("keeps stories that state one moment apart by the second, never after that moment", () => {
    const stated = Array.from({ length: 200 }, (_, i) => story(`s-${String(i).padStart(10, "0")}`, "2025-05-29", [member(`${i}.html`, "2025-05-29", { date: "2025-05-29T09:00:00Z" })]));
    const updated = buildDigest(stated, { zone: "UTC", homeDays: 7 }).model.stories.map((s) => s.updated);
    expect(new Set(updated.map((u) => u.slice(0, 19))).size).toBe(200);
    expect(updated.every((u) => u >= "2025-05-29T00:00:00.000Z" && u <= "2025-05-29T09:00:01.000Z")).toBe(true);
  });

  it("dates revisions in the configured zone", () => {
    const sources = [{ path: "a", outlet: null, label: "x", url: null, headline: "h", date: "2025-05-29" }];
    expect(revision(sources, "Europe/Belgrade")).toBe("2025-05-28T22:00:01.000Z");
  });

  it("sends an id from an earlier build to the story that now has it", () => {
    const merged = { ...june, formerIds: ["s-0000000001", "s-aaaaaaaaaa"] };
    const m = buildDigest([merged, may]).model;
    expect(m.redirects).toEqual([{ id: "s-0000000001", path: "/stories/s-0000000001/", to: { id: "s-bbbbbbbbbb", headline: "Title of e.html", date: "2025-06-23", path: "/stories/s-bbbbbbbbbb/" } }]);
  });

  it("counts outlets across stories for the about page, and the stories with an unnamed source", () => {
    expect(model.outlets).toEqual([
      { name: "Daily Lantern", stories: 2 },
      { name: "Harbour Post", stories: 2 },
    ]);
    expect(model.storiesWithUnnamed).toBe(1);
  });

  it("says who covered a story in one short line", () => {
    const src = (label: string) => ({ path: label, outlet: label === "Unknown outlet" ? null : label, label, url: null, headline: "h", language: { lang: null, dir: null }, date: "2025-01-01" });
    expect(creditLine([src("BBC News")])).toBe("BBC News");
    expect(creditLine([src("A"), src("B")])).toBe("A and B");
    expect(creditLine([src("Unknown outlet"), src("Unknown outlet")])).toBe("2 sources, outlets unknown");
    expect(creditLine([src("A"), src("B"), src("C"), src("D"), src("Unknown outlet")])).toBe("A, B, C and 2 other sources");
    // One named outlet left over is named, not hidden behind "1 other source".
    expect(creditLine([src("A"), src("B"), src("C"), src("D")])).toBe("A, B, C and D");
    expect(creditLine([src("A"), src("B"), src("C"), src("Unknown outlet")])).toBe("A, B, C and 1 other source");
  });

  it("names what a story is about, from its articles' prose", () => {
    const about = story("s-eeeeeeeeee", "2025-05-29", [
      { ...member("x.txt", "2025-05-29"), paragraphs: ["Russia on Thursday accused Serbia of selling arms to Ukraine.", "The Russian statement said Serbia had shipped shells through the Czech Republic."] },
      { ...member("y.txt", "2025-05-29"), paragraphs: ["On Thursday Moscow said Serbia was selling arms to Ukraine via the Czech Republic."] },
    ]);
    expect(buildDigest([about]).model.stories[0]!.categories).toEqual(["Serbia", "Ukraine", "Czech Republic"]);
  });

  it("never leads a day or the front page with a story whose day is only its files' time (no article states one)", () => {
    const fromFiles = (path: string, host: string) => ({ ...member(path, "2025-05-29", outlet(host, `${host}.example`)), dateSource: "file-mtime" as const });
    const undated = story("s-1111111111", "2025-05-29", [fromFiles("u1.txt", "Alpha"), fromFiles("u2.txt", "Beta"), fromFiles("u3.txt", "Gamma")]);
    const stated = story("s-2222222222", "2025-05-29", [member("d.html", "2025-05-29", outlet("Delta", "delta.example"))]);
    const { model } = buildDigest([undated, stated], { zone: "UTC", homeDays: 7 });
    expect(model.days[0]!.stories.map((s) => s.id)).toEqual(["s-2222222222", "s-1111111111"]);
    expect(model.front.map((s) => s.id)).toEqual(["s-2222222222", "s-1111111111"]);
  });

  it("does not take an article's byline line for what the story is about", () => {
    // The soak's pages: a "By Staff Reporter" paragraph above the prose gave "Staff Reporter UK" (stop 51).
    const bylined = story("s-ffffffffff", "2025-05-29", [
      { ...member("x.html", "2025-05-29"), paragraphs: ["By Staff Reporter", "UK regulators on Thursday fined Barclays over its handling of complaints.", "The fine is the largest Barclays has faced."] },
      { ...member("y.html", "2025-05-29"), paragraphs: ["By Staff Reporter", "Barclays was fined by UK regulators over complaints."] },
    ]);
    const categories = buildDigest([bylined]).model.stories[0]!.categories;
    expect(categories).toContain("Barclays");
    expect(categories.filter((c) => /Staff|Reporter/.test(c))).toEqual([]);
  });
});

describe("daily digests in Markdown", () => {
  const may = story("s-aaaaaaaaaa", "2025-05-29", [member("a.html", "2025-05-29", outlet("Daily Lantern", "dailylantern.example"), "Serbia <accused> of *arms* sales"), member("c.txt", "2025-05-29")]);
  const june = story("s-bbbbbbbbbb", "2025-06-23", [member("e.html", "2025-06-23")], { followUpOf: "s-aaaaaaaaaa" });
  const files = buildDigest([may, june]).files;

  it("writes one file per day, newest first, listing its story ids in front matter", () => {
    expect(files.map((f) => f.fileName)).toEqual(["2025-06-23.md", "2025-05-29.md"]);
    expect(files[1]!.markdown).toMatch(/^---\ndate: 2025-05-29\ntitle: "Digest for Thursday 29 May 2025"\nstories:\n {2}- s-aaaaaaaaaa\n---\n/);
  });

  it("gives each story its headline, summary, every source as outlet and linked headline, and its permalink", () => {
    const html = md.render(files[1]!.markdown.replace(/^---[\s\S]*?---\n/, ""));
    expect(html).toContain("<h2>Serbia &lt;accused&gt; of *arms* sales {#s-aaaaaaaaaa}</h2>");
    expect(html).toContain("<p>First sentence. Second one.</p>");
    expect(html).toContain('<li>Daily Lantern: <a href="https://www.dailylantern.example/news/1">Serbia &lt;accused&gt; of *arms* sales</a></li>');
    expect(html).toContain("<li>Unknown outlet: Title of c.txt</li>");
    expect(html).toContain('<a href="/stories/s-aaaaaaaaaa/">/stories/s-aaaaaaaaaa/</a>');
  });

  it("links follow-ups both ways by permalink", () => {
    expect(files[0]!.markdown).toContain("Follow-up to [Serbia \\<accused\\> of \\*arms\\* sales](/stories/s-aaaaaaaaaa/)");
    expect(files[1]!.markdown).toContain("Followed up by [Title of e.html](/stories/s-bbbbbbbbbb/)");
  });

  it("is byte-identical when built again", () => {
    expect(buildDigest([june, may]).files).toEqual(files);
  });

  it("keeps a headline's and an outlet's bidi controls within them: an outlet's open U+202E no longer turns the headline after it", () => {
    const file = join(import.meta.dirname, "../fixtures/feed-bidi/election.md");
    const clean = cleanSource({ path: "election.md", format: "markdown", text: readFileSync(file, "utf8"), encoding: "utf-8", mtime: new Date(0) });
    const election: ResolvedArticle = { ...clean, evidence: { date: "2025-03-14", dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-14" }, date: "2025-03-14", dateSource: "front-matter" };
    expect(election.title).toBe("Election \u202eresults announced in the capital");
    const markdown = buildDigest([story("s-cccccccccc", "2025-03-14", [election])]).files[0]!.markdown;
    expect(markdown).toContain("## \u2068Election \u202eresults announced in the capital\u202c\u2069 {#s-cccccccccc}\n");
    expect(markdown).toContain("- \u2068Harbour \u202ePost\u202c\u2069: \u2068Election \u202eresults announced in the capital\u202c\u2069\n");
    // No line leaves an embedding or override open.
    for (const line of markdown.split("\n")) expect((line.match(/[\u202a\u202b\u202d\u202e]/g) ?? []).length, line).toBe((line.match(/\u202c/g) ?? []).length);
  });
});
