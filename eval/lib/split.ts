// Every dev set is split once, by a hash of the id (of the topic, for events-dev): the tuning half is
// what rules and weights are fitted on; the checking half is what says whether they generalise.
import { createHash } from "node:crypto";

export type Half = "tune" | "check";

export const HALVES: readonly Half[] = ["tune", "check"];

export function halfOf(key: string): Half {
  return createHash("sha256").update(key).digest()[0]! < 128 ? "tune" : "check";
}

/** The items of each half, in their original order. */
export function splitHalves<T>(items: readonly T[], key: (item: T) => string): Record<Half, T[]> {
  const out: Record<Half, T[]> = { tune: [], check: [] };
  for (const item of items) out[halfOf(key(item))].push(item);
  return out;
}
