// Stage 9: the `digest` command. Subcommands: build, clean, summarize (see shared CONTRACT.md).
import { runBuild } from "./build.ts";
import { runClean } from "./clean.ts";
import { runSummarize } from "./summarize.ts";
import { runFetch } from "./fetch.ts";

const USAGE = `usage:
  digest build [--input DIR] [--digests DIR] [--output DIR] [--base-url URL] [--config FILE]
  digest clean FILE | digest clean --jsonl < IN > OUT
  digest summarize FILE [--sentences N | --words W] | digest summarize --jsonl [--sentences N | --words W] < IN > OUT
  digest fetch [--config FILE] [--input DIR] [--cache DIR] [--allow-private] [--quiet]`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "build":
        return await runBuild(rest);
      case "clean":
        return await runClean(rest);
      case "summarize":
      case "summarise":
        return await runSummarize(rest);
      case "fetch":
        return await runFetch(rest);
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        process.stderr.write(`digest: unknown command "${command ?? ""}"\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    process.stderr.write(`digest ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}
