import { describe, expect, it } from "vitest";
import { loadModel, logit, probability } from "../../src/model/logistic.ts";
import { averageLogistic, bestThreshold, standardisation, trainLogistic, type Example } from "../../train/lib/logistic.ts";

// y = 1 when 2a - b > 1, with a third feature that is pure noise.
function examples(n: number): Example[] {
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, () => {
    const [a, b, c] = [rnd() * 4, rnd() * 4, rnd()];
    return { x: [a, b, c], y: 2 * a - b > 1 ? 1 : 0 };
  });
}

describe("logistic model", () => {
  const features = ["a", "b", "noise"];
  const model = trainLogistic(examples(2000), { name: "test", features, l2: 0.01 });

  it("learns a separable rule and weighs noise near zero", () => {
    const held = examples(4000).slice(2000);
    const right = held.filter((e) => (probability(model, e.x) >= 0.5 ? 1 : 0) === e.y).length;
    expect(right / held.length).toBeGreaterThan(0.97);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(Math.abs(model.weights[1]!) / 5);
  });

  it("gives the same weights on every run", () => {
    expect(trainLogistic(examples(2000), { name: "test", features, l2: 0.01 })).toEqual(model);
  });

  it("refuses a weights file whose features differ from the code's", () => {
    expect(() => loadModel(JSON.parse(JSON.stringify(model)), ["a", "b"])).toThrow(/retrain/);
    expect(() => loadModel({ ...model, weights: [1, Number.NaN, 2] }, features)).toThrow(/damaged/);
    expect(loadModel(JSON.parse(JSON.stringify(model)), features).bias).toBe(model.bias);
  });

  it("keeps a weight on its allowed side, and leaves a fit that already keeps it as it was", () => {
    // b lowers the odds; held at 0 or above it is held at exactly 0, and a keeps its sign and most of its accuracy.
    const held = trainLogistic(examples(2000), { name: "test", features, l2: 0.01, signs: [0, 1, 0] });
    expect(held.weights[1]).toBe(0);
    expect(held.weights[0]).toBeGreaterThan(0);
    expect(trainLogistic(examples(2000), { name: "test", features, l2: 0.01, signs: [1, -1, 0] })).toEqual(model);
  });

  it("picks the threshold with the best F1", () => {
    expect(bestThreshold([0.9, 0.8, 0.4, 0.3], [1, 1, 0, 0])).toBeCloseTo(0.6);
  });

  it("averages bagged models into one model with the mean log-odds, in the standardisation it is given", () => {
    const all = examples(3000);
    // Fits on different draws have different means and scales; the average is written with all the data's.
    const fits = [all.slice(0, 600), all.slice(1000, 1300), all.slice(2000)].map((xs) => trainLogistic(xs, { name: "test", features, l2: 1 }));
    const like = standardisation(all.map((e) => e.x), 3);
    const bagged = averageLogistic(fits, like, { name: "test", features });
    expect(bagged.mean).toEqual(like.mean.map((x) => Number(x.toPrecision(8))));
    for (const e of all.slice(0, 50)) {
      const mean = fits.reduce((s, m) => s + logit(m, e.x), 0) / fits.length;
      expect(logit(bagged, e.x)).toBeCloseTo(mean, 5);
    }
    expect(logit(bagged, [0, 0, 0])).not.toBeCloseTo(logit(fits[0]!, [0, 0, 0]), 1);
  });
});
