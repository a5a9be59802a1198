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

/** Doubles, after waiting longer the smaller the chunk's first item: chunks sent later answer first. */
export function doubleLaterFirst(items: number[], args: { ms: number; below: number }): number[] {
  if ((items[0] ?? Infinity) < args.below) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, args.ms);
  return items.map((n) => n * 2);
}
