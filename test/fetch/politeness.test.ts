// The scheduler's promises, on a fake clock: one request at a time per host, a pause between them, at
// most `concurrency` in flight overall.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Scheduler } from "../../src/fetch/politeness.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("Scheduler", () => {
  it("runs one task at a time per host, starting each at least the delay after the last one ended", async () => {
    vi.useFakeTimers({ now: 0 });
    const scheduler = new Scheduler(4, 1000);
    const starts: Record<string, number[]> = {};
    const ends: Record<string, number[]> = {};
    let inFlight = 0;
    let most = 0;
    const task = (host: string, ms: number) =>
      scheduler.run(host, async () => {
        (starts[host] ??= []).push(Date.now());
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, ms));
        inFlight--;
        (ends[host] ??= []).push(Date.now());
      });
    const all = Promise.all([task("a", 300), task("a", 50), task("a", 10), task("b", 100), task("b", 100)]);
    await vi.runAllTimersAsync();
    await all;
    expect(starts.a).toEqual([0, 1300, 2350]);
    expect(starts.b).toEqual([0, 1100]);
    for (const h of ["a", "b"]) for (let i = 1; i < starts[h]!.length; i++) expect(starts[h]![i]! - ends[h]![i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(most).toBe(2);
  });

  it("never has more than `concurrency` tasks in flight across hosts", async () => {
    vi.useFakeTimers({ now: 0 });
    const scheduler = new Scheduler(2, 0);
    let inFlight = 0;
    let most = 0;
    const all = Promise.all(
      ["a", "b", "c", "d", "e"].map((h) =>
        scheduler.run(h, async () => {
          most = Math.max(most, ++inFlight);
          await new Promise((r) => setTimeout(r, 100));
          inFlight--;
        }),
      ),
    );
    await vi.runAllTimersAsync();
    await all;
    expect(most).toBe(2);
  });

  it("honours a longer Crawl-delay and stops asking a host that said 429", async () => {
    vi.useFakeTimers({ now: 0 });
    const scheduler = new Scheduler(4, 100);
    scheduler.slowDown("a", 5000);
    const starts: number[] = [];
    const all = Promise.all([0, 1].map(() => scheduler.run("a", async () => void starts.push(Date.now()))));
    await vi.runAllTimersAsync();
    await all;
    expect(starts).toEqual([0, 5000]);
    scheduler.backOff("a", "HTTP 429");
    await expect(scheduler.run("a", async () => 1)).rejects.toThrow("not asked: a answered HTTP 429 earlier in this run");
  });
});
