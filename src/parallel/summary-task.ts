// Story summaries as a chunk function for the pool (and for this thread).
import { summarise } from "../summarise/index.ts";
import { namesOfTexts } from "../digest/index.ts";
import type { SummaryJob } from "../cache/summaries.ts";

export function summariseJobs(jobs: SummaryJob[]): string[][] {
  return jobs.map((job) => summarise(job.inputs, job.options));
}

/** A summary job that may also ask for its story's category names (`names`: how many spare, src/digest/category-jobs.ts). */
export interface NamedSummaryJob extends SummaryJob {
  names?: number;
}

export interface SummaryAnswer {
  summary: string[];
  names?: string[];
}

/** Summaries, and the category names of the jobs that ask for them. */
export function summariseNamedJobs(jobs: NamedSummaryJob[]): SummaryAnswer[] {
  return jobs.map((job) => {
    const summary = summarise(job.inputs, job.options);
    return job.names === undefined ? { summary } : { summary, names: namesOfTexts(job.inputs.map((i) => i.text), job.names) };
  });
}
