// `--jsonl` answers exactly one line per non-blank input line, in order, and exits 0, whatever the
// lines hold: null, lists, numbers, broken JSON, CRs inside a line, bytes that are not UTF-8.
import { describe, expect, it } from "vitest";
import { Readable, Writable } from "node:stream";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { digest } from "../output/run.ts";
import { answerLine, mapJsonLines, readLines } from "../../src/cli/io.ts";

const seeds = join(import.meta.dirname, "../fixtures/seeds");
const text = readFileSync(join(seeds, "003_4effe2a660f64d2b.txt"), "utf8");
const clean = readFileSync(join(seeds, "000_a5a10f004604d1dd.txt"), "utf8").split("Try Our AI")[0]!;

const hostileLines = (body: string): string[] => [
  JSON.stringify({ id: 1, text: body }),
  "null",
  "[]",
  "42",
  '"str"',
  "true",
  "{oops",
  "{}",
  JSON.stringify({ id: 9 }),
  JSON.stringify({ id: 10, text: 5 }),
  // CR inside the line is JSON white space: one line, not two.
  `{"id":11,\r"text":${JSON.stringify(body)}}`,
  JSON.stringify({ id: 12, text: body }),
];

function parse(stdout: string): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.each([
  ["clean", ["clean", "--jsonl"], text],
  ["summarize", ["summarize", "--jsonl", "--sentences", "2"], clean],
])("%s --jsonl", (_name, args, body) => {
  it("answers every non-blank line once, in order, an error for each bad one, and exits 0", async () => {
    const lines = hostileLines(body);
    const input = `${lines.join("\n")}\n\n   \n`;
    const { code, stdout } = await digest(args, {}, input);
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.id)).toEqual([1, null, null, null, null, null, null, null, 9, 10, 11, 12]);
    const errors = out.map((o) => (typeof o.error === "string" ? o.error : null));
    expect(errors[0]).toBeNull();
    expect(errors[10]).toBeNull();
    expect(errors[11]).toBeNull();
    expect(errors.slice(1, 10).every((e) => e !== null && e.length > 0)).toBe(true);
    expect(errors[1]).toMatch(/holds null, not an object/);
    expect(errors[2]).toMatch(/holds a list/);
    expect(errors[6]).toMatch(/not JSON/);
  });

  it("goes on past a null line: 90 lines, a null at line 8, 90 answers", async () => {
    const lines = Array.from({ length: 90 }, (_, i) => (i === 7 ? "null" : JSON.stringify({ id: i, text: body })));
    const { code, stdout } = await digest(args, {}, lines.join("\n"));
    expect(code).toBe(0);
    const out = parse(stdout);
    expect(out).toHaveLength(90);
    expect(out.filter((o) => "error" in o)).toHaveLength(1);
    expect(out.map((o) => o.id)).toEqual(lines.map((_, i) => (i === 7 ? null : i)));
  });

  it("reads CRLF line ends, a byte-order mark and bytes that are not UTF-8", async () => {
    const input = Buffer.concat([
      Buffer.from("\uFEFF"),
      Buffer.from(`${JSON.stringify({ id: "a", text: body })}\r\n`),
      Buffer.from('{"id":"b","text":"caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from(`"}\r\n${JSON.stringify({ id: "c", text: body })}`),
    ]);
    const { code, stdout } = await digest(args, {}, input);
    expect(code).toBe(0);
    expect(parse(stdout).map((o) => o.id)).toEqual(["a", "b", "c"]);
  });
});

describe("the line reader", () => {
  it("splits at LF only, drops a CR before it, and keeps a lone CR inside the line", async () => {
    const lines: string[] = [];
    for await (const l of readLines(Readable.from([Buffer.from('{"a":\r1}\r\n{"b"'), Buffer.from(":2}\n\n{\"c\":3}")]))) lines.push(l);
    expect(lines).toEqual(['{"a":\r1}', '{"b":2}', "", '{"c":3}']);
  });

  it("puts back together a character split between two chunks", async () => {
    const bytes = Buffer.from('{"t":"é"}\n');
    const lines: string[] = [];
    for await (const l of readLines(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]))) lines.push(l);
    expect(lines).toEqual(['{"t":"é"}']);
  });
});

describe("one line's failure", () => {
  it("is that line's error, never the end of the run", async () => {
    const answer = (line: string) =>
      answerLine(line, (input, id) => {
        if (input.boom) throw new Error("exploded");
        if (input.deep) throw new RangeError("Maximum call stack size exceeded");
        return { id, ok: true };
      });
    const chunks: string[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c.toString()), done()) });
    await mapJsonLines(answer, Readable.from(['{"id":1}\n{"id":2,"boom":1}\n{"id":3,"deep":1}\n{"id":4}\n']), sink);
    expect(parse(chunks.join(""))).toEqual([
      { id: 1, ok: true },
      { id: 2, error: "could not be processed: exploded" },
      { id: 3, error: "could not be processed: too deeply nested to read" },
      { id: 4, ok: true },
    ]);
  });
  it("stops quietly when the reader goes away (`| head -1`): no EPIPE, no more answers", async () => {
    const written: string[] = [];
    // A pipe whose reader has closed: the first answer goes through, the next write fails with EPIPE.
    const sink = new Writable({
      highWaterMark: 1,
      write: (c: Buffer, _e, done) => {
        if (written.length > 0) return done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
        written.push(c.toString());
        setImmediate(done);
      },
    });
    const lines = Array.from({ length: 50 }, (_, i) => `{"id":${i}}\n`).join("");
    await expect(mapJsonLines((line) => answerLine(line, (_input, id) => ({ id })), Readable.from([lines]), sink)).resolves.toBeUndefined();
    expect(written).toEqual(['{"id":0}\n']);
  });
});
