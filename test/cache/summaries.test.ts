// Summaries through the build cache: a story whose titles and texts are what they were is answered
// from the cache with the summary computed for them; any other story is summarised.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedSummaries, type ArticleKeys } from "../../src/cache/summaries.ts";
import { summarise, type SummaryInput, type SummaryOptions } from "../../src/summarise/index.ts";

const dir = mkdtempSync(join(tmpdir(), "digest-summaries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story: SummaryInput[] = [
  { title: "Flooding closes the river road", text: "The river road was closed on Monday after heavy rain.\nCrews expect to reopen it on Friday. Drivers were told to use the bypass." },
  { title: "River road shut", text: "Heavy rain closed the river road on Monday.\nThe council said the bypass would take the traffic until Friday." },
];

/**
 * One build's summaries of `calls` (inputs, options, and the paths of the articles they are made from):
 * answered, then filled; with what the cache did, and how many times inputs were made to key a story.
 */
async function build(calls: Array<[SummaryInput[], SummaryOptions?, string[]?]>, articles?: ArticleKeys) {
  const cached = await cachedSummaries(new DiskCache(dir, (w) => expect.fail(w)), articles);
  let made = 0;
  const answers = calls.map(([inputs, options, paths]) => cached.summarise(() => (made++, inputs), options, paths?.map((path) => ({ path }))));
  const keyed = made;
  await cached.fill(async (jobs) => jobs.map((make) => {
    const job = make();
    return summarise(job.inputs, job.options);
  }));
  await cached.pack!.commit();
  return { answers, stats: { ...cached.stats }, made: keyed };
}

describe("summaries through the cache", () => {
  it("answers the same titles and texts from the cache, and summarises any that differ", async () => {
    const first = await build([[story], [story, { sentences: 1 }]]);
    expect(first.answers).toEqual([summarise(story), summarise(story, { sentences: 1 })]);
    expect(first.stats).toEqual({ calls: 2, hits: 0, computed: 2 });

    const again = await build([[story.map((s) => ({ ...s }))], [story, { sentences: 1 }]]);
    expect(again.answers).toEqual(first.answers);
    expect(again.stats).toEqual({ calls: 2, hits: 2, computed: 0 });

    // Texts that a join would confuse, a title gone or emptied, a lone surrogate: each is summarised.
    const moved = [{ ...story[0]!, text: `${story[0]!.text}\n${story[1]!.title}` }, { text: story[1]!.text }];
    const untitled = story.map(({ text }) => ({ text }));
    const emptied = story.map(({ text }) => ({ title: "", text }));
    const surrogate = [{ ...story[0]!, title: `${story[0]!.title} \ud800` }, story[1]!];
    const replaced = [{ ...story[0]!, title: `${story[0]!.title} \ufffd` }, story[1]!];
    const changed = await build([[moved], [untitled], [emptied], [surrogate], [replaced]]);
    expect(changed.stats).toEqual({ calls: 5, hits: 0, computed: 5 });
    expect(changed.answers).toEqual([moved, untitled, emptied, surrogate, replaced].map((inputs) => summarise(inputs)));
  });

  it("keys a story by its articles' content keys when the build gives them, and makes its texts only to summarise it", async () => {
    const keys = (entries: Array<[string, string]>): ArticleKeys => ({ rules: ["a", "b"], contentKeys: new Map(entries) });
    const known = keys([["a.txt", "k1"], ["b.txt", "k2"]]);
    const first = await build([[story, undefined, ["a.txt", "b.txt"]]], known);
    expect(first.answers).toEqual([summarise(story)]);
    expect(first.stats).toEqual({ calls: 1, hits: 0, computed: 1 });
    expect(first.made).toBe(0);

    // The same content under other paths: answered from the cache without a text made.
    const renamed = await build([[story, undefined, ["x.txt", "y.txt"]]], keys([["x.txt", "k1"], ["y.txt", "k2"]]));
    expect(renamed).toEqual({ answers: first.answers, stats: { calls: 1, hits: 1, computed: 0 }, made: 0 });

    // Other content, another order, other rules, or an article without a content key: summarised.
    const other = [{ ...story[0]!, text: `${story[0]!.text} More rain is due.` }, story[1]!];
    const changed = await build([[other, undefined, ["a.txt", "b.txt"]]], keys([["a.txt", "k3"], ["b.txt", "k2"]]));
    expect(changed.stats).toEqual({ calls: 1, hits: 0, computed: 1 });
    expect(changed.answers).toEqual([summarise(other)]);
    const reordered = await build([[[story[1]!, story[0]!], undefined, ["b.txt", "a.txt"]]], known);
    expect(reordered.stats.hits).toBe(0);
    const otherRules = await build([[story, undefined, ["a.txt", "b.txt"]]], { ...known, rules: ["a"] });
    expect(otherRules.stats.hits).toBe(0);
    const unkeyed = await build([[story, undefined, ["a.txt", "c.txt"]]], known);
    expect(unkeyed.made).toBe(1); // keyed by its texts, as without content keys
    expect(unkeyed.answers).toEqual([summarise(story)]);
  });

  it("fills each story's list from the batches sent ahead, whatever order they are answered in, and the rest as before", async () => {
    const cached = await cachedSummaries(null);
    const variants = Array.from({ length: 11 }, (_, k): SummaryInput[] => [{ ...story[0]!, text: story[0]!.text.replace("heavy rain", `${k + 20} mm of rain`) }, story[1]!]);
    const sent: Array<{ jobs: number; answer: () => void }> = [];
    const answers: string[][] = [];
    // Before `ahead`: left for fill. Then batches of 3, answered last batch first; the batch taken once two are out is refused (null).
    answers.push(cached.summarise(() => variants[0]!));
    cached.ahead((jobs) => {
      if (sent.length === 2) return null;
      return new Promise((resolve) => sent.push({ jobs: jobs.length, answer: () => resolve(jobs.map((make) => summarise(make().inputs))) }));
    }, 3);
    for (let k = 1; k < 11; k++) answers.push(cached.summarise(() => variants[k]!));
    answers.push(cached.summarise(() => variants[4]!)); // the same story again: one job, two lists
    expect(sent.map((b) => b.jobs)).toEqual([3, 3]);
    let rest = 0;
    const filled = cached.fill(async (jobs) => {
      rest = jobs.length;
      for (const b of [...sent].reverse()) b.answer();
      return jobs.map((make) => summarise(make().inputs));
    });
    await filled;
    expect(rest).toBe(11 - 6);
    const expected = [...variants, variants[4]!].map((inputs) => summarise(inputs));
    expect(new Set(expected.map((e) => e.join(" "))).size).toBe(11);
    expect(answers).toEqual(expected);
    expect(cached.stats).toEqual({ calls: 12, hits: 0, computed: 11 });
  });
});
