import { describe, expect, it } from "vitest";
import { logit } from "../../src/model/logistic.ts";
import { trainRanker, type RankGroup } from "../../train/lib/rank.ts";

// Groups of five items; the right one has the highest a - b. A third feature is the same for every
// item of a group (it says which group, not which item), so only within-group differences count.
function groups(n: number): RankGroup[] {
  let s = 11;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, () => {
    const shared = rnd() * 10;
    const x = Array.from({ length: 5 }, () => [rnd() * 4, rnd() * 4, shared]);
    const best = x.reduce((b, v, i) => (v[0]! - v[1]! > x[b]![0]! - x[b]![1]! ? i : b), 0);
    return { x, y: x.map((_, i) => (i === best ? 1 : 0)) };
  });
}

const pick = (g: RankGroup, z: (x: ArrayLike<number>) => number) => g.x.reduce((b, x, i) => (z(x) > z(g.x[b]!) ? i : b), 0);

describe("listwise ranker", () => {
  const features = ["a", "b", "group"];
  const model = trainRanker(groups(400), { name: "test", features, l2: 0.01 });

  it("ranks the right item of unseen groups first and gives a group-wide feature no weight", () => {
    const held = groups(800).slice(400);
    const right = held.filter((g) => g.y[pick(g, (x) => logit(model, x))] === 1).length;
    expect(right / held.length).toBeGreaterThan(0.9);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(1e-6);
  });

  it("gives the same weights on every run", () => {
    expect(trainRanker(groups(400), { name: "test", features, l2: 0.01 })).toEqual(model);
  });
});
