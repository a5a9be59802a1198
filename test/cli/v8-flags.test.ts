// The V8 settings a build makes for itself: code generation and collection only, each left alone when
// node's command line gave it (node --interrupt-budget=N bin/digest.js build).
import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const flagsSet = vi.hoisted(() => [] as string[]);
vi.mock("node:v8", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:v8")>();
  const setFlagsFromString = (flags: string): void => void flagsSet.push(flags);
  return { ...actual, default: { ...actual, setFlagsFromString }, setFlagsFromString };
});
const { runBuild } = await import("../../src/cli/build.ts");

/** A build that stops at its first check (the input folder is missing): the flags are set before it. */
async function buildWithoutInput(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "digest-v8-flags-"));
  try {
    await expect(runBuild(["--input", join(dir, "missing"), "--digests", join(dir, "d"), "--output", join(dir, "s"), "--quiet"])).rejects.toThrow(/does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the build's V8 settings", () => {
  const execArgv = [...process.execArgv];
  afterEach(() => {
    flagsSet.length = 0;
    process.execArgv.splice(0, process.execArgv.length, ...execArgv);
  });

  it("raises the budget before V8 optimises a function, for every build, cold ones too", async () => {
    await buildWithoutInput();
    expect(flagsSet).toContain("--interrupt-budget=1048576");
    expect(flagsSet).toContain("--heap-growing-percent=50");
  });

  it("leaves a setting node's command line gave as it is", async () => {
    process.execArgv.push("--interrupt-budget=4096", "--heap_growing_percent=80");
    await buildWithoutInput();
    expect(flagsSet.some((f) => f.startsWith("--interrupt-budget"))).toBe(false);
    expect(flagsSet.some((f) => f.startsWith("--heap-growing-percent"))).toBe(false);
    expect(flagsSet).toContain("--max-inlined-bytecode-size-cumulative=300");
  });
});
