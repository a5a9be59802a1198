// `--help` for every command and `--version`, as a user types them.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const digest = (...args: string[]) => run(process.execPath, [join(root, "bin/digest.js"), ...args], { cwd: root });

describe("digest --help and --version", () => {
  it("prints the version from package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect((await digest("--version")).stdout).toBe(`digest ${version}\n`);
  });

  it("lists the commands", async () => {
    const { stdout } = await digest("--help");
    for (const command of ["build", "serve", "clean", "summarize"]) expect(stdout).toMatch(new RegExp(`^  ${command}\\s{2,}\\S`, "m"));
  });

  it.each([
    ["build", ["--input DIR", "--digests DIR", "--output DIR", "--base-url URL", "--config FILE", "--quiet"]],
    ["serve", ["--port N", "--host ADDRESS", "--input DIR", "--output DIR"]],
    ["clean", ["--jsonl", "--timezone ZONE"]],
    ["summarize", ["--jsonl", "--sentences N", "--words W"]],
  ])("digest %s --help exits 0 and lists its options", async (command, options) => {
    const { stdout, stderr } = await digest(command, "--help");
    expect(stderr).toBe("");
    expect(stdout).toMatch(new RegExp(`^usage:\\n  digest ${command}`, "m"));
    for (const option of options) expect(stdout).toContain(`  ${option}`);
    expect((await digest("help", command)).stdout).toBe(stdout);
  });

  it("refuses an unknown command with the list of commands", async () => {
    await expect(digest("biuld")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "biuld"') });
  });

  it.each([
    ["build", "--ouput", "x"],
    ["clean", "--jsnl"],
    ["summarize", "--sentences"],
  ])("refuses a mistyped option of digest %s as a usage error, in one line naming where the options are", async (command, ...args) => {
    const failed = await digest(command, ...args).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^digest ${command}: .*\\(digest ${command} --help lists the options\\)$`))]);
  });
});
