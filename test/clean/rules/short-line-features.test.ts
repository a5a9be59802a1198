import { describe, expect, it } from "vitest";
import { prepare } from "../../../src/clean/index.ts";
import { defaultRules } from "../../../src/clean/rules/index.ts";
import { handShortLineContext } from "../../../src/clean/rules/context.ts";
import { SHORT_LINE_FEATURES, shortLineRows } from "../../../src/clean/rules/short-line-features.ts";
import type { TextDoc } from "../../../src/clean/doc.ts";
import { textFixture } from "../text-fixture.ts";

/** The hard-wrapped blog post as short-line-context finds it: the rules before it have run. */
function beforeShortLines(): TextDoc {
  const { doc } = prepare(textFixture("hard-wrapped-blog-post.txt", "https://emacspeak.blogspot.com/2019/10/meta-programming-in-emacs-using.html"));
  for (const rule of defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "short-line-context"))) rule.apply(doc);
  return doc;
}

const column = (name: (typeof SHORT_LINE_FEATURES)[number]) => SHORT_LINE_FEATURES.indexOf(name);

describe("short-line features", () => {
  it("give every short line of the body one row of every feature", () => {
    const doc = beforeShortLines();
    const rows = shortLineRows(doc);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.x).toHaveLength(SHORT_LINE_FEATURES.length);
      expect(r.x.every(Number.isFinite)).toBe(true);
      expect(doc.lines[r.index]!.drop).toBeNull();
    }
  });

  it("read a hard-wrapped sentence as carried on from the line before", () => {
    const doc = beforeShortLines();
    const row = (text: string) => shortLineRows(doc).find((r) => doc.lines[r.index]!.text === text)!;
    // "…to write up" / "the equivalent for Emacs Lisp.": the second line carries on the first's sentence.
    expect(row("the equivalent for Emacs Lisp.").x[column("continues_prev")]).toBe(1);
    expect(row("This blog article Meta Programming In Python reminded me to write up").x[column("continued_next")]).toBe(1);
  });

  it("carry the hand rule's verdict: hand_keep is 1 exactly on the short lines the hand rule keeps", () => {
    const doc = beforeShortLines();
    const rows = shortLineRows(doc);
    handShortLineContext.apply(doc);
    for (const r of rows) expect(r.x[column("hand_keep")]).toBe(doc.lines[r.index]!.drop === null ? 1 : 0);
    expect(rows.some((r) => r.x[column("hand_keep")] === 0)).toBe(true);
  });
});
