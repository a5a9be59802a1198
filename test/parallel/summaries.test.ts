import { describe, expect, it } from "vitest";
import { startSummaryThreads, summariseAll, warmUpJobs } from "../../src/parallel/summaries.ts";
import { warmSummaries } from "../../src/parallel/summary-task.ts";
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

  it("warms threads started ahead on practice stories, and gives the same summaries after", async () => {
    const articles = Array.from({ length: 30 }, (_, k) => ({ title: `Council ${k} approves the new bridge`, paragraphs: story(k)[0]!.text!.split("\n") }));
    const jobs = Array.from({ length: 40 }, (_, k) => (): SummaryJob => ({ inputs: story(k), options: { sentences: 2 } }));
    const threads = startSummaryThreads(2, articles)!;
    const out = await summariseAll(jobs, { workers: 2, minParallel: 0, threads });
    expect(out).toEqual(jobs.map((job) => summarise(job().inputs, { sentences: 2 })));
  });

  it("makes practice stories of one to three articles across the list, reading paragraphs left in the cache without keeping them", () => {
    const read: number[] = [];
    const stored = { source: { read: (at: number) => (read.push(at), { paragraphs: [`Stored paragraph ${at}.`, "Second."], context: "" }) }, at: 0 };
    const articles = Array.from({ length: 24 }, (_, k) => (k % 2 ? { title: `Title ${k}`, paragraphs: [`Paragraph ${k}.`, "More."] } : { title: `Title ${k}`, paragraphs: [] as string[], stored: { ...stored, at: k } }));
    const jobs = warmUpJobs(articles, 4);
    expect(jobs.map((j) => j.inputs.length)).toEqual([1, 2, 3, 1]);
    // 7 articles asked of 24: every third one, in order.
    expect(jobs.flatMap((j) => j.inputs.map((i) => i.title))).toEqual([0, 3, 6, 9, 12, 15, 18].map((k) => `Title ${k}`));
    expect(jobs[1]!.inputs[0]).toEqual({ title: "Title 3", text: "Paragraph 3.\nMore." });
    expect(jobs[1]!.inputs[1]).toEqual({ title: "Title 6", text: "Stored paragraph 6.\nSecond." });
    expect(read).toEqual([0, 6, 12, 18]);
    expect(articles.filter((a) => "stored" in a).every((a) => a.paragraphs.length === 0)).toBe(true);
    expect(warmUpJobs([], 4)).toEqual([]);
  });

  it("stops warming up once the real stories are there", () => {
    let made = 0;
    const job = { get inputs() {
      made++;
      return story(made);
    } };
    const stop = new Int32Array(new SharedArrayBuffer(4));
    expect(warmSummaries([job, job, job], stop)).toEqual([]);
    expect(made).toBe(3);
    Atomics.store(stop, 0, 1);
    warmSummaries([job, job, job], stop);
    expect(made).toBe(3);
  });
});
