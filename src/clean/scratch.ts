// Typed arrays for one page's passing work, used again page after page. A new typed array costs a
// buffer outside the heap (about 0.3 µs for a hundred numbers, ten times a view of one already made,
// and more work for the collector); a page of a text dump makes a dozen. Each place that needs one
// owns its scratch: the array is valid until that place asks again, so none may be kept.

type Typed = Float64Array | Int8Array | Int32Array | Uint8Array | Uint16Array;

export class Scratch<T extends Typed> {
  private array: T;

  constructor(private readonly make: (n: number) => T) {
    this.array = make(256);
  }

  /** `n` places holding whatever the last use left: for a caller that writes each place before it reads it. */
  room(n: number): T {
    if (this.array.length < n) this.array = this.make(Math.max(n, 2 * this.array.length));
    return this.array.subarray(0, n) as T;
  }

  /** `n` zeros, as `make(n)` would give them (a view of the shared array). */
  zeros(n: number): T {
    if (this.array.length < n) this.array = this.make(Math.max(n, 2 * this.array.length));
    else this.array.fill(0, 0, n);
    return this.array.subarray(0, n) as T;
  }
}

export const float64Scratch = (): Scratch<Float64Array> => new Scratch((n) => new Float64Array(n));
export const int8Scratch = (): Scratch<Int8Array> => new Scratch((n) => new Int8Array(n));
export const int32Scratch = (): Scratch<Int32Array> => new Scratch((n) => new Int32Array(n));
export const uint8Scratch = (): Scratch<Uint8Array> => new Scratch((n) => new Uint8Array(n));
export const uint16Scratch = (): Scratch<Uint16Array> => new Scratch((n) => new Uint16Array(n));

// Both growing branches taken a dozen times as the module loads, by every kind of scratch the stage uses,
// on small arrays dropped at once: only a long page grows a scratch once the first pages have, and that
// page met optimised callers (the block features) with no type feedback for the branch, deoptimising
// them in every thread.
for (let k = 0; k < 12; k++) {
  for (const make of [float64Scratch, int32Scratch, uint8Scratch, uint16Scratch, int8Scratch]) {
    const warm: Scratch<Typed> = make();
    warm.room(257);
    warm.zeros(1025);
  }
}
