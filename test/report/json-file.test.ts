// The build report is written a piece at a time (src/report/write-json.ts): the bytes must be
// JSON.stringify's, indented by two, whatever the value holds.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeJsonFile } from "../../src/report/index.ts";

const dir = mkdtempSync(join(tmpdir(), "digest-json-"));

describe("writing JSON a piece at a time", () => {
  it("writes exactly what JSON.stringify(value, null, 2) and a newline would", async () => {
    const values: object[] = [
      {},
      [],
      [1, { a: "x" }],
      { inputs: [], stories: [] },
      { inputs: [{ path: "a.txt", messages: [] }, { path: "b\nc \"q\" ünï", messages: [{ text: "line\nbreak", level: "warning" }] }], n: 3, none: null, skip: undefined, fn: () => 1, when: new Date(0) },
      { list: [undefined, () => 2, Symbol("s"), null, [1, [2, { deep: [3] }]], {}], nested: { a: { b: [] } }, last: "end" },
      { dated: { toJSON: () => "as JSON" } },
      { big: Array.from({ length: 5000 }, (_, i) => ({ i, text: "x".repeat(i % 50) })) },
      // Lengths on and beside the writer's runs of elements, with elements JSON writes as null.
      ...[255, 256, 257, 512, 513].map((n) => ({ runs: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? undefined : { i, lines: ["a\nb", [i]] })), after: [1] })),
    ];
    for (const [k, value] of values.entries()) {
      const path = join(dir, `v${k}.json`);
      await writeJsonFile(path, value);
      expect(readFileSync(path, "utf8"), `value ${k}`).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });
});
