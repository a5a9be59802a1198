import { describe, expect, it } from "vitest";
import { loadModel, probability } from "../../src/model/logistic.ts";
import { bestThreshold, trainLogistic, type Example } from "../../train/lib/logistic.ts";

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

  it("picks the threshold with the best F1", () => {
    expect(bestThreshold([0.9, 0.8, 0.4, 0.3], [1, 1, 0, 0])).toBeCloseTo(0.6);
  });
});
