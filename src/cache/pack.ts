// The build cache on disk: per namespace one pack file of `key → JSON value` lines, in the cache folder
// (`.digest-cache/` of the working folder, or `--cache DIR`).
//
//   DIGEST-CACHE 2 <namespace>\n                     header: format version and namespace
//   <key: 32 hex> <CRC-32 of the JSON: 8 hex> <JSON>\n one line per entry
//
// The checksum finds damage (a torn write, a flipped bit), not forgery: a CRC-32 does that at a
// fraction of an MD5's cost (format 1 had MD5s: reading every article's records at 10,000 articles,
// the checksums were a fifth of the time).
//
// A build opens a namespace with the keys it wants, takes the valid ones as hits, puts what it computed,
// and commits: the new pack holds the entries this build used, and at most one line in STALE_SHARE of
// entries no build since has used (so it stays bounded). A pack that only gains entries, or loses few,
// has the new ones appended in place (one new or removed article must not copy a pack of every
// article, nor one changed story the packs of every story); any other is written whole, without the
// unused entries, and renamed over the old one. A line cut short (a build killed
// while appending, or read while another appends) is ignored, and the next commit writes the pack whole. Nothing read is trusted: a line whose
// checksum, JSON or shape is wrong is ignored with a warning, and a pack of another format or namespace
// is ignored whole. Deleting the folder only makes the next build cold.
import { createHash, hash } from "node:crypto";
import * as zlib from "node:zlib";
import { closeSync, constants, copyFileSync, existsSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { makeFoldersSync } from "../text/folders.ts";

/** The state files' format (./state.ts). */
export const CACHE_FORMAT = 1;
/** The packs' format. */
export const PACK_FORMAT = 2;

export interface Namespace<T> {
  /** The pack's file name without `.pack`: letters, digits and dashes. */
  name: string;
  /** Whether a value read back has the shape this namespace stores; anything else is not used. */
  accepts(value: unknown): value is T;
  /**
   * Entries are found, not read: `get` gives an entry's number (its checksum checked, `accepts` given
   * its JSON's bytes), and `readJson` reads it from the pack, kept open until `DiskCache.close`. For
   * values most builds never use: they cost neither parsing nor memory. What this build puts can be read
   * back the same way (`putJson` gives its number), from the file the new lines go to.
   */
  unparsed?: boolean;
  /**
   * Its values are objects whose last member is a string of this name (clustering's terms, nine tenths
   * of a dated record's bytes): when that string is plain ASCII, it is taken from the line's bytes as
   * they are and only the members before it go through JSON.parse. Same value, same key order.
   */
  lastString?: string;
}

/** A JSON object (not null, not an array): where every `accepts` starts. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface PackStats {
  /** Entries read that were sound and wanted. */
  hits: number;
  /** Entries put by this build. */
  added: number;
  /** Entries in the old pack this build did not use: left out of the new one (counted at commit). */
  pruned: number;
  /** Lines ignored because they were damaged or not of this namespace's shape. */
  damaged: number;
}

const KEY = /^[0-9a-f]{32}$/;
/**
 * A pack keeps entries this build did not use (an article removed, a story's old summary) as long as
 * they are at most one in this many of its lines: they are written over when it is next written whole.
 */
export const STALE_SHARE = 16;
const LINE_HEAD = 32 + 1 + 8 + 1;
const READ_CHUNK = 1 << 20;

/** A cache key: 128 bits of SHA-256 over the parts, each length-prefixed so no two lists collide. */
export function cacheKey(...parts: ReadonlyArray<string | number>): string {
  return keyAfter("", ...parts);
}

/** The parts framed as `cacheKey` frames them: a key's shared head, made once for many keys (`keyAfter`). */
export function keyHead(...parts: ReadonlyArray<string | number>): string {
  return parts.map((part) => `${String(part).length}:${part}\n`).join("");
}

/** `cacheKey` of the parts framed in `head` (`keyHead`) followed by `parts`. */
export function keyAfter(head: string, ...parts: ReadonlyArray<string | number>): string {
  return hash("sha256", head + keyHead(...parts)).slice(0, 32);
}

/**
 * A cache key over many texts, hashed as they come rather than joined into one string (or made JSON)
 * first: each length-prefixed, so no two lists collide, and hashed as UTF-16, so that every string,
 * even one with a lone surrogate, hashes as itself. Give the list a fixed shape (counts before runs).
 */
export function textsKey(parts: Iterable<string>): string {
  const sha = createHash("sha256");
  for (const part of parts) sha.update(`${part.length}:`).update(part, "utf16le");
  return sha.digest("hex").slice(0, 32);
}

/**
 * `value` as JSON, or null when JSON would not give it back as it is (a Date, a Map, undefined, NaN, a
 * class instance): such a value is computed again each build rather than come back different.
 */
export function cacheJson(value: unknown): string | null {
  // The usual value is plain all through: one walk over it and the native JSON.stringify cost a fraction
  // of a replacer called back for every member (most of a record's JSON time). Anything else (a value JSON
  // would change, a toJSON, a tree too deep for the walk) goes the replacer's way, which decides it.
  if (plainJson(value, 0)) return JSON.stringify(value);
  return checkedJson(value);
}

/** Deeper than this, `plainJson` gives up and the replacer decides (a cycle among them: JSON.stringify's own error). */
const PLAIN_DEPTH = 64;

/**
 * Whether JSON.stringify gives `value` back exactly as `checkedJson` would accept it: strings, finite
 * numbers, booleans, null, and arrays and objects of them (their prototype Object's, Array's or none, and
 * no toJSON), every array element and every enumerable own string-keyed member (what JSON.stringify visits).
 */
function plainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (value === null) return true;
      if (depth >= PLAIN_DEPTH) return false;
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto === Array.prototype) {
        if (!Array.isArray(value) || "toJSON" in value) return false;
        for (let i = 0; i < value.length; i++) if (!plainJson(value[i], depth + 1)) return false;
        return true;
      }
      if ((proto !== Object.prototype && proto !== null) || "toJSON" in value) return false;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) if (!plainJson(record[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** `value` as JSON through a replacer that looks at every value before its toJSON, or null when one would not come back. */
function checkedJson(value: unknown): string | null {
  let safe = true;
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, converted: unknown) {
    const original = this[key]; // before toJSON: a Date arrives here as a string
    if (original === undefined || typeof original === "function" || typeof original === "symbol" || typeof original === "bigint") safe = false;
    else if (typeof original === "number" && !Number.isFinite(original)) safe = false;
    else if (original !== null && typeof original === "object") {
      const proto: unknown = Object.getPrototypeOf(original);
      if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) safe = false;
    }
    return converted;
  });
  return safe && json !== undefined ? json : null;
}

export class DiskCache {
  /** Packs read unparsed: open until `close`. */
  private readonly unparsed: Array<Pack<unknown>> = [];

  constructor(
    readonly dir: string,
    readonly warn: (text: string) => void,
  ) {}

  /**
   * The cache in `dir`, its folder made now; null, with one warning, when it cannot be (a dangling link, a
   * file in the way, a folder under /proc): the build then runs as with --no-cache instead of warning at
   * every write.
   */
  static make(dir: string, warn: (text: string) => void): DiskCache | null {
    try {
      makeFoldersSync(dir);
    } catch (error) {
      warn(`cache: cannot use ${dir} (${(error as Error).message}); this build runs without a cache`);
      return null;
    }
    return new DiskCache(dir, warn);
  }

  /** Closes the packs read unparsed (their entries can no longer be read). */
  close(): void {
    for (const pack of this.unparsed.splice(0)) pack.close();
  }

  /**
   * The entries of `namespace` whose keys are in `wanted` (read and checked), ready to take new ones.
   * "all": every entry, for a step that learns its keys only as it goes (a story's summary).
   */
  async open<T>(namespace: Namespace<T>, wanted: ReadonlySet<string> | "all"): Promise<Pack<T>> {
    if (!/^[a-z0-9-]+$/.test(namespace.name)) throw new Error(`cache namespace "${namespace.name}" is not a plain name`);
    const pack = new Pack(namespace, join(this.dir, `${namespace.name}.pack`), this.dir, this.warn);
    this.sweep(namespace.name);
    await pack.read(wanted);
    if (namespace.unparsed) this.unparsed.push(pack as Pack<unknown>);
    return pack;
  }

  /** Removes the temporary files a build that stopped half-way (its process is gone) left behind. */
  private sweep(name: string): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const file of names) {
      const m = new RegExp(`^${name}\\.pack\\.(?:tmp|add)-(\\d+)-`).exec(file);
      if (!m || alive(Number(m[1]))) continue;
      try {
        rmSync(join(this.dir, file), { force: true });
      } catch {
        // another build's clean-up got there first
      }
    }
  }
}

export class Pack<T> {
  readonly stats: PackStats = { hits: 0, added: 0, pruned: 0, damaged: 0 };
  private readonly hits = new Map<string, T>();
  /** The hits this build asked for: the entries the new pack keeps. */
  private readonly used = new Set<string>();
  /** Keys put by this build (with their entry numbers in an unparsed namespace, else -1); their lines go to a side file as they come, not into memory. */
  private readonly added = new Map<string, number>();
  /** The side file; `bytes`: what its lines, written and pending, take in it. */
  private additions: { path: string; fd: number; batch: Buffer; filled: number; bytes: number } | null = null;
  private writeError: Error | null = null;
  /** Whether the file on disk is a pack of this format and namespace (and so can be appended to). */
  private sound = false;
  /** Entries read that this build put again (their value was unfit): the old lines must go. */
  private replaced = 0;
  /** The pack's size as this build read it: appended to only while it is still that size. */
  private readBytes = -1;
  private committed = false;
  /** Whether `close` was called (an unparsed namespace's entries can no longer be read). */
  private closed = false;
  /**
   * An unparsed namespace's pack, open as read, and where each entry is (by entry number): in it, or
   * for one this build put (`added`), in the side file, kept open (and readable after the commit
   * removed its name) until `close`. The JSON of entries put and not yet written (or that could not be).
   */
  private source: number | null = null;
  private readonly found: { offset: number[]; length: number[]; crc: number[]; added: boolean[] } = { offset: [], length: [], crc: [], added: [] };
  private readonly unwritten = new Map<number, string>();
  /** What `readJson` reads an entry's bytes into before decoding them (one buffer for all: a buffer per entry was garbage as large as the pack). */
  private readBuffer: Buffer | null = null;

  constructor(
    private readonly namespace: Namespace<T>,
    readonly file: string,
    private readonly dir: string,
    private readonly warn: (text: string) => void,
  ) {}

  get(key: string): T | undefined {
    const value = this.hits.get(key);
    if (value !== undefined) this.used.add(key);
    return value;
  }

  /**
   * Stores a value already made JSON by `cacheJson`. A key this build read is put again only when the
   * value read was unfit for its use (checks beyond `accepts`): the new value replaces it. In an
   * unparsed namespace, the entry's number for `readJson` (the first put's, for a key put again);
   * undefined when it cannot be read back (the cache could not be written, or was committed).
   */
  putJson(key: string, json: string): number | undefined {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    const known = this.added.get(key);
    if (known !== undefined) return known < 0 ? undefined : known;
    if (this.writeError || this.committed) return undefined;
    if (this.hits.delete(key)) {
      // The old line is left out: the pack is written whole.
      this.used.delete(key);
      this.stats.hits--;
      this.stats.pruned++;
      this.replaced++;
    }
    this.added.set(key, -1);
    try {
      if (!this.additions) {
        makeFoldersSync(this.dir);
        const path = `${this.file}.add-${process.pid}-${Math.random().toString(36).slice(2)}`;
        this.additions = { path, fd: openSync(path, this.namespace.unparsed ? "w+" : "w"), batch: Buffer.allocUnsafe(WRITE_BATCH), filled: 0, bytes: 0 };
      }
      const a = this.additions;
      // The line is encoded straight into the write batch (the JSON encoded once, its checksum taken from
      // those bytes; a line longer than the batch into a buffer of its own): a megabyte of lines joined
      // as a string and encoded for the write cost four times as much, a Buffer per line kept memory.
      const length = Buffer.byteLength(json);
      const size = LINE_HEAD + length + 1;
      if (a.filled + size > a.batch.length) this.flush();
      const line = size > a.batch.length ? Buffer.allocUnsafe(size) : a.batch;
      const at = line === a.batch ? a.filled : 0;
      line.write(key, at, "latin1");
      line[at + 32] = 0x20;
      line.write(json, at + LINE_HEAD, "utf8");
      const sum = crc(line.subarray(at + LINE_HEAD, at + LINE_HEAD + length));
      line.write(hex(sum), at + 33, "latin1");
      line[at + LINE_HEAD - 1] = 0x20;
      line[at + LINE_HEAD + length] = 0x0a;
      if (line === a.batch) a.filled += size;
      else writeAll(a.fd, line, size);
      let entry: number | undefined;
      if (this.namespace.unparsed) {
        entry = this.found.offset.length;
        this.found.offset.push(a.bytes + LINE_HEAD);
        this.found.length.push(length);
        this.found.crc.push(sum);
        this.found.added.push(true);
        this.unwritten.set(entry, json);
        this.added.set(key, entry);
        a.bytes += LINE_HEAD + length + 1;
      }
      return entry;
    } catch (error) {
      this.writeError = error as Error;
      const entry = this.added.get(key)!;
      return entry < 0 ? undefined : entry;
    }
  }

  /** Writes the batch's lines (when that fails, their JSON stays readable from memory). */
  private flush(): void {
    const a = this.additions!;
    writeAll(a.fd, a.batch, a.filled);
    a.filled = 0;
    this.unwritten.clear();
  }

  put(key: string, value: T): boolean {
    const json = cacheJson(value);
    if (json !== null) this.putJson(key, json);
    return json !== null;
  }

  async read(wanted: ReadonlySet<string> | "all"): Promise<void> {
    if (!existsSync(this.file)) return;
    try {
      let header = true;
      const fd = openSync(this.file, "r");
      if (this.namespace.unparsed) this.source = fd;
      const { cutShort, bytes } = scanLines(fd, !this.namespace.unparsed, (line, offset, fill, start) => {
        if (header) {
          header = false;
          this.sound = line.toString("latin1") === this.header().trimEnd();
          return this.sound;
        }
        this.take(line, offset, wanted, fill, start);
        return true;
      });
      if (this.sound && cutShort) this.stats.damaged++;
      this.readBytes = bytes;
    } catch (error) {
      this.warn(`cache: cannot read ${this.file} (${(error as Error).message}); building without it`);
      this.hits.clear();
      this.stats.hits = 0;
      this.sound = false;
      this.closeSource();
      return;
    }
    if (!this.sound) this.closeSource();
    if (!this.sound) this.warn(`cache: ${this.file} is not a Digest cache of this version (format ${PACK_FORMAT}, ${this.namespace.name}); ignoring it`);
    if (this.stats.damaged > 0) this.warn(`cache: ignored ${this.stats.damaged} damaged entr${this.stats.damaged === 1 ? "y" : "ies"} in ${this.file}`);
  }

  /**
   * The JSON of an unparsed namespace's entry (`get` gave its number), read from the pack as it was
   * read; an error when it is not what was read then, or the cache was closed.
   */
  readJson(entry: number): string {
    const offset = this.found.offset[entry];
    const fd = this.found.added[entry] ? (this.additions?.fd ?? null) : this.source;
    if (fd === null || offset === undefined || this.closed) throw new Error(`cache: ${this.file} is not open for reading`);
    const unwritten = this.unwritten.get(entry);
    if (unwritten !== undefined) return unwritten;
    const length = this.found.length[entry]!;
    if (!this.readBuffer || this.readBuffer.length < length) this.readBuffer = Buffer.allocUnsafeSlow(Math.max(length, READ_BUFFER));
    const bytes = this.readBuffer;
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    if (done !== length || crc(bytes.subarray(0, length)) !== this.found.crc[entry]) throw new Error(`cache: ${this.file} changed while this build read it`);
    return bytes.toString("utf8", 0, length);
  }

  /** Closes an unparsed namespace's pack and side file. */
  close(): void {
    this.closeSource();
    if (this.namespace.unparsed && this.additions && !this.closed) closeSync(this.additions.fd);
    this.closed = true;
    this.readBuffer = null;
  }

  private closeSource(): void {
    if (this.source !== null) closeSync(this.source);
    this.source = null;
  }

  /**
   * One entry line (from `offset` in the file; at `start` in `fill`): a hit when its key is wanted and its
   * checksum, JSON and shape hold.
   */
  private take(line: Buffer, offset: number, wanted: ReadonlySet<string> | "all", fill: Fill, start: number): void {
    const key = line.toString("latin1", 0, 32);
    if (line.length < LINE_HEAD || line[32] !== 0x20 || line[LINE_HEAD - 1] !== 0x20 || !KEY.test(key)) {
      this.stats.damaged++;
      return;
    }
    if ((wanted !== "all" && !wanted.has(key)) || this.hits.has(key)) {
      this.stats.pruned++;
      return;
    }
    const body = line.subarray(LINE_HEAD);
    const sum = crc(body);
    if (hexAt(line, 33) !== sum) {
      this.stats.damaged++;
      return;
    }
    if (this.namespace.unparsed) {
      if (!this.namespace.accepts(body)) {
        this.stats.damaged++;
        return;
      }
      const entry = this.found.offset.length;
      this.found.offset.push(offset + LINE_HEAD);
      this.found.length.push(body.length);
      this.found.crc.push(sum);
      this.found.added.push(false);
      this.hits.set(key, entry as T);
      this.stats.hits++;
      return;
    }
    let value: unknown;
    try {
      value = (this.namespace.lastString && parseWithLastString(body, this.namespace.lastString, fill, start + LINE_HEAD)) || JSON.parse(body.toString("utf8"));
    } catch {
      this.stats.damaged++;
      return;
    }
    if (!this.namespace.accepts(value)) {
      this.stats.damaged++;
      return;
    }
    this.hits.set(key, value);
    this.stats.hits++;
  }

  /**
   * Writes the pack this build used: unchanged, or with only a few unused lines (STALE_SHARE), the old
   * file stays, with the additions appended in place (else to a copy of it); otherwise the used lines
   * and the new ones are written whole. Always to a temporary file renamed over the old, except for an
   * append in place. A cache that cannot be written costs the next build its speed, not this build its result.
   */
  async commit(): Promise<void> {
    if (this.committed) return;
    this.committed = true;
    this.stats.added = this.added.size;
    this.stats.pruned += this.hits.size - this.used.size;
    const temp = `${this.file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      if (this.additions) {
        if (!this.writeError) this.flush();
        // An unparsed namespace's side file stays open: what this build put is read from it.
        if (!this.namespace.unparsed) closeSync(this.additions.fd);
      }
      if (this.writeError) throw this.writeError;
      // The old lines can stay: none is damaged or replaced, and those not used are few (a line that is
      // read first wins, so a replaced one must go).
      const kept = this.sound && this.stats.damaged === 0 && this.replaced === 0 && this.stats.pruned * STALE_SHARE <= this.used.size + this.added.size;
      if (kept && this.added.size === 0) return;
      if (kept && this.additions && this.appendInPlace(this.additions.path)) return;
      makeFoldersSync(this.dir);
      if (kept) copyFileSync(this.file, temp);
      else this.rewrite(temp);
      if (this.additions) {
        const out = openSync(temp, "a");
        try {
          appendFile(out, this.additions.path);
        } finally {
          closeSync(out);
        }
      }
      renameSync(temp, this.file);
    } catch (error) {
      this.warn(`cache: cannot write ${this.file} (${(error as Error).message}); the next build will not find these results`);
    } finally {
      for (const leftover of [temp, this.additions?.path]) {
        try {
          if (leftover) rmSync(leftover, { force: true });
        } catch {
          // nothing was made there
        }
      }
    }
  }

  /** Appends the side file's lines to the pack, when the pack is still the size this build read; else false. */
  private appendInPlace(from: string): boolean {
    let fd: number;
    try {
      fd = openSync(this.file, constants.O_WRONLY | constants.O_APPEND);
    } catch {
      return false; // gone since it was read: written whole
    }
    try {
      if (fstatSync(fd).size !== this.readBytes) return false; // another build wrote it since
      appendFile(fd, from);
      return true;
    } finally {
      closeSync(fd);
    }
  }

  /** The header, then the old pack's lines that were hits, once each, as they were read. */
  private rewrite(temp: string): void {
    writeFileSync(temp, this.header());
    if (this.used.size === 0) return;
    const out = openSync(temp, "a");
    const kept = new Set<string>();
    // Lines are gathered a megabyte at a time (two writes a line were most of a rewrite's cost).
    const batch = Buffer.allocUnsafe(READ_CHUNK);
    let filled = 0;
    const flush = () => {
      writeAll(out, batch, filled);
      filled = 0;
    };
    try {
      let header = true;
      scanLines(openSync(this.file, "r"), true, (line) => {
        if (header) return !(header = false);
        const key = line.toString("latin1", 0, 32);
        if (!this.used.has(key) || kept.has(key)) return true;
        kept.add(key);
        if (filled + line.length + 1 > batch.length) flush();
        if (line.length + 1 > batch.length) {
          writeAll(out, line, line.length);
          writeAll(out, NEWLINE, 1);
          return true;
        }
        line.copy(batch, filled);
        batch[filled + line.length] = 0x0a;
        filled += line.length + 1;
        return true;
      });
      flush();
    } finally {
      closeSync(out);
    }
    // Another build replaced the pack since this one read it: what is there is not what was read.
    if (kept.size !== this.used.size) throw new Error("the pack changed while this build used it");
  }

  private header(): string {
    return `DIGEST-CACHE ${PACK_FORMAT} ${this.namespace.name}\n`;
  }
}

const NEWLINE = Buffer.from("\n");

/** The 8 lower-case hex digits at `at` in the line as a number, or -1 when they are not that. */
function hexAt(line: Buffer, at: number): number {
  let value = 0;
  for (let i = at; i < at + 8; i++) {
    const c = line[i]!;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** Characters a JSON string holds as they are (ASCII, no control character, quote or backslash): its bytes are its value. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const markers = new Map<string, Buffer>();

/**
 * `{…,"name":"plain"}` parsed as JSON.parse would (the members before the last one by JSON.parse, the
 * last string from the bytes, `body` being at `start` in `fill`), or null when the line is not of that
 * form (then JSON.parse reads it all). The marker's quotes cannot be inside a string (there they are
 * escaped), so the last one found before a plain string that closes the object is that object's last member.
 */
function parseWithLastString(body: Buffer, name: string, fill: Fill, start: number): Record<string, unknown> | null {
  const end = body.length - 2;
  if (end < 0 || body[end] !== 0x22 || body[end + 1] !== 0x7d) return null;
  let marker = markers.get(name);
  if (!marker) markers.set(name, (marker = Buffer.from(`,${JSON.stringify(name)}:"`)));
  // Ending before the closing quote (a negative offset would count from the end).
  if (end - marker.length < 1) return null;
  const at = body.lastIndexOf(marker, end - marker.length);
  if (at < 1) return null;
  const last = fill.latin1(start + at + marker.length, start + end);
  if (!PLAIN.test(last)) return null;
  const head: unknown = JSON.parse(`${body.toString("utf8", 0, at)}}`);
  // `{}` before the marker: the whole line (`{,"name":…}`) is not JSON.
  if (!isObject(head) || Object.keys(head).length === 0) return null;
  head[name] = last;
  return head;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0: asks whether the process exists, sends nothing
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
const WRITE_BATCH = 1 << 20;
/** The least size of the buffer `readJson` reads entries into (it grows to the longest entry read). */
const READ_BUFFER = 1 << 16;

/** Appends the file `from` to the open file `out`, a megabyte at a time. */
function appendFile(out: number, from: string): void {
  const input = openSync(from, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (let n = readSync(input, buffer, 0, READ_CHUNK, null); n > 0; n = readSync(input, buffer, 0, READ_CHUNK, null)) writeAll(out, buffer, n);
  } finally {
    closeSync(input);
  }
}

/** writeSync may write less than asked: the rest, until all is written. */
function writeAll(fd: number, buffer: Buffer, length: number): void {
  for (let done = 0; done < length; ) done += writeSync(fd, buffer, done, length - done);
}

/** CRC-32 (the zip and PNG one) of the bytes, or of a text's UTF-8, as 8 hex digits: zlib's where Node has it (20.15 and later), else the same sum here. */
export function checksum(data: Uint8Array | string): string {
  return hex(crc(data));
}

const hex = (sum: number) => sum.toString(16).padStart(8, "0");

/** CRC-32 of the bytes, or of a text's UTF-8, as an unsigned number (see `checksum`). */
export function crc(data: Uint8Array | string): number {
  return typeof zlib.crc32 === "function" ? zlib.crc32(data) : crc32(typeof data === "string" ? Buffer.from(data) : data);
}

let table: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * What scanLines has read into its buffer: `latin1` gives bytes of it as text, each a part of one string of
 * the whole fill, made when first asked. A string the build keeps is copied by every young-generation
 * collection it lives through (twice, then it is old), and a dated pack's last strings (clustering's terms,
 * 24 MB at 10,000 articles) live until clustering: as parts of a string of a megabyte (which V8 keeps outside
 * the young generation and gives out parts of without copying them), only their few bytes of header are copied.
 * The text is the same either way.
 */
class Fill {
  data: Buffer = Buffer.alloc(0);
  private text: string | null = null;

  /** A new fill of the buffer (the text of the last one is let go). */
  load(data: Buffer): void {
    this.data = data;
    this.text = null;
  }

  /** data[from, to) as latin1 text. */
  latin1(from: number, to: number): string {
    this.text ??= this.data.toString("latin1");
    return this.text.slice(from, to);
  }
}

/**
 * Calls `each` with every newline-terminated line of the open file (without the newline), where it
 * starts in the file, and the buffer's fill it is part of (from `start`), in order, reading it a megabyte
 * at a time into one buffer (a line's bytes are only good until `each` returns); stops when `each` returns
 * false. A last line without a newline is not passed on (it is a pack cut short). The answer: whether
 * there was one, and the bytes read to the end. The file is closed at the end when `close`.
 */
function scanLines(fd: number, close: boolean, each: (line: Buffer, offset: number, fill: Fill, start: number) => boolean): { cutShort: boolean; bytes: number } {
  try {
    const fill = new Fill();
    let buffer = Buffer.allocUnsafe(READ_CHUNK);
    // Bytes at the buffer's start that belong to a line not yet ended.
    let kept = 0;
    let bytes = 0;
    for (;;) {
      if (buffer.length - kept < READ_CHUNK / 2) {
        // A long line: room for it (and the next read) in a larger buffer.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
      const bytesRead = readSync(fd, buffer, kept, buffer.length - kept, bytes);
      if (bytesRead === 0) return { cutShort: kept > 0, bytes };
      // Where the buffer's first byte is in the file.
      const base = bytes - kept;
      bytes += bytesRead;
      const data = buffer.subarray(0, kept + bytesRead);
      fill.load(data);
      let start = 0;
      for (let end = data.indexOf(0x0a, kept); end !== -1; end = data.indexOf(0x0a, start)) {
        if (!each(data.subarray(start, end), base + start, fill, start)) return { cutShort: false, bytes: -1 };
        start = end + 1;
      }
      kept = data.length - start;
      buffer.copyWithin(0, start, data.length);
    }
  } finally {
    if (close) closeSync(fd);
  }
}
