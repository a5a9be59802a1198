// One story's many small typed arrays (a sentence's term ids, its vector's ids and weights), cut from
// buffers this thread keeps across stories. A typed array of more than 64 bytes made on its own gets a
// buffer outside the heap, several times the cost of a view of one kept buffer, and most of a
// sentence's arrays are that long.
//
// A view stays valid until `reset`: a full buffer is left to the views cut from it and a new one begun.

/** Where the arrays of the story being summarised are cut from. */
export class Arena {
  // Small at first: the first story grows them to what stories need, so the growing code has run
  // before V8 optimises the functions it is inlined in (it would deoptimise them when first met later).
  private ints = new Int32Array(64);
  private intsUsed = 0;
  private floats = new Float64Array(64);
  private floatsUsed = 0;

  /** Starts a story: the views cut before may be overwritten from now on. */
  reset(): void {
    this.intsUsed = 0;
    this.floatsUsed = 0;
  }

  /** `n` ints, not cleared. */
  int32(n: number): Int32Array {
    if (this.intsUsed + n > this.ints.length) {
      this.ints = new Int32Array(Math.max(2 * this.ints.length, n));
      this.intsUsed = 0;
    }
    return this.ints.subarray(this.intsUsed, (this.intsUsed += n));
  }

  /** `n` doubles, not cleared. */
  float64(n: number): Float64Array {
    if (this.floatsUsed + n > this.floats.length) {
      this.floats = new Float64Array(Math.max(2 * this.floats.length, n));
      this.floatsUsed = 0;
    }
    return this.floats.subarray(this.floatsUsed, (this.floatsUsed += n));
  }
}

export const arena = new Arena();
