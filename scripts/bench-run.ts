// Runs a command as a child process and measures it: wall time, CPU seconds (user + system) and peak
// memory (maximum resident set size), through GNU time where the machine has it.
import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measured {
  wall: number;
  /** CPU seconds, user + system, of the child and its threads. */
  cpu: number | null;
  /** Peak resident memory in MiB. */
  rss: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";

export class RunFailed extends Error {
  constructor(
    message: string,
    readonly wall: number,
  ) {
    super(message);
  }
}

/** `timeoutMs`: past it the child (and its own children: it leads a process group) is killed and this rejects. */
export async function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Measured> {
  const out = join(tmpdir(), `digest-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const timed = existsSync(GNU_TIME);
  const [cmd, argv] = timed ? [GNU_TIME, ["-f", "%U %S %M", "-o", out, command, ...args]] : [command, args];
  const start = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    const timer = options.timeoutMs
      ? setTimeout(() => {
          stderr += `\nkilled after ${options.timeoutMs! / 1000} s`;
          process.kill(-child.pid!, "SIGKILL");
        }, options.timeoutMs)
      : null;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  const wall = (performance.now() - start) / 1000;
  if (code !== 0) throw new RunFailed(`${command.split("/").pop()} failed (exit ${code}) after ${wall.toFixed(1)} s: ${stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 600)}`, wall);
  let cpu: number | null = null;
  let rss: number | null = null;
  if (timed) {
    const fields = readFileSync(out, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    rmSync(out, { force: true });
    cpu = fields[0]! + fields[1]!;
    rss = fields[2]! / 1024;
  }
  return { wall, cpu, rss, stdout, stderr };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Refuses a checkout whose dist/ is missing or older than a source: its `digest` would run the sources
 * through tsx (bin/digest.js falls back to them), and a pair would compare that instead of compiled code.
 * Checked before every build, since a source edited during the run spoils the builds after it.
 */
export function assertCompiled(root: string): void {
  let built = -1;
  try {
    built = statSync(join(root, "dist/BUILT")).mtimeMs;
  } catch {
    // missing: refused below
  }
  const stale = readdirSync(join(root, "src"), { recursive: true, withFileTypes: true }).find((e) => e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > built);
  if (built < 0 || stale) throw new Error(`${root}: dist/ is ${built < 0 ? "missing" : `older than ${join(stale!.parentPath, stale!.name)}`}; run node scripts/compile.mjs there (its builds would run the sources through tsx)`);
}

/**
 * `--undated-every K`: the first of `dir`'s articles and every K-th after it (by name) without its first line
 * when that is a `date …` metadata line, its file's time kept: those are dated by the file's time, the others
 * by their line, so the build's copy step (src/pipeline/copies.ts) compares copies dated on evidence of different
 * strength, as in a folder of mixed provenance (with all dated alike it compares nothing). `out`: a new folder
 * of hard links to `dir`'s files, the changed ones written anew (`dir` is never written); without it, `dir` is
 * changed in place (a folder the bench made). Returns the folder and how many articles lost their line.
 */
export function undateEvery(dir: string, every: number, out?: string): { dir: string; undated: number } {
  if (!Number.isInteger(every) || every < 1) throw new Error(`--undated-every wants a whole number of at least 1, not ${every}`);
  if (out) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
  }
  const target = out ?? dir;
  let undated = 0;
  readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort()
    .forEach((name, i) => {
      const from = join(dir, name);
      const to = join(target, name);
      const text = i % every === 0 ? readFileSync(from, "utf8") : "";
      if (i % every !== 0 || !/^date [^\n]*\n/.test(text)) {
        if (out) linkSync(from, to);
        return;
      }
      const { atime, mtime } = statSync(from);
      if (!out) rmSync(to);
      writeFileSync(to, text.slice(text.indexOf("\n") + 1));
      utimesSync(to, atime, mtime);
      undated++;
    });
  return { dir: target, undated };
}
