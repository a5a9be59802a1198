import { describe, expect, it } from "vitest";
import { log1pCount, logCount } from "../../src/model/log-table.ts";

describe("logarithms of counts", () => {
  it("are Math's own to the bit, whole numbers from the table and anything else computed", () => {
    for (const n of [0, 1, 2, 3, 10, 50, 4095, 4096, 10000, 0.5, 2.75, 1e-9, 123456.5]) {
      expect(Object.is(log1pCount(n), Math.log1p(n)), `log1p ${n}`).toBe(true);
      expect(Object.is(logCount(n), Math.log(n)), `log ${n}`).toBe(true);
    }
    for (let n = 0; n < 5000; n++) expect(log1pCount(n) === Math.log1p(n) && Object.is(logCount(n), Math.log(n))).toBe(true);
  });
});
