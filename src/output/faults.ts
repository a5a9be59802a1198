// Test hooks, read from the environment at named points of a build:
//   DIGEST_TEST_KILL_AT=<point>        kills the build with SIGKILL there;
//   DIGEST_TEST_STALL_AT=<point>:<file> blocks it there (synchronously, as a long pipeline would) until the
//                                      file exists, at most two minutes: the test says when it goes on, so
//                                      the overlap it needs holds whatever the machine's load.
// The tests use them to show that every moment of a build leaves the earlier site and digests whole,
// and that a second build waits for the first.
import { existsSync } from "node:fs";

export type KillPoint =
  | "locked"
  | "recovered"
  | "staged"
  | "journal"
  | "aside:digests"
  | "swapped:digests"
  | "aside:output"
  | "swapped:output"
  | "cleaned";

export function killPoint(point: KillPoint): void {
  if (process.env.DIGEST_TEST_KILL_AT === point) process.kill(process.pid, "SIGKILL");
  const stall = process.env.DIGEST_TEST_STALL_AT;
  if (stall?.startsWith(`${point}:`)) stallFor(stall.slice(point.length + 1));
}

function stallFor(until: string): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 120_000 && !existsSync(until); waited += 20) Atomics.wait(cell, 0, 0, 20);
}
