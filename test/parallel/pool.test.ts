import { describe, expect, it } from "vitest";
import { WorkerPool, type Task } from "../../src/parallel/pool.ts";

const tasks = new URL("./chunk-tasks.ts", import.meta.url).href;
const task = (name: string): Task => ({ module: tasks, name });
const numbers = Array.from({ length: 200 }, (_, i) => i);

describe("worker pool", () => {
  it("maps in chunks over two threads and gives the results in the items' order", async () => {
    const pool = new WorkerPool(2);
    try {
      expect(await pool.map<number, number>(task("double"), numbers, null, 7)).toEqual(numbers.map((n) => n * 2));
      // The same threads take a second map.
      expect(await pool.map<number, number>(task("double"), [5, 6], null, 1)).toEqual([10, 12]);
    } finally {
      await pool.close();
    }
  });

  it("starts its threads ahead when warmed, and a map then uses those threads; a thread that cannot load the module fails the map, not the warming", async () => {
    const pool = new WorkerPool(2);
    try {
      await pool.warm(task("double"), null);
      expect(await pool.map<number, number>(task("double"), numbers, null, 7)).toEqual(numbers.map((n) => n * 2));
    } finally {
      await pool.close();
    }
    const broken = new WorkerPool(1);
    try {
      await expect(broken.warm({ module: new URL("./no-such-module.ts", import.meta.url).href, name: "double" }, null)).resolves.toBeUndefined();
      await expect(broken.map({ module: new URL("./no-such-module.ts", import.meta.url).href, name: "double" }, [1], null, 1)).rejects.toThrow();
    } finally {
      await broken.close();
    }
  });

  it("lets this thread take chunks too, in order, and passes on its errors", async () => {
    const pool = new WorkerPool(1);
    const here: number[] = [];
    const local = (items: number[]) => {
      here.push(...items);
      return items.map((n) => n * 2);
    };
    try {
      expect(await pool.map<number, number>(task("double"), numbers, null, 5, local)).toEqual(numbers.map((n) => n * 2));
      expect(here.length).toBeGreaterThan(0);
      expect(here.length).toBeLessThan(numbers.length);
      const failing = () => {
        throw new RangeError("too deep here");
      };
      await expect(pool.map(task("double"), numbers, null, 5, failing)).rejects.toThrow("too deep here");
    } finally {
      await pool.close();
    }
  });

  it("makes what each chunk sends just before it goes, so only the chunks in flight are made", async () => {
    const pool = new WorkerPool(2);
    let made = 0;
    let taken = 0;
    let most = 0;
    const load = async (start: number, items: Array<() => number>) => {
      made += items.length;
      most = Math.max(most, made - taken);
      return items.map((make) => make());
    };
    const take = (start: number, out: number[]) => {
      taken += out.length;
      out.forEach((o, k) => (results[start + k] = o));
    };
    const results = new Array<number>(numbers.length);
    const local = (items: number[]) => items.map((n) => n * 2);
    try {
      const lazy = numbers.map((n) => () => n);
      await pool.forEach<() => number, number, number>(task("double"), lazy, null, 4, take, { local, load });
      expect(results).toEqual(numbers.map((n) => n * 2));
      // Two threads and this one: never more than three chunks made and not yet answered.
      expect(most).toBeLessThanOrEqual(3 * 4);
    } finally {
      await pool.close();
    }
  });

  it("gives a thread two chunks at a time when asked, the results still in order", async () => {
    const pool = new WorkerPool(1);
    try {
      for (const ahead of [1, 2]) {
        let made = 0;
        let taken = 0;
        let most = 0;
        const results = new Array<number>(numbers.length);
        const load = async (_start: number, items: number[]) => {
          made += items.length;
          most = Math.max(most, made - taken);
          return items;
        };
        const take = (start: number, out: number[]) => {
          taken += out.length;
          out.forEach((o, k) => (results[start + k] = o));
        };
        await pool.forEach<number, number>(task("double"), numbers, null, 4, take, { load, ahead });
        expect(results).toEqual(numbers.map((n) => n * 2));
        // One thread, no chunks here: as many chunks sent and not yet answered as it is given at a time.
        expect(most).toBe(ahead * 4);
      }
    } finally {
      await pool.close();
    }
  });

  it("puts each chunk's results at its place when the threads answer out of order", async () => {
    const pool = new WorkerPool(2);
    const answered: number[] = [];
    const results = new Array<number>(numbers.length);
    const take = (start: number, out: number[]) => {
      answered.push(start);
      out.forEach((o, k) => (results[start + k] = o));
    };
    try {
      // The first chunk is answered after another one: the results come in another order than the items'.
      const done = new Int32Array(new SharedArrayBuffer(4));
      await pool.forEach<number, number>(task("doubleFirstLast"), numbers, { done }, 4, take, { ahead: 2 });
      expect(answered[0]).not.toBe(0);
      expect(results).toEqual(numbers.map((n) => n * 2));
    } finally {
      await pool.close();
    }
  });

  it("does this thread's other work first, step by step, while the threads work through their chunks; then takes chunks too", async () => {
    const pool = new WorkerPool(1);
    const events: string[] = [];
    let steps = 0;
    let answers = 0;
    // Steps of a couple of milliseconds of this thread's work, until the thread has answered a few chunks (at most about a
    // minute: on a loaded machine the thread may wait seconds for a core, and a cap of ten seconds failed the test at load 6).
    const beside = () => {
      events.push("step");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      return ++steps < 30_000 && answers < 6;
    };
    const local = (items: number[]) => {
      events.push("here");
      return items.map((n) => n * 2);
    };
    const results = new Array<number>(numbers.length);
    const take = (start: number, out: number[]) => {
      events.push("answer");
      answers++;
      out.forEach((o, k) => (results[start + k] = o));
    };
    try {
      // Each thread chunk takes 3 ms: with chunks of a few microseconds the thread answered all 100 between two of
      // this thread's steps at load 7-10 (its answers are taken as they come, each sending the next chunk), and no
      // chunk was left for this thread.
      await pool.warm(task("doubleSlowly"), { ms: 3 });
      await pool.forEach<number, number>(task("doubleSlowly"), numbers, { ms: 3 }, 2, take, { local, beside, ahead: 2 });
      expect(results).toEqual(numbers.map((n) => n * 2));
      const lastStep = events.lastIndexOf("step");
      // Chunks answered between the steps (the thread was not kept waiting for them), none done here before the last step.
      expect(events.slice(0, lastStep).filter((e) => e === "answer").length).toBeGreaterThanOrEqual(6);
      expect(events.indexOf("here") === -1 || events.indexOf("here") > lastStep).toBe(true);
      expect(events.includes("here")).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("rejects with the worker's error, its name and message intact", async () => {
    const pool = new WorkerPool(2);
    try {
      const error = await pool.map(task("failOn"), numbers, { bad: 150 }, 10).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe("TypeError");
      expect((error as Error).message).toBe('item 150 is not allowed: "quoted" ünïcode');
    } finally {
      await pool.close();
    }
  });

  it("rejects when a chunk comes back short, or a thread dies, or the function does not exist", async () => {
    const pool = new WorkerPool(1);
    try {
      await expect(pool.map(task("dropOne"), numbers, null, 10)).rejects.toThrow(/9 results for 10 items/);
      await expect(pool.map(task("nothing"), numbers, null, 10)).rejects.toThrow(/has no function nothing/);
    } finally {
      await pool.close();
    }
    const dying = new WorkerPool(1);
    try {
      await expect(dying.map(task("exitThread"), [1], null, 1)).rejects.toThrow(/stopped \(exit code 3\)/);
      // A new thread takes the place of the one that died.
      expect(await dying.map<number, number>(task("double"), [4], null, 1)).toEqual([8]);
    } finally {
      await dying.close();
    }
  });
});
