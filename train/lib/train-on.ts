// Which halves a trainer learns from (TRAIN_ON, issue 8) and the learning curve's smaller draws (SUBSET=k):
// read the same way by train:clean, train:dates and train:merge; train:clean also runs the swap trial (TRAIN_ON=checking).
import { createHash } from "node:crypto";
import { HALVES, type Half } from "../../eval/lib/split.ts";

export type TrainOn = "all" | "tuning";

/** TRAIN_ON's value, else the trainer's default; any other value is refused. */
export function trainOnFrom(value: string | undefined, fallback: TrainOn): TrainOn {
  const on = value ?? fallback;
  if (on !== "all" && on !== "tuning") throw new Error(`TRAIN_ON=${on}: all or tuning`);
  return on;
}

/**
 * A trial's TRAIN_ON (train:clean only): also "checking", the swap check (ac67): the same procedure learned from the
 * checking halves alone, so the tuning halves judge it, the mirror of what ships. Never a shipped set: OUT is required.
 */
export type TrialOn = TrainOn | "checking";

/** TRAIN_ON's value for a trainer that runs the swap trial: all, tuning or checking. */
export function trialOnFrom(value: string | undefined, fallback: TrainOn): TrialOn {
  return value === "checking" ? "checking" : trainOnFrom(value, fallback);
}

/** The halves a trainer reads with this TRAIN_ON. */
export function learnedHalves(on: TrialOn): readonly Half[] {
  return on === "all" ? HALVES : on === "checking" ? ["check"] : ["tune"];
}

/** Whether SUBSET=k keeps this unit (a page, a topic, a story): about `share` of them, by a hash of k and the unit. */
export function subsetKeeps(subset: string, unit: string, share: number): boolean {
  return createHash("sha256").update(`subset ${subset}\n${unit}`).digest()[0]! < 256 * share;
}
