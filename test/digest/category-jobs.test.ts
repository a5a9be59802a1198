// A story's categories found with its summary on the summary threads are the ones the view model would
// find itself; a story whose names were not found there (no tag, a paragraph with a newline, more
// outlets left out than were allowed for) has them found as before.
import { describe, expect, it } from "vitest";
import { categoriseArticles, keepNames, namesOfTexts, namesWanted, tagStoryInputs } from "../../src/digest/index.ts";
import { candidateNames, pickCategories, storyCategories } from "../../src/digest/categories.ts";
import { summariseAll } from "../../src/parallel/summaries.ts";
import type { SummaryJob } from "../../src/cache/summaries.ts";

const story = (k: number) =>
  [
    ["Talks in Belgrade ended on Monday.", `Officials from Serbia and the European Commission met at the National Gallery ${k}.`, "Reuters said Kosovo was not there."],
    ["The European Commission said Serbia had agreed.", "Reuters reported that Kosovo was not at the table, the BBC said.", `The Acme Group paid ${k} euros.`],
  ].map((paragraphs, i) => ({ path: `s${k}-${i}.txt`, title: `Serbia talks ${k}`, paragraphs }));
const prose = (members: ReturnType<typeof story>) => members.map((m) => m.paragraphs.slice(0, 6).join("\n"));

describe("categories found with the summaries", () => {
  it("pick, for any outlets left out up to the spare ones, what categoriseArticles picks", () => {
    const members = story(1);
    const names = candidateNames(members.map((m) => m.paragraphs), members.length);
    expect(names.length).toBeGreaterThan(3);
    for (const exclude of [[], ["Serbia"], ["European Commission", "serbia"], ["BBC", "Kosovo"], ["Nobody"]]) {
      expect(pickCategories(names, members.length, exclude)).toEqual(storyCategories(prose(members), exclude));
    }
    // More outlets left out than there are spare names: not answered here.
    expect(pickCategories(names, 1, ["Serbia", "Kosovo"])).toBeNull();
    // From the summary job's texts (the paragraphs joined by newlines), the same names.
    expect(namesOfTexts(members.map((m) => m.paragraphs.join("\n")), 2)).toEqual(names);
  });

  it("come back from the threads with the summaries, and the view model takes them", async () => {
    const stories = Array.from({ length: 40 }, (_, k) => story(k));
    const jobs = stories.map((members) => (): SummaryJob => {
      const inputs = members.map((m) => ({ title: m.title, text: m.paragraphs.join("\n") }));
      tagStoryInputs(inputs, members);
      return { inputs };
    });
    const expected = stories.map((members) => categoriseArticles(members, ["BBC"]));
    expect(expected[3]).toEqual(["Serbia", "European Commission", "Kosovo"]);
    await summariseAll(jobs, { workers: 2, minParallel: 0 });
    // The prose is gone: only names found on the threads can answer.
    for (const members of stories) for (const m of members) m.paragraphs = [];
    expect(stories.map((members) => categoriseArticles(members, ["BBC"]))).toEqual(expected);
    // Left out more outlets than the story has members: found again (from the prose, empty now).
    expect(categoriseArticles(stories[0]!, ["BBC", "Serbia", "Kosovo"])).toEqual([]);
  });

  it("are not asked for when the inputs are not a story's, or a paragraph read holds a newline", () => {
    const members = story(1);
    expect(namesWanted([{ title: "", text: "" }])).toBeNull();
    const inputs = members.map((m) => ({ title: m.title, text: m.paragraphs.join("\n") }));
    tagStoryInputs(inputs, members);
    expect(namesWanted(inputs)).toBe(2);
    members[1]!.paragraphs[0] = "The European Commission\nsaid Serbia had agreed.";
    expect(namesWanted(inputs)).toBeNull();
    // Names kept for a story answer its categories (here a stand-in that no prose has).
    keepNames(inputs, ["Stand In", "Serbia"], 2);
    expect(categoriseArticles(members, ["Serbia"])).toEqual(["Stand In"]);
  });
});
