// Builds killed with SIGKILL at every step of writing, and at random moments: the earlier site and
// digests stay whole (or the new ones are whole), and the next build finishes or clears what was left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recover } from "../../src/output/swap.ts";
import { buildArgs, digest, seedCopy, start, tree, workDir, removeWorkDirs } from "./run.ts";

afterAll(removeWorkDirs);

const work = workDir("digest-swap-");
const all = seedCopy(join(work, "in-all"));
const may = seedCopy(join(work, "in-may"), (n) => !n.startsWith("004_"));

type Tree = Record<string, string> | null;
let A: { digests: Tree; site: Tree };
let X: { digests: Tree; site: Tree };
const baseline = join(work, "baseline");

beforeAll(async () => {
  const a = await digest(buildArgs(all, baseline));
  expect(a.code).toBe(0);
  A = { digests: tree(join(baseline, "digests")), site: tree(join(baseline, "site")) };
  // X: the build of the May articles made over A, as every build below is (story ids remember A's).
  const ref = join(work, "ref-may");
  cpSync(baseline, ref, { recursive: true, preserveTimestamps: true });
  const x = await digest(buildArgs(may, ref));
  expect(x.code).toBe(0);
  X = { digests: tree(join(ref, "digests")), site: tree(join(ref, "site")) };
  expect(X.site).not.toEqual(A.site);
  expect(Object.keys(X.digests!)).toEqual(["2025-05-29.md", "story-ids.json"]);
});

/** A folder holding the earlier build A, as a user's project would. */
function withEarlierBuild(name: string): string {
  const dir = join(work, name);
  cpSync(baseline, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

/** What the next build does first, with the locks held: finish or clear what the killed one left. */
const repair = (dir: string) => recover([join(realpathSync(dir), "digests"), join(realpathSync(dir), "site")]);
const state = (dir: string) => ({ digests: tree(join(dir, "digests")), site: tree(join(dir, "site")) });
const hidden = (dir: string) => readdirSync(dir).filter((n) => n.startsWith("."));
const which = (t: Tree, of: "digests" | "site") => (t === null ? "none" : JSON.stringify(t) === JSON.stringify(A[of]) ? "A" : JSON.stringify(t) === JSON.stringify(X[of]) ? "X" : "mixed");

describe("a build killed at each step of writing its result", () => {
  // What a reader sees right after the kill: A is the earlier build, X the new one. Only between the
  // two renames of a swap is a folder absent, and the journal beside it says how to finish.
  const points: [string, string, string, "A" | "X"][] = [
    ["locked", "A", "A", "A"],
    ["recovered", "A", "A", "A"],
    ["staged", "A", "A", "A"],
    ["journal", "A", "A", "X"],
    ["aside:digests", "none", "A", "X"],
    ["swapped:digests", "X", "A", "X"],
    ["aside:output", "X", "none", "X"],
    ["swapped:output", "X", "X", "X"],
    ["cleaned", "X", "X", "X"],
  ];
  for (const [point, digestsSeen, siteSeen, afterRecovery] of points) {
    it(`at "${point}": leaves digests ${digestsSeen}, site ${siteSeen}; the next build finds ${afterRecovery} and goes on`, async () => {
      const dir = withEarlierBuild(`kill-${point.replace(":", "-")}`);
      const killed = await digest(buildArgs(may, dir), { DIGEST_TEST_KILL_AT: point });
      expect(killed.signal).toBe("SIGKILL");
      const seen = state(dir);
      expect([which(seen.digests, "digests"), which(seen.site, "site")]).toEqual([digestsSeen, siteSeen]);
      if (digestsSeen === "none" || siteSeen === "none") expect(hidden(dir).some((n) => n.endsWith(".digest-swap.json"))).toBe(true);

      await repair(dir);
      const repaired = state(dir);
      expect([which(repaired.digests, "digests"), which(repaired.site, "site")]).toEqual([afterRecovery, afterRecovery]);
      expect(hidden(dir).filter((n) => !n.endsWith(".digest-lock"))).toEqual([]);
    });
  }

  it("after any of them, a normal build runs to the end without waiting for the dead build's lock", async () => {
    const dir = withEarlierBuild("kill-then-build");
    expect((await digest(buildArgs(may, dir), { DIGEST_TEST_KILL_AT: "aside:output" })).signal).toBe("SIGKILL");
    const next = await digest(buildArgs(may, dir), { DIGEST_LOCK_WAIT_SECONDS: "0" });
    expect(next.stderr).not.toMatch(/waiting|being built/);
    expect(next.code).toBe(0);
    expect(state(dir)).toEqual(X);
    // What the dead build left is gone; only the site this build's own swap put aside is there, hidden from git.
    const aside = hidden(dir);
    expect(aside.map((n) => n.replace(/-old-.*/, "-old-*"))).toEqual([".site.digest-old-*"]);
    expect(readFileSync(join(dir, aside[0]!, ".gitignore"), "utf8")).toBe("*\n");
    // The next build that swaps removes them (and puts its own aside): they never pile up.
    expect((await digest(buildArgs(all, dir))).code).toBe(0);
    expect(hidden(dir).filter((n) => aside.includes(n))).toEqual([]);
    expect(hidden(dir)).toHaveLength(1);
  });
});

describe("a build killed at random moments", () => {
  it("never leaves a mixed or missing site or digests once the next build has started", async () => {
    const timing = withEarlierBuild("timing");
    const t0 = performance.now();
    expect((await digest(buildArgs(may, timing))).code).toBe(0);
    const span = performance.now() - t0;
    for (let i = 1; i <= 4; i++) {
      const dir = withEarlierBuild(`random-${i}`);
      const run = start(buildArgs(may, dir));
      // Spread over the second half of the build, where it writes.
      await new Promise((r) => setTimeout(r, span * (0.5 + i / 8)));
      run.kill();
      await run.done;
      const now = state(dir);
      for (const [t, of] of [[now.digests, "digests"], [now.site, "site"]] as const) {
        const w = which(t, of);
        expect(w).not.toBe("mixed");
        if (w === "none") expect(hidden(dir).some((n) => n.endsWith(".digest-swap.json"))).toBe(true);
      }
      await repair(dir);
      const after = state(dir);
      const pair = [which(after.digests, "digests"), which(after.site, "site")];
      expect([["A", "A"], ["X", "X"]]).toContainEqual(pair);
    }
  });
});

describe("two builds into one output at once", () => {
  it("run one after the other: both exit 0 and the result is one whole build, never a mix", async () => {
    const dir = workDir("digest-concurrent-");
    const june = seedCopy(join(dir, "in-june"), (n) => n.startsWith("004_"));
    // Y: June built after May, the order the lock puts the two in (story ids remember May's).
    const ref = join(dir, "ref-june");
    expect((await digest(buildArgs(may, ref))).code).toBe(0);
    expect((await digest(buildArgs(june, ref))).code).toBe(0);
    const Y = state(ref);
    // The first holds its lock, as a long build would, until the second is waiting for it: the two truly overlap.
    const release = join(workDir("digest-release-"), "release");
    const first = start(buildArgs(may, dir), { DIGEST_TEST_STALL_AT: `staged:${release}` });
    await waitFor(() => existsSync(join(dir, ".site.digest-lock")));
    const second = start(buildArgs(june, dir));
    await waitFor(() => /waiting for another build/.test(second.stderr()));
    writeFileSync(release, "");
    const [r1, r2] = await Promise.all([first.done, second.done]);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    expect(r2.stderr).toMatch(/waiting for another build/);
    expect(state(dir)).toEqual(Y);
    // Only the site the second build's swap put aside (the next build removes it).
    expect(hidden(dir).map((n) => n.replace(/-old-.*/, "-old-*"))).toEqual([".site.digest-old-*"]);
  });

  it("refuses the second with a clear message when it may not wait, and the first's result is whole", async () => {
    const dir = workDir("digest-concurrent-");
    const alone = workDir("digest-may-alone-");
    expect((await digest(buildArgs(may, alone))).code).toBe(0);
    // The first holds its lock until the second has been refused, however long that takes to start.
    const release = join(workDir("digest-release-"), "release");
    const first = start(buildArgs(may, dir), { DIGEST_TEST_STALL_AT: `locked:${release}` });
    await waitFor(() => existsSync(join(dir, ".site.digest-lock")));
    const second = await digest(buildArgs(all, dir), { DIGEST_LOCK_WAIT_SECONDS: "0" });
    writeFileSync(release, "");
    const r1 = await first.done;
    expect(r1.code).toBe(0);
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toMatch(/is being built by another digest build \(pid \d+/);
    expect(state(dir)).toEqual(state(alone));
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
