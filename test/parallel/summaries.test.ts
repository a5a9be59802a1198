import { describe, expect, it } from "vitest";
import { AHEAD_CHUNK, startSummaryThreads, summariesAhead, summariseAll } from "../../src/parallel/summaries.ts";
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

  it("summarises chunks sent ahead on the thread while this one goes on, takes back the last ones no thread has started, and gives each chunk its own summaries", async () => {
    const made = new Array<number>(160).fill(0);
    const jobs = Array.from({ length: 160 }, (_, k) => (): SummaryJob => {
      made[k]!++;
      return { inputs: story(k), options: { sentences: 2 } };
    });
    const threads = startSummaryThreads(2)!;
    const ahead = summariesAhead(threads)!;
    const answers: Array<Promise<string[][]>> = [];
    for (let at = 0; at < jobs.length; at += AHEAD_CHUNK) answers.push(ahead.start(jobs.slice(at, at + AHEAD_CHUNK))!);
    expect(made.every((n) => n === 1)).toBe(true); // made as they were sent
    // The thread is still loading its code: the last chunk is this thread's, summarised before any answer comes.
    expect(ahead.step()).toBe(true);
    expect(made.slice(-AHEAD_CHUNK).every((n) => n === 2)).toBe(true);
    // The rest shared out: the thread from the first chunk on, this one from the last back (with a few stories of its own first).
    const own = await summariseAll(jobs.slice(0, 3), { workers: 2, minParallel: 1000, threads, ahead });
    expect(own).toEqual(jobs.slice(0, 3).map((job) => summarise(job().inputs, { sentences: 2 })));
    const all = (await Promise.all(answers)).flat();
    expect(all).toEqual(jobs.map((job) => summarise(job().inputs, { sentences: 2 })));
    expect(new Set(all.map((s) => s.join(" "))).size).toBe(160);
    await expect(threads.map({ module: "", name: "" }, [1], null, 1)).rejects.toThrow(/closed/);
  });
});
