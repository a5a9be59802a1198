// Chunk functions for the pool tests, loaded by the worker threads.
export function double(items: number[]): number[] {
  return items.map((n) => n * 2);
}

export function failOn(items: number[], args: { bad: number }): number[] {
  return items.map((n) => {
    if (n === args.bad) throw new TypeError(`item ${n} is not allowed: "quoted" ünïcode`);
    return n;
  });
}

export function dropOne(items: number[]): number[] {
  return items.slice(1);
}

export function exitThread(): number[] {
  process.exit(3);
}

/**
 * Doubles. The chunk that starts with 0 is answered only after another chunk was done (and a while after):
 * the threads answer out of order. `done` is shared by the threads: 1 once a chunk not starting with 0 is done.
 */
export function doubleFirstLast(items: number[], args: { done: Int32Array }): number[] {
  const out = items.map((n) => n * 2);
  if (items[0] === 0) {
    Atomics.wait(args.done, 0, 0, 20_000);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  } else {
    Atomics.store(args.done, 0, 1);
    Atomics.notify(args.done, 0);
  }
  return out;
}

/** Doubles, each chunk taking at least `ms` milliseconds (a thread's chunk of real work, not a few microseconds). */
export function doubleSlowly(items: number[], args: { ms: number }): number[] {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, args.ms);
  return items.map((n) => n * 2);
}
