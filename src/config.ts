// Settings from digest.config.json (or --config): one schema (zod) checks every key, its type and
// range, and gives the defaults, before the build writes anything. Add a key by adding it here.
import { lstat, readFile } from "node:fs/promises";
import { IANAZone } from "luxon";
import { z } from "zod";
import { defaultRules } from "./clean/rules/index.ts";

const RULE_NAMES = defaultRules.map((r) => r.name);

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const httpUrl = z.string().refine(isHttpUrl, { message: "must be an absolute http:// or https:// URL" });
const wholeNumber = () => z.number().int();

export const configSchema = z.strictObject({
  title: z.string().trim().min(1).default("Digest"),
  description: z.string().default("A daily digest of the news, each story once, credited to every outlet that covered it."),
  /** The site's public address; every absolute link and feed URL starts with it. */
  baseUrl: httpUrl
    // Every link is the address with a path appended: "https://x.org/?a=1" would give "https://x.org/?a=1/2025/…".
    .refine((url) => !isHttpUrl(url) || !/[?#]/.test(new URL(url).href), { message: 'must be the site\'s address, without a "?query" or "#fragment"' })
    .default("https://digest.example.org/")
    .transform((url) => {
      const href = new URL(url).href;
      return href.endsWith("/") ? href : `${href}/`;
    }),
  /** IANA zone in which article timestamps become calendar days. */
  timezone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), { message: 'must be an IANA time zone such as "Europe/Berlin" or "UTC"' })
    .default("UTC"),
  language: z.string().refine(isLanguageTag, { message: 'must be a language tag such as "en" or "de-CH"' }).default("en"),
  /** How many of the latest days the feeds carry. */
  feedDays: wholeNumber().min(1).default(30),
  /** How many of the latest days the home page shows. */
  homeDays: wholeNumber().min(1).default(7),
  author: z.string().default("Digest"),
  /** Names of cleaning rules to switch off (see src/clean/rules/index.ts), e.g. ["recap-paragraph"]. */
  disableRules: z.array(z.string()).default([]),
  /** Feed URLs that `digest fetch` subscribes to. */
  feeds: z.array(httpUrl).default([]),
  /** An OPML file of subscriptions for `digest fetch`, relative to the config file's folder. */
  opml: z.string().min(1).optional(),
  fetch: z
    .strictObject({
      concurrency: wholeNumber().min(1).max(16).default(4),
      perHostDelayMs: wholeNumber().min(0).default(1000),
      timeoutMs: wholeNumber().min(1000).max(120_000).default(20_000),
      maxRedirects: wholeNumber().min(0).max(10).default(5),
      /** Sent as a header: printable ASCII only, so no config can inject another header. */
      userAgent: z.string().min(1).regex(/^[\x20-\x7e]+$/, { message: "must be printable ASCII on one line" }).optional(),
    })
    .prefault({}),
});

export type DigestConfig = z.output<typeof configSchema>;

/** How `digest fetch` behaves on the network. */
export type FetchSettings = DigestConfig["fetch"];

export const defaultConfig: DigestConfig = configSchema.parse({});

export class ConfigError extends Error {}

export async function loadConfig(path: string | null, explicit: boolean): Promise<DigestConfig> {
  let raw: unknown = {};
  if (path) {
    let text: string | null = null;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      // Only a config that is not there means the defaults: one that is there but cannot be read (a folder,
      // no permission, a link to nothing) is an error, never a build with the reader's settings left out.
      const why = await unreadable(path, error as NodeJS.ErrnoException);
      if (explicit || why !== null) throw new ConfigError(`config file ${path} cannot be read (${why ?? "it does not exist"})`);
    }
    if (text !== null) {
      const json = text.replace(/^\uFEFF/, "");
      try {
        raw = JSON.parse(json);
      } catch (error) {
        throw new ConfigError(`config file ${path} is not valid JSON: ${withLine((error as Error).message, json)}`);
      }
    }
  }
  return parseConfig(raw, path ?? "defaults");
}

/** Why a config file that failed to read cannot be read; null when it is simply not there. */
async function unreadable(path: string, error: NodeJS.ErrnoException): Promise<string | null> {
  if (error.code === "ENOENT") {
    try {
      await lstat(path);
      return "a symbolic link to something that does not exist";
    } catch {
      return null;
    }
  }
  if (error.code === "EISDIR") return "it is a folder";
  if (error.code === "EACCES" || error.code === "EPERM") return "permission denied";
  return error.code ?? error.message;
}

/** JSON.parse names a position; people look for a line (Node 20 does not say it, later versions do). */
function withLine(message: string, text: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at || /\(line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1]));
  return `${message} (line ${before.split("\n").length} column ${before.length - before.lastIndexOf("\n")})`;
}

/** The whole config checked at once: every problem found, in one line, each naming its key. */
export function parseConfig(raw: unknown, where: string): DigestConfig {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ConfigError(`${where}: a config must be a JSON object ({"title": …}), not ${describe(raw)}`);
  const problems = unknownRules((raw as { disableRules?: unknown }).disableRules);
  const result = configSchema.safeParse(raw);
  if (!result.success) problems.unshift(...result.error.issues.map((issue) => explain(issue, raw)));
  if (problems.length) throw new ConfigError(`${where}: ${problems.join("; ")}`);
  return result.data!;
}

/** `--base-url` overrides the config's baseUrl, checked as the config's would be. */
export function withBaseUrl(config: DigestConfig, url: string): DigestConfig {
  const result = configSchema.shape.baseUrl.safeParse(url);
  if (!result.success) throw new ConfigError(`--base-url "${url}" ${result.error.issues[0]?.message ?? "is not a usable address"}`);
  return { ...config, baseUrl: result.data };
}

function unknownRules(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const known = new Set(RULE_NAMES);
  const unknown = value.filter((n): n is string => typeof n === "string" && !known.has(n));
  if (!unknown.length) return [];
  const guesses = unknown.map((n) => closest(n, RULE_NAMES)).filter((g): g is string => g !== null);
  const hint = guesses.length ? ` (did you mean ${guesses.map((g) => `"${g}"`).join(", ")}?)` : "";
  return [`unknown cleaning rule ${unknown.map((n) => `"${n}"`).join(", ")}${hint}; the rules are ${RULE_NAMES.join(", ")}`];
}

type Issue = z.core.$ZodIssue;

function explain(issue: Issue, raw: unknown): string {
  const key = keyName(issue.path);
  const got = valueAt(raw, issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys
        .map((k) => {
          const name = keyName([...issue.path, k]);
          const guess = closest(k, keysAt(issue.path));
          return guess ? `unknown key "${name}"; did you mean "${keyName([...issue.path, guess])}"?` : `unknown key "${name}"; the keys are ${keysAt(issue.path).join(", ")}`;
        })
        .join("; ");
    case "invalid_type":
      return `"${key}" must be ${article(issue.expected === "int" ? "whole number" : issue.expected)}, not ${describe(got)}`;
    case "too_small":
      if (issue.origin === "string") return `"${key}" must not be empty`;
      if (issue.origin === "array") return `"${key}" must list at least ${String(issue.minimum)}`;
      return `"${key}" must be at least ${String(issue.minimum)}, not ${describe(got)}`;
    case "too_big":
      return `"${key}" must be at most ${String(issue.maximum)}, not ${describe(got)}`;
    case "custom":
      return `"${key}" ${issue.message}, not ${describe(got)}`;
    default:
      return `"${key}": ${issue.message}`;
  }
}

function keyName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

/** The keys the schema allows at a place in the config. */
function keysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const p of path) {
    const inner = unwrapped(schema);
    if (!(inner instanceof z.ZodObject)) return [];
    const next = (inner.shape as Record<string, z.ZodType>)[String(p)];
    if (!next) return [];
    schema = next;
  }
  const inner = unwrapped(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape as object) : [];
}

/** The schema inside any defaults and optionals. */
function unwrapped(schema: z.ZodType): unknown {
  let inner: unknown = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault || inner instanceof z.ZodOptional) inner = inner.unwrap();
  return inner;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const shown = JSON.stringify(value) ?? String(value);
  return `${typeof value === "number" ? "the number" : typeof value === "string" ? "the text" : typeof value} ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
}

function article(noun: string): string {
  if (noun === "array") return "a list";
  if (noun === "object") return "an object";
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a slip. */
function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
