// Speed on one core, from this process's CPU time (user + system), so that load from other processes
// on the machine does not count (eval/eval-clean.ts, scripts/speed-text.ts, the bench's stage rates).
import { cleanSource } from "../../src/clean/index.ts";
import type { SourceFile } from "../../src/types.ts";

/** Cleans every file; a refused page costs its time like any other. */
export function cleanAll(files: readonly SourceFile[]): void {
  for (const f of files) {
    try {
      cleanSource(f);
    } catch {
      // refused: its time counts all the same
    }
  }
}

/** CPU microseconds of each of `passes` runs of `run`, after one warm-up run, fewest first. */
export function cpuPasses(run: () => void, passes: number): number[] {
  run();
  const us: number[] = [];
  for (let k = 0; k < passes; k++) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    us.push(c.user + c.system);
  }
  return us.sort((a, b) => a - b);
}

/** Items a second on one core: `count` items done by each run, the median of `passes` runs. */
export function cpuRate(count: number, run: () => void, passes = 3): number {
  const us = cpuPasses(run, passes);
  return count / (us[us.length >> 1]! / 1e6);
}
