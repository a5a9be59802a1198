// Runs the real `digest` command as a separate process (so it can be killed), and reads folders back.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = join(import.meta.dirname, "../..");
export const seeds = join(root, "test/fixtures/seeds");

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  pid: number;
  done: Promise<Run>;
  kill(): void;
  /** What it has written to stderr so far. */
  stderr(): string;
}

export interface StartOptions {
  /** Run as the unprivileged user nobody (through setpriv), for what root could otherwise always read. */
  unprivileged?: boolean;
  /** The working folder (the checkout's root unless given). */
  cwd?: string;
}

export function start(args: string[], env: Record<string, string> = {}, stdin?: string | Buffer, options: StartOptions = {}): Started {
  const command = [process.execPath, join(root, "bin/digest.js"), ...args];
  if (options.unprivileged) command.unshift("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
  const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd ?? root, env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.on("error", () => undefined);
  child.stdin.end(stdin ?? "");
  const done = new Promise<Run>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid!, done, kill: () => child.kill("SIGKILL"), stderr: () => stderr };
}

export const digest = (args: string[], env: Record<string, string> = {}, stdin?: string | Buffer, options: StartOptions = {}): Promise<Run> => start(args, env, stdin, options).done;

const made: string[] = [];

/** A new temporary folder, removed by `removeWorkDirs` (call it in afterAll). */
export function workDir(prefix = "digest-out-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeWorkDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the seeds, or of the seeds whose names pass `keep`, with their file times. */
export function seedCopy(dir: string, keep: (name: string) => boolean = () => true): string {
  cpSync(seeds, dir, { recursive: true, preserveTimestamps: true, filter: (p) => p === seeds || keep(p.slice(seeds.length + 1)) });
  return dir;
}

/** Every file under dir by relative path, with its text; null when dir does not exist. */
export function tree(dir: string): Record<string, string> | null {
  if (!existsSync(dir)) return null;
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length + 1)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

export function buildArgs(input: string, work: string): string[] {
  return ["build", "--input", input, "--digests", join(work, "digests"), "--output", join(work, "site"), "--quiet"];
}
