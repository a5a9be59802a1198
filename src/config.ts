// Settings from digest.config.json (or --config), with defaults for everything.
import { readFile } from "node:fs/promises";
import { IANAZone } from "luxon";
import { defaultRules } from "./clean/rules/index.ts";

export interface DigestConfig {
  title: string;
  description: string;
  baseUrl: string;
  /** IANA zone in which article timestamps become calendar days. */
  timezone: string;
  language: string;
  /** How many of the latest days the feeds carry. */
  feedDays: number;
  /** How many of the latest days the home page shows. */
  homeDays: number;
  author: string;
  /** Names of cleaning rules to switch off (see src/clean/rules/index.ts), e.g. ["recap-paragraph"]. */
  disableRules: string[];
  /** Subscriptions for `digest fetch`: feed URLs (RSS, Atom, JSON Feed). */
  feeds: string[];
  /** Subscriptions for `digest fetch`: path to an OPML export, relative to the config file's folder. */
  opml?: string;
  fetch: FetchSettings;
}

/** How `digest fetch` behaves on the network. */
export interface FetchSettings {
  /** Requests in flight at once (never more than one per host). */
  concurrency: number;
  /** Pause between two requests to one host. */
  perHostDelayMs: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Replaces `Digest/<version> (+<homepage or baseUrl>)`. */
  userAgent?: string;
}

export const defaultFetchSettings: FetchSettings = { concurrency: 4, perHostDelayMs: 1000, timeoutMs: 20_000, maxRedirects: 5 };

export const defaultConfig: DigestConfig = {
  title: "Digest",
  description: "A daily digest of the news, each story once, credited to every outlet that covered it.",
  baseUrl: "https://digest.example.org/",
  timezone: "UTC",
  language: "en",
  feedDays: 30,
  homeDays: 7,
  author: "Digest",
  disableRules: [],
  feeds: [],
  fetch: defaultFetchSettings,
};

export class ConfigError extends Error {}

export async function loadConfig(path: string | null, explicit: boolean): Promise<DigestConfig> {
  let raw: unknown = {};
  if (path) {
    let text: string | null = null;
    try {
      text = await readFile(path, "utf8");
    } catch {
      if (explicit) throw new ConfigError(`config file ${path} cannot be read`);
    }
    if (text !== null) {
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new ConfigError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ConfigError(`config file ${path} must hold a JSON object`);
  const given = raw as Partial<DigestConfig>;
  return validate({ ...defaultConfig, ...given, fetch: { ...defaultFetchSettings, ...(isObject(given.fetch) ? given.fetch : {}) } }, path ?? "defaults", given.fetch);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

export function validate(config: DigestConfig, where: string, givenFetch: unknown = config.fetch): DigestConfig {
  if (!IANAZone.isValidZone(config.timezone)) throw new ConfigError(`${where}: timezone "${config.timezone}" is not an IANA zone`);
  let url: URL;
  try {
    url = new URL(config.baseUrl);
  } catch {
    throw new ConfigError(`${where}: baseUrl "${config.baseUrl}" is not an absolute URL`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new ConfigError(`${where}: baseUrl must be http or https`);
  for (const key of ["feedDays", "homeDays"] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 1) throw new ConfigError(`${where}: ${key} must be a whole number of at least 1`);
  }
  const known = new Set(defaultRules.map((r) => r.name));
  if (!Array.isArray(config.disableRules) || config.disableRules.some((n) => typeof n !== "string")) {
    throw new ConfigError(`${where}: disableRules must be a list of rule names`);
  }
  const unknown = config.disableRules.filter((n) => !known.has(n));
  if (unknown.length) throw new ConfigError(`${where}: unknown cleaning rule ${unknown.map((n) => `"${n}"`).join(", ")}; the rules are ${[...known].join(", ")}`);
  validateSubscriptions(config, where, givenFetch);
  return { ...config, baseUrl: url.href.endsWith("/") ? url.href : `${url.href}/` };
}

function validateSubscriptions(config: DigestConfig, where: string, givenFetch: unknown): void {
  if (!Array.isArray(config.feeds)) throw new ConfigError(`${where}: feeds must be a list of feed URLs`);
  for (const feed of config.feeds as unknown[]) {
    let ok = false;
    try {
      ok = typeof feed === "string" && /^https?:$/.test(new URL(feed).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError(`${where}: feeds: ${JSON.stringify(feed)} is not an http or https URL`);
  }
  if (config.opml !== undefined && (typeof config.opml !== "string" || config.opml === "")) throw new ConfigError(`${where}: opml must be the path of an OPML file`);
  if (givenFetch !== undefined && !isObject(givenFetch)) throw new ConfigError(`${where}: fetch must be an object`);
  const f = config.fetch;
  const whole = (key: "concurrency" | "perHostDelayMs" | "timeoutMs" | "maxRedirects", min: number, max: number) => {
    const v = f[key];
    if (!Number.isInteger(v) || v < min || v > max) throw new ConfigError(`${where}: fetch.${key} must be a whole number ${max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`}`);
  };
  whole("concurrency", 1, 16);
  whole("perHostDelayMs", 0, Infinity);
  whole("timeoutMs", 1000, 120_000);
  whole("maxRedirects", 0, 10);
  if (f.userAgent !== undefined && (typeof f.userAgent !== "string" || !f.userAgent.trim() || /[\r\n]/.test(f.userAgent))) {
    throw new ConfigError(`${where}: fetch.userAgent must be a one-line string`);
  }
}
