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
}

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
  return validate({ ...defaultConfig, ...(raw as Partial<DigestConfig>) }, path ?? "defaults");
}

export function validate(config: DigestConfig, where: string): DigestConfig {
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
  return { ...config, baseUrl: url.href.endsWith("/") ? url.href : `${url.href}/` };
}
