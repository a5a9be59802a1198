// The feeds to read: the config's `feeds`, then every xmlUrl in its `opml` file (outlines nest as folders).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseOpml, type Opml } from "feedsmith";
import { ConfigError, type DigestConfig } from "../config.ts";
import { decodeBody } from "./decode.ts";

export interface Subscriptions {
  feeds: string[];
  /** OPML entries that were left out, with why. */
  warnings: string[];
}

/** `configDir` is the folder of the config file: a relative `opml` path is read from there. */
export async function subscriptions(config: Pick<DigestConfig, "feeds" | "opml">, configDir: string): Promise<Subscriptions> {
  const listed = [...config.feeds];
  const warnings: string[] = [];
  if (config.opml !== undefined) {
    const path = resolve(configDir, config.opml);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new ConfigError(`opml file ${config.opml} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const decoded = decodeBody(bytes, null, "xml");
    let opml: Opml.Document<string>;
    try {
      if (!decoded.ok) throw new Error(decoded.reason);
      opml = parseOpml<string>(decoded.text);
    } catch (error) {
      throw new ConfigError(`opml file ${config.opml} is not OPML (${(error as Error).message})`);
    }
    const walk = (outlines: Opml.Outline<string>[] | undefined) => {
      for (const o of outlines ?? []) {
        if (o.xmlUrl !== undefined) {
          if (httpUrl(o.xmlUrl)) listed.push(o.xmlUrl.trim());
          else warnings.push(`opml ${config.opml}: "${o.text ?? o.title ?? ""}" has xmlUrl ${JSON.stringify(o.xmlUrl)}, not an http or https URL; left out`);
        }
        walk(o.outlines);
      }
    };
    walk(opml.body?.outlines);
  }
  const seen = new Set<string>();
  const feeds: string[] = [];
  for (const url of listed) {
    const key = new URL(url).href;
    if (seen.has(key)) continue;
    seen.add(key);
    feeds.push(key);
  }
  return { feeds, warnings };
}

function httpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text.trim()).protocol);
  } catch {
    return false;
  }
}
