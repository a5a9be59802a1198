// Stage 9: the `digest` command. Subcommands: build, clean, summarize (see shared CONTRACT.md).
// Each subcommand is loaded when it runs: `build` pulls in Eleventy (0.2 s), which `--help` and `clean` never need.
const runBuild = async (argv: string[]) => (await import("./build.ts")).runBuild(argv);
const runClean = async (argv: string[]) => (await import("./clean.ts")).runClean(argv);
const runSummarize = async (argv: string[]) => (await import("./summarize.ts")).runSummarize(argv);

const USAGE = `usage:
  digest build [--input DIR] [--digests DIR] [--output DIR] [--base-url URL] [--config FILE] [--cache DIR | --no-cache]
  digest clean FILE | digest clean --jsonl < IN > OUT
  digest summarize FILE [--sentences N | --words W] | digest summarize --jsonl [--sentences N | --words W] < IN > OUT`;

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
