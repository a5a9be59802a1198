import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BOTH_HALVES, cleanWeightsInSample, inSampleNote, trainedInSample } from "../../eval/lib/in-sample.ts";
import { shippedModel } from "../../src/date/model.ts";
import { mergeModels } from "../../src/cluster/index.ts";

const shipped = fileURLToPath(new URL("../../src/clean/weights/", import.meta.url));
const NAMES = readdirSync(shipped).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length));

/** The shipped weight files in a folder of their own, those named said to be trained on both halves as TRAIN_ON=all says it. */
function weightsSaying(allData: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "in-sample-"));
  for (const name of NAMES) {
    const text = readFileSync(join(shipped, `${name}.json`), "utf8");
    writeFileSync(join(dir, `${name}.json`), allData.includes(name) ? text.replaceAll("tuning halves", BOTH_HALVES) : text);
  }
  return dir;
}

describe("the evals' in-sample note", () => {
  it("stays silent while the shipped cleaning weights learned from the tuning halves alone", () => {
    expect(cleanWeightsInSample(shipped)).toEqual([]);
    expect(inSampleNote("clean", shipped)).toBeNull();
  });

  it("names the weights that saw the checking half and where the honest figures are", () => {
    const dir = weightsSaying(["blocks-text", "headline-text"]);
    expect(cleanWeightsInSample(dir)).toEqual(["blocks-text", "headline-text"]);
    const note = inSampleNote("headlines", dir);
    expect(note).toContain("in-sample");
    expect(note).toContain("npm run eval:tuning-weights -- headlines");
  });

  it("names every cleaning weight file train:clean writes when all of them saw the checking half (TRAIN_ON=all)", () => {
    const seen = cleanWeightsInSample(weightsSaying(NAMES));
    expect([...seen].sort()).toEqual([...NAMES].sort());
    expect(seen).toContain("list-lines-text");
    expect(seen).toContain("article-gate-html");
  });

  it("reads the date and merge models' own words: the shipped date models saw both halves, the merge model did not", () => {
    expect(trainedInSample([shippedModel("html").trainedOn, shippedModel("text").trainedOn])).toBe(true);
    expect(trainedInSample([mergeModels().pair.trainedOn, mergeModels().context.trainedOn])).toBe(false);
    expect(trainedInSample(["events-dev both halves (TRAIN_ON=all, a trial)"])).toBe(true);
    expect(trainedInSample(["tuning halves of events-dev", undefined])).toBe(false);
  });
});
