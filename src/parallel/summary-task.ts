// Story summaries as a chunk function for the pool (and for this thread).
import { summarise } from "../summarise/index.ts";
import type { SummaryJob } from "../cache/summaries.ts";

export function summariseJobs(jobs: SummaryJob[]): string[][] {
  return jobs.map((job) => summarise(job.inputs, job.options));
}

/**
 * Summarises stories only to compile the summariser and stem their words on this thread before the real
 * stories come; stops as soon as `stop[0]` is set (the real stories are waiting). Nothing is kept that
 * changes a later summary: each story starts afresh, and the stems remembered are the same words' stems.
 */
export function warmSummaries(jobs: SummaryJob[], stop: Int32Array): string[][] {
  for (const job of jobs) {
    if (Atomics.load(stop, 0) !== 0) break;
    summarise(job.inputs, job.options);
  }
  return [];
}
