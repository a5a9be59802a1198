// At most `concurrency` requests at once, one at a time per host, and a pause between two requests to
// the same host (counted from the end of one to the start of the next).
import pLimit, { type LimitFunction } from "p-limit";

interface HostLane {
  tail: Promise<void>;
  readyAt: number;
  delayMs: number;
  /** Set when the host asked us to back off (429/503): its other requests wait for the next run. */
  backedOff: string | null;
}

export class BackedOff extends Error {}

export class Scheduler {
  private readonly limit: LimitFunction;
  private readonly lanes = new Map<string, HostLane>();

  constructor(concurrency: number, private readonly perHostDelayMs: number) {
    this.limit = pLimit(concurrency);
  }

  private lane(host: string): HostLane {
    let lane = this.lanes.get(host);
    if (!lane) {
      lane = { tail: Promise.resolve(), readyAt: 0, delayMs: this.perHostDelayMs, backedOff: null };
      this.lanes.set(host, lane);
    }
    return lane;
  }

  /** Runs `task` in `host`'s lane once the host is free and its pause is over. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const lane = this.lane(host);
    const result = lane.tail.then(async () => {
      if (lane.backedOff) throw new BackedOff(`not asked: ${host} answered ${lane.backedOff} earlier in this run`);
      const wait = lane.readyAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await this.limit(task);
      } finally {
        lane.readyAt = Date.now() + lane.delayMs;
      }
    });
    lane.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** A robots.txt Crawl-delay longer than ours is honoured (up to a minute). */
  slowDown(host: string, delayMs: number): void {
    const lane = this.lane(host);
    lane.delayMs = Math.max(lane.delayMs, Math.min(delayMs, 60_000));
  }

  backOff(host: string, why: string): void {
    this.lane(host).backedOff = why;
  }
}
