// Test hooks, read from the environment at named points of a build:
//   DIGEST_TEST_KILL_AT=<point>        kills the build with SIGKILL there;
//   DIGEST_TEST_STALL_AT=<point>:<ms>  blocks it there (synchronously, as a long pipeline would).
// The tests use them to show that every moment of a build leaves the earlier site and digests whole,
// and that a second build waits for the first.
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
  if (stall?.startsWith(`${point}:`)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(stall.slice(point.length + 1)));
}
