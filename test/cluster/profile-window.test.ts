// An article's profile depends only on the articles near its day (idfDays): one far away, whatever words
// it shares, leaves it as it was, which is what lets clustering keep the pairs of untouched days.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { buildProfiles, type Profile, type SparseVector } from "../../src/cluster/profile.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";

const reports = buildEventsSet(join(import.meta.dirname, "../fixtures/cluster/events-topic-21.jsonl")).map((x) => x.article);
const [first, second, third] = [reports[0]!, reports[1]!, reports[2]!];

/** Weights in id order: term ids follow term order, so the same terms give the same sequence in any batch. */
const weights = (v: SparseVector) => Array.from(v.weights.subarray(v.from, v.to));
const shape = (p: Profile) => ({ words: weights(p.words), lead: weights(p.lead), names: weights(p.names), keys: weights(p.keys), actors: weights(p.actors) });

describe("profiles with document frequencies local in time", () => {
  it("do not move for an article more than idfDays away, and do for one within", () => {
    const days = (...ds: number[]) => ds;
    const alone = buildProfiles([first, second], 30, false, days(100, 100), 2);
    const far = buildProfiles([first, second, third], 30, false, days(100, 100, 103), 2);
    const near = buildProfiles([first, second, third], 30, false, days(100, 100, 102), 2);
    expect(shape(far[0]!)).toEqual(shape(alone[0]!));
    expect(shape(far[1]!)).toEqual(shape(alone[1]!));
    expect(shape(near[0]!)).not.toEqual(shape(alone[0]!));
  });

  it("are the batch's own when the window holds every article", () => {
    const batch = buildProfiles([first, second, third], 30);
    const windowed = buildProfiles([first, second, third], 30, false, [100, 101, 102], 5);
    expect(windowed.map(shape)).toEqual(batch.map(shape));
  });
});
