// Story summaries as a chunk function for the pool (and for this thread).
import { summarise } from "../summarise/index.ts";
import type { SummaryJob } from "../cache/summaries.ts";

export function summariseJobs(jobs: SummaryJob[]): string[][] {
  return jobs.map((job) => summarise(job.inputs, job.options));
}
