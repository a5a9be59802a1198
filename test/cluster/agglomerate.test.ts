import { describe, expect, it } from "vitest";
import { averageLink } from "../../src/cluster/agglomerate.ts";

const edges = (list: Array<[number, number, number]>) => ({ a: Int32Array.from(list, (e) => e[0]), b: Int32Array.from(list, (e) => e[1]), weight: Float32Array.from(list, (e) => e[2]), length: list.length });

describe("average-link agglomeration", () => {
  it("joins a group only when its mean link to the other group clears the threshold, missing links counting 0", () => {
    // 0-1-2 strongly linked; 3 strongly linked to 2 only: mean to {0,1,2} is 0.9/3 < 0.5.
    const root = averageLink(4, edges([[0, 1, 0.9], [1, 2, 0.9], [0, 2, 0.9], [2, 3, 0.9]]), { threshold: 0.5, missing: 0, canJoin: () => true, joined: () => {} });
    expect(root[0]).toBe(root[1]);
    expect(root[1]).toBe(root[2]);
    expect(root[3]).not.toBe(root[0]);
  });

  it("never joins groups the window keeps apart", () => {
    const root = averageLink(2, edges([[0, 1, 0.99]]), { threshold: 0.5, missing: 0, canJoin: () => false, joined: () => {} });
    expect(root[0]).not.toBe(root[1]);
  });
});
