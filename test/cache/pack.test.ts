// The cache store: what it keeps, what it drops, and that nothing it reads is trusted.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { cacheJson, cacheKey, checksum, crc32, DiskCache, textsKey, type Namespace } from "../../src/cache/pack.ts";

interface Note {
  text: string;
  n: number;
}
const notes: Namespace<Note> = {
  name: "notes",
  accepts: (v): v is Note => typeof v === "object" && v !== null && typeof (v as Note).text === "string" && typeof (v as Note).n === "number",
};

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "digest-pack-"));
  const warnings: string[] = [];
  return { dir, warnings, cache: new DiskCache(dir, (w) => warnings.push(w)), file: join(dir, "notes.pack") };
}
const keys = Array.from({ length: 5 }, (_, i) => cacheKey("note", i));
const value = (i: number): Note => ({ text: `note ${i} — ünïcode "quoted"\nsecond line`, n: i });

async function fill(cache: DiskCache, which: number[]): Promise<void> {
  const pack = await cache.open(notes, new Set(which.map((i) => keys[i]!)));
  for (const i of which) pack.put(keys[i]!, value(i));
  await pack.commit();
}

describe("cache packs", () => {
  it("gives back what was put, exactly, in a later build", async () => {
    const { cache, warnings } = setup();
    await fill(cache, [0, 1, 2]);
    const pack = await cache.open(notes, new Set(keys));
    expect([0, 1, 2, 3].map((i) => pack.get(keys[i]!))).toEqual([value(0), value(1), value(2), undefined]);
    expect(pack.stats).toMatchObject({ hits: 3, pruned: 0, damaged: 0 });
    expect(warnings).toEqual([]);
  });

  it("keeps only the entries the latest build used", async () => {
    const { cache, file } = setup();
    await fill(cache, [0, 1, 2]);
    const second = await cache.open(notes, new Set([keys[1]!, keys[2]!, keys[3]!]));
    expect(second.get(keys[1]!)).toEqual(value(1)); // used; note 2 is wanted but never asked for
    second.put(keys[3]!, value(3));
    await second.commit();
    expect(second.stats).toMatchObject({ hits: 2, added: 1, pruned: 2 });
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(3); // the header, note 1, note 3
    const third = await cache.open(notes, new Set(keys));
    expect(keys.map((k) => third.get(k)?.n)).toEqual([undefined, 1, undefined, 3, undefined]);
  });

  it("keeps entries of every size when it writes a pack again, a line longer than its write batch included", async () => {
    const { cache } = setup();
    const big = (i: number): Note => ({ text: `${"long line ".repeat(120_000 + i)}${i}`, n: i }); // over a megabyte each
    const first = await cache.open(notes, new Set(keys));
    for (const i of [0, 1, 2, 3]) first.put(keys[i]!, i % 2 ? big(i) : value(i));
    await first.commit();
    // Entry 0 is not used again: the pack is written again with the other three.
    const second = await cache.open(notes, new Set(keys));
    expect([1, 2, 3].map((i) => second.get(keys[i]!)?.n)).toEqual([1, 2, 3]);
    await second.commit();
    expect(second.stats).toMatchObject({ hits: 4, pruned: 1 });
    const third = await cache.open(notes, new Set(keys));
    expect(keys.map((k) => third.get(k))).toEqual([undefined, big(1), value(2), big(3), undefined]);
    expect(third.stats.damaged).toBe(0);
  });

  it("writes each put as the line `key checksum JSON`, in order, across write batches and in every script", async () => {
    const { cache, file } = setup();
    const texts = ["plain ascii", "ünïcode — “curly” €", "中文 и кириллица", "emoji \u{1F600} and \u{10FFFF}", ""];
    // About three megabytes of lines, one of them longer than a write batch by itself.
    const text = (i: number) => (i === 300 ? `${"wide ☃ ".repeat(200_000)}end` : `${texts[i % texts.length]} ${i} `.repeat(1 + (i % 7) * 100));
    const many = Array.from({ length: 600 }, (_, i) => ({ key: cacheKey("line", i), note: { text: text(i), n: i } }));
    const pack = await cache.open(notes, "all");
    for (const { key, note } of many) pack.put(key, note);
    await pack.commit();
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines.slice(1, -1)).toEqual(many.map(({ key, note }) => `${key} ${checksum(JSON.stringify(note))} ${JSON.stringify(note)}`));
    const again = await cache.open(notes, "all");
    expect(many.every(({ key, note }) => again.get(key)?.text === note.text)).toBe(true);
    expect(again.stats).toMatchObject({ hits: many.length, damaged: 0 });
  });

  it("replaces an entry the build read and put again (its reader found it unfit), in the pack a later build reads", async () => {
    const { cache, file } = setup();
    await fill(cache, [0, 1]);
    const second = await cache.open(notes, new Set([keys[0]!, keys[1]!]));
    expect(second.get(keys[0]!)).toEqual(value(0));
    expect(second.get(keys[1]!)).toEqual(value(1));
    second.put(keys[0]!, value(7));
    await second.commit();
    expect(second.stats).toMatchObject({ hits: 1, added: 1, pruned: 1 });
    expect(readFileSync(file, "utf8").trimEnd().split("\n")).toHaveLength(3); // the header, note 1, the new note 0
    const third = await cache.open(notes, new Set(keys));
    expect([third.get(keys[0]!), third.get(keys[1]!)]).toEqual([value(7), value(1)]);
  });

  it("leaves an unchanged pack alone and appends what is new", async () => {
    const { cache, file, dir } = setup();
    await fill(cache, [0, 1]);
    const before = readFileSync(file, "utf8");
    const same = await cache.open(notes, new Set([keys[0]!, keys[1]!]));
    same.get(keys[0]!);
    same.get(keys[1]!);
    await same.commit();
    expect(readFileSync(file, "utf8")).toBe(before);
    const more = await cache.open(notes, new Set([keys[0]!, keys[1]!, keys[2]!]));
    more.get(keys[0]!);
    more.get(keys[1]!);
    more.put(keys[2]!, value(2));
    await more.commit();
    expect(readFileSync(file, "utf8").startsWith(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["notes.pack"]); // no temporary files left
  });

  it("appends new entries to the pack in place, unless another build has written it since this one read it", async () => {
    const { cache, file, dir, warnings } = setup();
    await fill(cache, [0, 1]);
    const inode = statSync(file).ino;
    const first = await cache.open(notes, new Set(keys));
    const second = await cache.open(notes, new Set(keys));
    for (const pack of [first, second]) [0, 1].forEach((i) => pack.get(keys[i]!));
    first.put(keys[2]!, value(2));
    await first.commit();
    expect(statSync(file).ino).toBe(inode); // appended, not copied
    // The second build read the pack before the first appended to it: it writes its own pack whole.
    second.put(keys[3]!, value(3));
    await second.commit();
    expect(statSync(file).ino).not.toBe(inode);
    const third = await cache.open(notes, new Set(keys));
    expect(keys.map((k) => third.get(k)?.n)).toEqual([0, 1, 2, 3, undefined]);
    expect(third.stats).toMatchObject({ hits: 4, damaged: 0 });
    expect(warnings).toEqual([]);
    expect(readdirSync(dir)).toEqual(["notes.pack"]);
  });

  it("keeps a few unused entries in place rather than write a large pack again, and drops them once they are too many", async () => {
    const { cache, file } = setup();
    const many = Array.from({ length: 40 }, (_, i) => cacheKey("many", i));
    const note = (i: number): Note => ({ text: `entry ${i}`, n: i });
    const build = async (used: number[], added: number[] = []) => {
      const pack = await cache.open(notes, new Set(many));
      const got = used.map((i) => pack.get(many[i]!)?.n);
      for (const i of added) pack.put(many[i]!, note(i));
      await pack.commit();
      return { got, stats: pack.stats };
    };
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    await build([], range(0, 36));
    const inode = statSync(file).ino;
    // One entry no longer used (an article removed), one new: 1 unused line in 36 stays, the new one is appended.
    expect((await build(range(1, 36), [36])).stats).toMatchObject({ hits: 36, added: 1, pruned: 1 });
    expect(statSync(file).ino).toBe(inode);
    expect(readFileSync(file, "utf8").trimEnd().split("\n")).toHaveLength(1 + 37);
    // The entry comes back (the article too): still there, read as a hit.
    expect((await build([0, ...range(1, 37)])).got).toEqual(range(0, 37));
    // Three unused of 34 is more than one in 16: written whole with the used ones only.
    const { got, stats } = await build(range(3, 37));
    expect(got).toEqual(range(3, 37));
    expect(stats).toMatchObject({ hits: 37, pruned: 3 });
    expect(statSync(file).ino).not.toBe(inode);
    expect(readFileSync(file, "utf8").trimEnd().split("\n")).toHaveLength(1 + 34);
    expect((await build(range(0, 40))).got).toEqual([undefined, undefined, undefined, ...range(3, 37), undefined, undefined, undefined]);
  });

  it("ignores a line cut short by an append that stopped half-way, and writes the pack whole again", async () => {
    const { cache, file, warnings } = setup();
    await fill(cache, [0, 1]);
    const whole = readFileSync(file, "utf8");
    writeFileSync(file, `${whole}${keys[2]} 0123`); // a killed append
    const pack = await cache.open(notes, new Set(keys));
    expect(keys.map((k) => pack.get(k)?.n)).toEqual([0, 1, undefined, undefined, undefined]);
    expect(warnings).toEqual([`cache: ignored 1 damaged entry in ${file}`]);
    pack.put(keys[2]!, value(2));
    await pack.commit();
    expect(readFileSync(file, "utf8").trimEnd().split("\n")).toHaveLength(4);
    const healed = await cache.open(notes, new Set(keys));
    expect(keys.map((k) => healed.get(k)?.n)).toEqual([0, 1, 2, undefined, undefined]);
    expect(warnings).toHaveLength(1);
  });

  it("ignores a damaged entry with a warning and keeps the sound ones", async () => {
    const { cache, file, warnings } = setup();
    await fill(cache, [0, 1, 2]);
    const lines = readFileSync(file, "utf8").split("\n");
    lines[2] = lines[2]!.replace("note 1", "note 9"); // the checksum no longer holds
    writeFileSync(file, lines.join("\n"));
    const pack = await cache.open(notes, "all");
    expect(keys.slice(0, 3).map((k) => pack.get(k)?.n)).toEqual([0, undefined, 2]);
    expect(warnings).toEqual([`cache: ignored 1 damaged entry in ${file}`]);
    pack.put(keys[1]!, value(1));
    await pack.commit();
    const healed = await cache.open(notes, new Set(keys));
    expect(keys.slice(0, 3).map((k) => healed.get(k)?.n)).toEqual([0, 1, 2]);
  });

  it("ignores an entry of the wrong shape even when its checksum holds", async () => {
    const { cache, file, warnings } = setup();
    const pack = await cache.open(notes, new Set([keys[0]!]));
    pack.putJson(keys[0]!, JSON.stringify({ text: 42 }));
    await pack.commit();
    expect((await cache.open(notes, new Set([keys[0]!]))).get(keys[0]!)).toBeUndefined();
    expect(warnings).toEqual([`cache: ignored 1 damaged entry in ${file}`]);
  });

  it("ignores, as damaged, a line whose checksum holds but whose key is not 32 lower-case hex digits", async () => {
    const { cache, file, warnings } = setup();
    await fill(cache, [0, 1, 2]);
    const lines = readFileSync(file, "utf8").split("\n");
    // The key of line 1 in capitals, of line 2 with one letter out of hex: their values and checksums untouched.
    lines[1] = lines[1]!.slice(0, 32).toUpperCase() + lines[1]!.slice(32);
    lines[2] = `g${lines[2]!.slice(1)}`;
    writeFileSync(file, lines.join("\n"));
    const wanted = new Set([keys[0]!.toUpperCase(), `g${keys[1]!.slice(1)}`, keys[2]!]);
    const pack = await cache.open(notes, wanted);
    expect([...wanted].map((k) => pack.get(k))).toEqual([undefined, undefined, value(2)]);
    expect(pack.stats).toMatchObject({ hits: 1, damaged: 2 });
    expect(warnings).toEqual([`cache: ignored 2 damaged entries in ${file}`]);
  });

  it("reads a namespace's last string from the line's bytes as JSON.parse would read it, and a line JSON.parse refuses as damaged", async () => {
    const tail: Namespace<Record<string, unknown>> = { name: "tail", lastString: "terms", accepts: (v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) };
    const { cache, warnings } = setup();
    // As written (JSON.stringify), and as a line of other code might be: terms not last, escapes, non-ASCII, "}" in a string, a repeated key.
    const lines = [
      JSON.stringify({ evidence: { date: "2025-03-01", messages: [] }, terms: "xgHHu2cA+/==" }),
      JSON.stringify({ evidence: { note: ',"terms":"no' }, terms: "" }),
      JSON.stringify({ terms: "first", evidence: null }),
      JSON.stringify({ evidence: 1, terms: 'quote " and \\ backslash' }),
      JSON.stringify({ evidence: 1, terms: "café" }),
      JSON.stringify({ evidence: 1, terms: "tab\tnewline\n" }),
      JSON.stringify({ terms: "only" }),
      '{"a":1,"terms":"old","b":2,"terms":"new"}',
      '{"terms":"old","a":1,"terms":"new"}',
      '{"a":"x\\\\","terms":"y"}',
    ];
    const broken = ['{,"terms":"x"}', '{"a":1,"terms":"}', '{"a":,"terms":"x"}', '{"a":1,"terms":"x\u0001"}'];
    const all = [...lines, ...broken];
    const pack = await cache.open(tail, "all");
    all.forEach((json, i) => pack.putJson(cacheKey("tail", i), json));
    await pack.commit();
    const read = await cache.open(tail, "all");
    lines.forEach((json, i) => {
      const value = read.get(cacheKey("tail", i));
      expect(value).toEqual(JSON.parse(json));
      expect(Object.keys(value!)).toEqual(Object.keys(JSON.parse(json) as object));
    });
    broken.forEach((_, i) => expect(read.get(cacheKey("tail", lines.length + i))).toBeUndefined());
    expect(warnings).toEqual([`cache: ignored ${broken.length} damaged entries in ${join(cache.dir, "tail.pack")}`]);
  });

  it("reads last strings of lines that span the reading buffer's fills as they were written", async () => {
    const tail: Namespace<Record<string, unknown>> = { name: "tail", lastString: "terms", accepts: (v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) };
    const { cache } = setup();
    // About 3 MB of lines of uneven lengths (the reader takes a megabyte at a time), one longer than a megabyte.
    const terms = (i: number) => Array.from({ length: 1 + ((i * 7919) % 4000) }, (_, k) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i + k * 31) % 64]).join("");
    const lines = Array.from({ length: 1500 }, (_, i) => JSON.stringify({ evidence: { n: i }, terms: i === 700 ? "x".repeat(1_200_000) : terms(i) }));
    const pack = await cache.open(tail, "all");
    lines.forEach((json, i) => pack.putJson(cacheKey("tail", i), json));
    await pack.commit();
    const read = await cache.open(tail, "all");
    expect(lines.filter((json, i) => JSON.stringify(read.get(cacheKey("tail", i))) !== json)).toEqual([]);
  });

  it("ignores a pack cut short, garbage, and a pack of another format, with a warning each", async () => {
    const { cache, file, warnings } = setup();
    await fill(cache, [0, 1]);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.length - 10));
    expect((await cache.open(notes, new Set(keys))).get(keys[1]!)).toBeUndefined();
    writeFileSync(file, Buffer.from([0, 159, 255, 10, 1, 2, 3]));
    expect((await cache.open(notes, new Set(keys))).get(keys[0]!)).toBeUndefined();
    writeFileSync(file, text.replace(/^DIGEST-CACHE 2 /, "DIGEST-CACHE 1 "));
    expect((await cache.open(notes, new Set(keys))).get(keys[0]!)).toBeUndefined();
    expect(warnings).toEqual([
      `cache: ignored 1 damaged entry in ${file}`,
      `cache: ${file} is not a Digest cache of this version (format 2, notes); ignoring it`,
      `cache: ${file} is not a Digest cache of this version (format 2, notes); ignoring it`,
    ]);
  });

  it("warns and goes on when the cache folder cannot be made", async () => {
    const { dir } = setup();
    writeFileSync(join(dir, "a-file"), "not a folder");
    const warnings: string[] = [];
    await fill(new DiskCache(join(dir, "a-file", "cache"), (w) => warnings.push(w)), [0]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cache: cannot write .*notes\.pack/);
    expect(readdirSync(dir)).toEqual(["a-file"]);
  });

  it("removes what a build that stopped half-way left behind, and nothing of a running one", async () => {
    const { cache, dir } = setup();
    await fill(cache, [0]);
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!; // a process that has ended
    writeFileSync(join(dir, `notes.pack.add-${gone}-abc`), "half");
    writeFileSync(join(dir, `notes.pack.tmp-${process.pid}-abc`), "in use");
    writeFileSync(join(dir, "someone-elses.txt"), "not ours");
    await cache.open(notes, "all");
    expect(readdirSync(dir).sort()).toEqual(["notes.pack", `notes.pack.tmp-${process.pid}-abc`, "someone-elses.txt"]);
  });

  it("stores only values JSON gives back unchanged", () => {
    expect(cacheJson({ a: [1, "x", null], b: { c: true } })).toBe('{"a":[1,"x",null],"b":{"c":true}}');
    for (const bad of [{ d: new Date(0) }, { u: undefined }, [undefined], { n: Number.NaN }, { m: new Map() }, { f: () => 1 }]) {
      expect(cacheJson(bad)).toBeNull();
    }
    // Deep down, or with no prototype, the same JSON; what a member's toJSON gives is looked at too.
    let deep: unknown = "x";
    for (let i = 0; i < 100; i++) deep = { a: [deep, i] };
    expect(cacheJson(deep)).toBe(JSON.stringify(deep));
    expect(cacheJson([deep, { d: [new Date(0)] }])).toBeNull();
    expect(cacheJson(Object.assign(Object.create(null) as object, { a: 1 }))).toBe('{"a":1}');
    expect(cacheJson({ a: { b: 1, toJSON: () => ({ c: undefined }) } })).toBeNull();
  });

  it("keys a list of texts by every text and where each ends, lone surrogates included", () => {
    const key = textsKey(["ab", "c"]);
    expect(textsKey(["ab", "c"])).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const others = [["a", "bc"], ["abc"], ["c", "ab"], ["ab", "c", ""], ["ab", "C"]].map(textsKey);
    expect(new Set([key, ...others]).size).toBe(6);
    // UTF-8 would turn each lone surrogate into U+FFFD, and these two into one key.
    expect(textsKey(["\ud800"])).not.toBe(textsKey(["\ufffd"]));
    expect(textsKey(["\udc00\ud800"])).not.toBe(textsKey(["\ud800\udc00"]));
  });

  it("checks each entry with a CRC-32 of its JSON's UTF-8, the same with or without zlib's", () => {
    expect(checksum("123456789")).toBe("cbf43926"); // the standard check value
    expect(checksum("")).toBe("00000000");
    const text = `${JSON.stringify(value(3))} \u{1F600}`;
    expect(checksum(text)).toBe(checksum(Buffer.from(text)));
    expect(crc32(Buffer.from(text)).toString(16).padStart(8, "0")).toBe(checksum(text));
    expect(checksum(text)).not.toBe(checksum(text.replace("note", "nope")));
  });
});
