// The build's progress line: on a terminal only, rewritten in place, gone at the end.
import { describe, expect, it } from "vitest";
import { startProgress, terminalLine } from "../../src/cli/progress.ts";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 60, write: (text: string) => written.push(text) };
}

describe("the progress line", () => {
  it("rewrites one line per step on a terminal and clears it at the end", () => {
    const s = stream(true);
    const progress = startProgress({ steps: 2, stream: s });
    progress.step("reading the input");
    progress.step("rendering the site");
    progress.done();
    expect(s.written).toHaveLength(3);
    expect(s.written[0]).toMatch(/^\r\x1b\[Kdigest: \[1\/2\] reading the input… \d+\.\d s$/);
    expect(s.written[1]).toMatch(/^\r\x1b\[Kdigest: \[2\/2\] rendering the site… /);
    expect(s.written[2]).toBe("\r\x1b[K");
  });

  it("prints nothing when the output is not a terminal, or with --quiet", () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const s = stream(tty);
      const progress = startProgress({ steps: 1, stream: s, quiet });
      progress.step("reading the input");
      progress.done();
      expect(s.written).toEqual([]);
    }
  });

  it("never runs past the terminal's width", () => {
    const s = stream(true);
    startProgress({ steps: 1, stream: s }).step("x".repeat(200));
    expect(s.written[0]!.length).toBeLessThanOrEqual("\r\x1b[K".length + 59);
  });
});

describe("the fetch's progress line", () => {
  it("clears before a message is printed and only when something is shown", () => {
    const s = stream(true);
    const line = terminalLine(s);
    line.clear();
    expect(s.written).toEqual([]);
    line.show("feeds 1/3 · pages 0/0: 0 saved, 0 failed");
    line.clear();
    line.clear();
    expect(s.written).toEqual(["\r\x1b[Kfeeds 1/3 · pages 0/0: 0 saved, 0 failed", "\r\x1b[K"]);
  });

  it("stays silent off a terminal and when quiet", () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const s = stream(tty);
      terminalLine(s, quiet).show("feeds 1/3");
      expect(s.written).toEqual([]);
    }
  });
});
