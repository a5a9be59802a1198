import { describe, expect, it } from "vitest";
import { startSummaryThreads, summariseAll } from "../../src/parallel/summaries.ts";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";
import type { SummaryJob } from "../../src/cache/summaries.ts";

const story = (k: number): SummaryInput[] => [
  { title: `Council ${k} approves the new bridge`, text: `The council voted ${k} to 3 on Tuesday to approve the bridge.\\nWork starts in spring and ends in ${2030 + (k % 5)}.\\nResidents asked for a footpath.` },
  { title: `Bridge ${k} approved`, text: `Councillors approved the bridge on Tuesday by ${k} votes.\\nThe footpath will be added later.` },
];

describe("summaries on the threads", () => {
  it("gives each story the summary this thread gives it, making each story's inputs once, as its chunk goes", async () => {
    const made: number[] = [];
    const jobs = Array.from({ length: 60 }, (_, k) => (): SummaryJob => {
      made.push(k);
      return { inputs: story(k), options: { sentences: 2 } };
    });
    const out = await summariseAll(jobs, { workers: 2, minParallel: 0 });
    expect(out).toEqual(Array.from({ length: 60 }, (_, k) => summarise(story(k), { sentences: 2 })));
    expect(out.every((s) => s.length > 0)).toBe(true);
    expect([...made].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, k) => k));
    // On this thread alone, the same.
    expect(await summariseAll(jobs.slice(0, 5), { workers: 1 })).toEqual(out.slice(0, 5));
  });

  it("uses threads started ahead, and closes them once done (also when there are too few stories for them)", async () => {
    const jobs = Array.from({ length: 40 }, (_, k) => (): SummaryJob => ({ inputs: story(k), options: { sentences: 2 } }));
    const threads = startSummaryThreads(2)!;
    expect(threads.size).toBe(1);
    const out = await summariseAll(jobs, { workers: 2, minParallel: 0, threads });
    expect(out).toEqual(jobs.map((job) => summarise(job().inputs, { sentences: 2 })));
    await expect(threads.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
    const unused = startSummaryThreads(2)!;
    expect(await summariseAll(jobs.slice(0, 3), { workers: 2, threads: unused })).toEqual(out.slice(0, 3));
    await expect(unused.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
    expect(startSummaryThreads(1)).toBeNull();
  });
});
