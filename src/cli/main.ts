// Stage 9: the `digest` command (see shared CONTRACT.md). One table of commands: each has its usage and
// options for `--help`, and the function that runs it.
import pkg from "../../package.json" with { type: "json" };

// Each command's module is loaded only when it runs: `digest --help` must not load Eleventy.
const runBuild = async (argv: string[]) => (await import("./build.ts")).runBuild(argv);
const runServe = async (argv: string[]) => (await import("./serve.ts")).runServe(argv);
const runClean = async (argv: string[]) => (await import("./clean.ts")).runClean(argv);
const runSummarize = async (argv: string[]) => (await import("./summarize.ts")).runSummarize(argv);
const runFetch = async (argv: string[]) => (await import("./fetch.ts")).runFetch(argv);

interface Command {
  name: string;
  aliases?: readonly string[];
  summary: string;
  usage: readonly string[];
  /** [option, what it does] */
  options: readonly (readonly [string, string])[];
  run(argv: string[]): Promise<number>;
}

const BUILD_OPTIONS = [
  ["--input DIR", "the articles to read, recursively (default: articles)"],
  ["--digests DIR", "where the Markdown digests go, one per day (default: digests)"],
  ["--output DIR", "where the site, feeds and build report go (default: _site)"],
  ["--base-url URL", "the address the site is served from; feeds and canonical links use it"],
  ["--config FILE", "settings (default: digest.config.json, when present)"],
  ["--cache DIR", "where results are kept between builds (default: .digest-cache); safe to delete"],
  ["--no-cache", "neither read nor write the cache"],
  ["--quiet", "print nothing but warnings and errors"],
] as const;

const HELP = ["-h, --help", "show this help"] as const;

const COMMANDS: readonly Command[] = [
  {
    name: "build",
    summary: "read the articles; write the digests, the site with its feeds and search, and the build report",
    usage: ["digest build [--input DIR] [--digests DIR] [--output DIR] [--base-url URL] [--config FILE] [--cache DIR | --no-cache] [--quiet]"],
    options: [...BUILD_OPTIONS, HELP],
    run: runBuild,
  },
  {
    name: "serve",
    summary: "build, serve the site on this machine, and rebuild when the articles or the config change",
    usage: ["digest serve [--port N] [--host ADDRESS] [the build options]"],
    options: [
      ["--port N", "the port to serve on (default: 8080; 0 picks a free one)"],
      ["--host ADDRESS", "the address to listen on (default: 127.0.0.1, this machine only)"],
      ...BUILD_OPTIONS,
      HELP,
    ],
    run: runServe,
  },
  {
    name: "clean",
    summary: "one article's headline, date and body as JSON; or many, one JSON line each",
    usage: ["digest clean FILE", "digest clean --jsonl < IN > OUT"],
    options: [
      ["--jsonl", 'read {"id", "text" | "html", "url"?} lines on stdin, write {"id", "title", "date", "body"} lines'],
      ["--timezone ZONE", "the IANA zone in which a timestamp becomes a day (default: UTC)"],
      HELP,
    ],
    run: runClean,
  },
  {
    name: "summarize",
    aliases: ["summarise"],
    summary: "a summary of sentences taken from the article(s) themselves",
    usage: ["digest summarize FILE [--sentences N | --words W]", "digest summarize --jsonl [--sentences N | --words W] < IN > OUT"],
    options: [
      ["--jsonl", 'read {"id", "title"?, "text"} (or "articles": [...]) lines on stdin, write {"id", "summary"} lines'],
      ["--sentences N", "exactly N sentences (or all there are)"],
      ["--words W", "as many whole sentences as fit in W words (at least one)"],
      HELP,
    ],
    run: runSummarize,
  },
  {
    name: "fetch",
    summary: "read the subscribed feeds and save each new article's page into the input folder",
    usage: ["digest fetch [--config FILE] [--input DIR] [--cache DIR] [--allow-private] [--quiet]"],
    options: [
      ["--config FILE", "settings and subscriptions: \"feeds\" (URLs), \"opml\" (a file) (default: digest.config.json)"],
      ["--input DIR", "where pages are saved, one folder per host (default: articles)"],
      ["--cache DIR", "where the fetch state is kept (default: .digest-cache)"],
      ["--allow-private", "allow loopback, private and link-local addresses (tests, intranets)"],
      ["--quiet", "print nothing but failures"],
      HELP,
    ],
    run: runFetch,
  },
];

function find(name: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name ?? ""));
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`);
}

export function usage(): string {
  return [
    `digest ${pkg.version}: scraped news articles in, a daily digest website with feeds out.`,
    "",
    "usage: digest COMMAND [options]",
    "",
    "commands:",
    ...table(COMMANDS.map((c) => [c.name, c.summary])),
    "",
    "  digest COMMAND --help   the command's options",
    "  digest --version        the version",
  ].join("\n");
}

export function commandHelp(command: Command): string {
  return [`digest ${command.name}: ${command.summary}`, "", "usage:", ...command.usage.map((u) => `  ${u}`), "", "options:", ...table(command.options)].join("\n");
}

const wantsHelp = (argv: readonly string[]) => argv.includes("--help") || argv.includes("-h");

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v" || name === "version") {
    process.stdout.write(`digest ${pkg.version}\n`);
    return 0;
  }
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? find(rest[0]) : undefined;
    process.stdout.write(`${topic ? commandHelp(topic) : usage()}\n`);
    return 0;
  }
  const command = find(name);
  if (!command) {
    process.stderr.write(`digest: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (usageError(error)) {
      // A mistyped option is a usage error, as a mistyped command is: exit 2, and where the options are listed.
      process.stderr.write(`digest ${command.name}: ${error.message} (digest ${command.name} --help lists the options)\n`);
      return 2;
    }
    process.stderr.write(`digest ${command.name}: ${(error as Error).message}\n`);
    return 1;
  }
}

/** An error of node:util's parseArgs: an option it does not know, a value missing or not wanted. */
function usageError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
