// Summaries through the build cache: a story whose titles and texts are what they were is answered
// from the cache with the summary computed for them; any other story is summarised.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskCache } from "../../src/cache/pack.ts";
import { cachedSummaries } from "../../src/cache/summaries.ts";
import { summarise, type SummaryInput, type SummaryOptions } from "../../src/summarise/index.ts";

const dir = mkdtempSync(join(tmpdir(), "digest-summaries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const story: SummaryInput[] = [
  { title: "Flooding closes the river road", text: "The river road was closed on Monday after heavy rain.\nCrews expect to reopen it on Friday. Drivers were told to use the bypass." },
  { title: "River road shut", text: "Heavy rain closed the river road on Monday.\nThe council said the bypass would take the traffic until Friday." },
];

/** One build's summaries of `calls` (inputs, options): answered, then filled; with what the cache did. */
async function build(calls: Array<[SummaryInput[], SummaryOptions?]>) {
  const cached = await cachedSummaries(new DiskCache(dir, (w) => expect.fail(w)));
  const answers = calls.map(([inputs, options]) => cached.summarise(() => inputs, options));
  await cached.fill(async (jobs) => jobs.map((make) => {
    const job = make();
    return summarise(job.inputs, job.options);
  }));
  await cached.pack!.commit();
  return { answers, stats: { ...cached.stats } };
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
});
