// Cleaning speed on one core, from this process's CPU time (user + system), so that load from other
// processes on the machine does not count (eval/eval-clean.ts, scripts/speed-text.ts).
import { cleanSource } from "../../src/clean/index.ts";
import type { SourceFile } from "../../src/types.ts";

/** Cleans every file; a refused page costs its time like any other. */
function cleanAll(files: readonly SourceFile[]): void {
  for (const f of files) {
    try {
      cleanSource(f);
    } catch {
      // refused: its time counts all the same
    }
  }
}

/** CPU microseconds of each of `passes` passes of cleaning every file, after one warm-up pass, fewest first. */
export function cleaningCpu(files: readonly SourceFile[], passes: number): number[] {
  cleanAll(files);
  const us: number[] = [];
  for (let k = 0; k < passes; k++) {
    const c0 = process.cpuUsage();
    cleanAll(files);
    const c = process.cpuUsage(c0);
    us.push(c.user + c.system);
  }
  return us.sort((a, b) => a - b);
}
