// Pagefind's process, watched. Pagefind's module starts its service (a child process) with its first index
// and never listens for that process to end. When a file write fails (a read-only or full folder, a path
// that is a file) the service panics and exits: the answers it owed never come, so a build waits forever
// (a one-shot `digest build` exits with Node's code 13, its promise unsettled), and the next message written
// to it fails with EPIPE, which the module prints with a stack ("Service stopped Error: write EPIPE"),
// besides Rust's panic text on stderr.
//
// So the first index is made with `node:child_process`'s spawn wrapped for that one synchronous call (the
// module's `launch`), to keep the process it starts: its end is heard here, its stderr is read here (a
// panic becomes one reason, such as "Not a directory"; anything else it says is passed on at the end), and
// what the module writes to it goes through a stand-in that drops what comes after the process ended, so no
// write fails with EPIPE. Pagefind's own files are left as they are.
import childProcess, { type ChildProcess } from "node:child_process";
import { Writable } from "node:stream";

export interface PagefindProcess {
  /** Why the process ended before `closing`, or null while it runs (or once closed). */
  readonly failure: string | null;
  /** Called once if the process ends before `closing` (after `failure` is set). */
  onEnd: (() => void) | null;
  /** Says the process is about to be stopped (by Pagefind's close), and passes on what it wrote to stderr. */
  closing(): void;
}

/** What Pagefind's process said on stderr, at most this much (a panic's message and the start of its backtrace). */
const STDERR_KEPT = 16_384;

/**
 * Runs `start` (which makes Pagefind's first index, and so starts its process) with spawn wrapped, and
 * returns what it returned with the process watched; null when `start` started no process (one running
 * already, or no index made).
 */
export function launchWatched<T>(start: () => T): { result: T; process: PagefindProcess | null } {
  const spawn = childProcess.spawn;
  let child: ChildProcess | null = null;
  const wrapped = (command: string, args: readonly string[], options: childProcess.SpawnOptions): ChildProcess => {
    child = spawn(command, args, { ...options, stdio: ["pipe", "pipe", "pipe"] });
    return child;
  };
  childProcess.spawn = wrapped as unknown as typeof childProcess.spawn;
  let result: T;
  try {
    result = start();
  } finally {
    childProcess.spawn = spawn;
  }
  return { result, process: child ? watch(child) : null };
}

function watch(child: ChildProcess): PagefindProcess {
  let stderr = "";
  let ended = false;
  let stopping = false;
  const watched: PagefindProcess = {
    failure: null,
    onEnd: null,
    closing() {
      stopping = true;
      if (stderr.trim() && !ended) process.stderr.write(stderr.endsWith("\n") ? stderr : `${stderr}\n`);
      stderr = "";
    },
  };
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    if (stderr.length < STDERR_KEPT) stderr += chunk.slice(0, STDERR_KEPT - stderr.length);
  });
  // Pagefind's module lets Node exit while the process idles (it unrefs its pipes); this pipe must not hold Node either.
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  const stdin = child.stdin;
  if (stdin) {
    stdin.on("error", () => {}); // the end is heard from the process itself
    const standIn = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (!ended) stdin.write(chunk);
        done();
      },
      destroy(error, done) {
        stdin.destroy();
        done(error);
      },
    });
    Object.assign(standIn, { unref: () => (stdin as { unref?: () => void }).unref?.() });
    child.stdin = standIn;
  }
  child.on("exit", (code, signal) => {
    ended = true;
    if (stopping) return;
    (watched as { failure: string | null }).failure = reasonOf(stderr, code, signal);
    watched.onEnd?.();
  });
  return watched;
}

/** One line for why the process ended: the OS error a panic names ("Not a directory"), else its signal or exit code. */
export function reasonOf(stderr: string, code: number | null, signal: NodeJS.Signals | null): string {
  const panic = /panicked at[^\n]*\n([^\n]*)/.exec(stderr)?.[1];
  const osError = panic && /message: "([^"]+)"/.exec(panic)?.[1];
  if (osError) return osError;
  if (panic) return panic.trim();
  if (signal === "SIGXFSZ") return "a file larger than this process may write (SIGXFSZ)";
  if (signal) return `ended by ${signal}`;
  return `ended with exit code ${code}`;
}
