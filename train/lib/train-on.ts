// Which halves a trainer learns from (TRAIN_ON, issue 8) and the learning curve's smaller draws (SUBSET=k):
// read the same way by train:clean, train:dates and train:merge.
import { createHash } from "node:crypto";
import { HALVES, type Half } from "../../eval/lib/split.ts";

export type TrainOn = "all" | "tuning";

/** TRAIN_ON's value, else the trainer's default; any other value is refused. */
export function trainOnFrom(value: string | undefined, fallback: TrainOn): TrainOn {
  const on = value ?? fallback;
  if (on !== "all" && on !== "tuning") throw new Error(`TRAIN_ON=${on}: all or tuning`);
  return on;
}

/** The halves a trainer reads with this TRAIN_ON. */
export function learnedHalves(on: TrainOn): readonly Half[] {
  return on === "all" ? HALVES : ["tune"];
}

/** Whether SUBSET=k keeps this unit (a page, a topic, a story): about `share` of them, by a hash of k and the unit. */
export function subsetKeeps(subset: string, unit: string, share: number): boolean {
  return createHash("sha256").update(`subset ${subset}\n${unit}`).digest()[0]! < 256 * share;
}
