// Published stamps read back from the site's feeds (the story-id state lost): what each item showed is
// unknown, so an item keeps the date its subscribers hold unless its own stamp is later.
import { describe, expect, it } from "vitest";
import { SHOWN_UNKNOWN, settle, type Stamp } from "../../src/digest/stamps.ts";

const day = Date.parse("2025-05-29T00:00:00.000Z");
const stamp = (ms: number): Stamp => ({ updated: new Date(ms).toISOString(), at: ms, held: false, from: day });

describe("settle with stamps read back from the feeds", () => {
  it("keeps a published stamp later than the item's own, and moves on to an own stamp past it", () => {
    const own = new Map([
      ["s-back", stamp(day + 4_000)],
      ["s-later", stamp(day + 9_000)],
    ]);
    const shown = new Map([
      ["s-back", "a1"],
      ["s-later", "b1"],
    ]);
    const last = new Map([
      ["s-back", { stamp: new Date(day + 6_000).toISOString(), shown: SHOWN_UNKNOWN }],
      ["s-later", { stamp: new Date(day + 7_000).toISOString(), shown: SHOWN_UNKNOWN }],
    ]);
    const out = settle(own, shown, last);
    expect(out.get("s-back")).toBe("2025-05-29T00:00:06.000Z");
    expect(out.get("s-later")).toBe("2025-05-29T00:00:09.000Z");
  });
});
