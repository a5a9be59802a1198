// Story summaries as a chunk function for the pool (and for this thread).
import { summarise } from "../summarise/index.ts";
import type { SummaryJob } from "../cache/summaries.ts";

export function summariseJobs(jobs: SummaryJob[]): string[][] {
  return jobs.map((job) => summarise(job.inputs, job.options));
}

/**
 * `summariseJobs` for a chunk sent ahead (summaries.ts SummariesAhead), unless the thread that sent it
 * took it back first: the chunk's slot in `claims` goes from 0 to 1 here, to 2 there. [] when taken back.
 */
export function summariseClaimed(jobs: SummaryJob[], args: { claims: Int32Array; slot: number }): string[][] {
  if (Atomics.compareExchange(args.claims, args.slot, 0, 1) !== 0) return [];
  return summariseJobs(jobs);
}
