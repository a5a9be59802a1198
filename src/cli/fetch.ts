// `digest fetch`: subscriptions (feeds, OPML) → new articles saved in the input folder for `digest build`.
import { dirname, join, resolve } from "node:path";
import { loadConfig, type DigestConfig } from "../config.ts";
import { rulesWithout } from "../clean/index.ts";
import { fetchSubscriptions, subscriptions, type FetchSummary } from "../fetch/index.ts";
import { parseArgs } from "./io.ts";
import { terminalLine } from "./progress.ts";
import pkg from "../../package.json" with { type: "json" };

export function userAgentOf(config: DigestConfig): string {
  const about = pkg as { version: string; homepage?: string };
  return config.fetch.userAgent ?? `Digest/${about.version} (+${about.homepage ?? config.baseUrl})`;
}

export async function runFetch(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: "string" },
      input: { type: "string", default: "articles" },
      cache: { type: "string", default: ".digest-cache" },
      "allow-private": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
    },
  });
  const configPath = values.config ?? "digest.config.json";
  const config = await loadConfig(configPath, values.config !== undefined);
  const subs = await subscriptions(config, dirname(resolve(configPath)));
  if (subs.feeds.length === 0) throw new Error(`no subscriptions: add "feeds" (a list of feed URLs) or "opml" (an OPML file) to ${configPath}`);

  const progress = terminalLine(process.stderr, values.quiet);
  const say = (line: string) => {
    progress.clear();
    process.stderr.write(`digest fetch: ${line}\n`);
  };
  for (const w of subs.warnings) say(w);
  const summary = await fetchSubscriptions({
    feeds: subs.feeds,
    inputDir: resolve(values.input),
    stateFile: join(resolve(values.cache), "fetch-state.json"),
    settings: { ...config.fetch, userAgent: userAgentOf(config) },
    allowPrivate: values["allow-private"],
    rules: rulesWithout(...config.disableRules),
    onMessage: say,
    onProgress: (s) => progress.show(progressText(s)),
  });
  progress.clear();
  if (!values.quiet) process.stdout.write(`${summaryLine(summary)}\n`);
  return 0;
}

export function summaryLine(s: FetchSummary): string {
  const updated = s.pages.updated ? `, ${s.pages.updated} updated` : "";
  const fromText = s.pages.fromFeedText ? ` (${s.pages.fromFeedText} from the feed's text)` : "";
  return `digest fetch: feeds: ${s.feeds.read} read, ${s.feeds.notModified} not modified, ${s.feeds.failed} failed; pages: ${s.pages.saved} saved${updated}${fromText}, ${s.pages.skipped} skipped (saved or given up on before), ${s.pages.failed} failed`;
}

/** The fetch's progress line: feeds and pages done so far. */
function progressText(s: FetchSummary): string {
  const feedsDone = s.feeds.read + s.feeds.notModified + s.feeds.failed;
  const pagesDone = s.pages.saved + s.pages.updated + s.pages.skipped + s.pages.failed;
  return `feeds ${feedsDone}/${s.feeds.total} · pages ${pagesDone}/${s.pages.queued}: ${s.pages.saved} saved, ${s.pages.failed} failed`;
}
