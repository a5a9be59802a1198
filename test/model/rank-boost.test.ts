import { describe, expect, it } from "vitest";
import { boostedLogit } from "../../src/clean/boosted.ts";
import { logit } from "../../src/model/logistic.ts";
import { trainRanker, type RankGroup } from "../../train/lib/rank.ts";
import { trainRankBoost } from "../../train/lib/rank-boost.ts";

// Groups of five items [start score, a, b]; the right item is the one where exactly one of a and b is
// above 2 (an exclusive or: no linear score finds it), the others have both above or both below.
function groups(n: number, seed = 7): RankGroup[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, () => {
    const right = Math.floor(rnd() * 5);
    const x = Array.from({ length: 5 }, (_, i) => {
      const high = rnd() < 0.5;
      const a = high ? 2 + rnd() * 2 : rnd() * 2;
      const same = i !== right;
      const b = same === high ? 2 + rnd() * 2 : rnd() * 2;
      return [0, a, b];
    });
    return { x, y: x.map((_, i) => (i === right ? 1 : 0)) };
  });
}

const pick = (g: RankGroup, z: (x: ArrayLike<number>) => number) => g.x.reduce((b, x, i) => (z(x) > z(g.x[b]!) ? i : b), 0);
const share = (gs: RankGroup[], z: (x: ArrayLike<number>) => number) => gs.filter((g) => g.y[pick(g, z)] === 1).length / gs.length;

describe("listwise boosted ranker", () => {
  const features = ["start", "a", "b"];
  const model = trainRankBoost(groups(300), { name: "test", features, rounds: 60, rate: 0.3 });
  const held = groups(300, 99);

  it("finds the right item of unseen groups where a linear ranker cannot", () => {
    const linear = trainRanker(groups(300), { name: "linear", features, l2: 0.01 });
    expect(share(held, (x) => x[0]! + boostedLogit(model, x))).toBeGreaterThan(0.9);
    expect(share(held, (x) => logit(linear, x))).toBeLessThan(0.5);
  });

  it("gives the same trees on every run", () => {
    expect(trainRankBoost(groups(300), { name: "test", features, rounds: 60, rate: 0.3 })).toEqual(model);
  });
});
