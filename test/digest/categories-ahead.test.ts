// The stories' categories worked out ahead (while the summaries' threads work), read back by the view model.
import { describe, expect, it } from "vitest";
import { buildDigest, categoriesAhead, categoriseArticles, type Categorise } from "../../src/digest/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ArticleMeta, ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, paragraphs: string[], meta: Partial<ArticleMeta> = {}): ResolvedArticle {
  const date = "2025-05-29";
  return {
    path, format: "html", raw: "p", title: `Title of ${path}`, paragraphs, meta: { ...emptyMeta(), ...meta }, context: "", mtime: new Date(0), messages: [],
    evidence: { date, dateSource: "metadata-line", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "metadata-line",
  };
}

const story = (id: string, members: ResolvedArticle[]): Story => ({ id, date: "2025-05-29", title: members[0]!.title, members, summary: ["First sentence."], followUpOf: null });
const lantern = { siteName: "Daily Lantern", url: "https://www.dailylantern.example/news/1" };
const harbour = { siteName: "Harbour Post", url: "https://www.harbourpost.example/news/2" };

describe("categories worked out ahead", () => {
  const stories = [
    story("s-aaaaaaaaaa", [
      member("a.html", ["Officials in Belgrade told the Daily Lantern on Monday that Serbia would answer.", "The European Union asked Serbia to wait."], lantern),
      member("b.html", ["Harbour Post reporters in Belgrade heard that Serbia and Kosovo met in Brussels."], harbour),
    ]),
    story("s-bbbbbbbbbb", [member("c.html", ["The Daily Lantern said Anna Novak of the National Gallery will open the show in Vienna."], lantern)]),
  ];

  it("gives the view model the categories it would have found itself, asking once per story, the outlets left out", async () => {
    const asked: string[][] = [];
    const counting: Categorise = (members, exclude) => {
      asked.push([...exclude]);
      return categoriseArticles(members, exclude);
    };
    const categorise = await categoriesAhead(stories, counting);
    expect(asked).toEqual([["Daily Lantern", "Harbour Post"], ["Daily Lantern"]]);
    const ahead = buildDigest(stories, { zone: "UTC", homeDays: 7, categorise });
    expect(asked).toHaveLength(2);
    const itself = buildDigest(stories, { zone: "UTC", homeDays: 7 });
    expect(ahead).toEqual(itself);
    expect(ahead.model.stories.find((s) => s.id === "s-aaaaaaaaaa")!.categories).toContain("Serbia");
    expect(ahead.model.stories.flatMap((s) => s.categories)).not.toContain("Daily Lantern");
    // A question it was not asked ahead (another story, other outlets) is asked then.
    expect(categorise(stories[1]!.members, [])).toEqual(categoriseArticles(stories[1]!.members, []));
    expect(asked).toHaveLength(3);
  });
});
