// Story summaries as a chunk function for the pool (and for this thread).
import { summarise } from "../summarise/index.ts";
import type { SummaryJob } from "../cache/summaries.ts";
import { PRIMER_STORY } from "./summary-primer.ts";

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

/**
 * The pool's warm-up request (summaries.ts `startSummaryThreads`, sent while the thread would otherwise wait for
 * clustering): summary-primer.ts's story, in the ways a build asks for summaries (several outlets, one alone, by
 * words), summarised twice and thrown away. No output depends on it: every table it fills (spellings, stems) is
 * read only through ids a story numbers itself. Returns [] (it is sent no items).
 */
export function primeSummaries(): string[][] {
  for (let pass = 0; pass < 2; pass++) {
    summarise([...PRIMER_STORY]);
    summarise(PRIMER_STORY.slice(0, 1));
    summarise([...PRIMER_STORY], { words: 60 });
  }
  return [];
}
