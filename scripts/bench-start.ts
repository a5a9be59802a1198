// npx tsx scripts/bench-start.ts --roots A,B [--pairs N] [--article FILE] [--unchanged DIR]: what starting costs, in CPU
// (user + system, GNU time), fresh processes, the checkouts alternating and which goes first alternating:
// - "command": `digest build` of one article, no cache: process start, loading the command and every
//   stage, and one article's work;
// - "thread": a process that starts one pool thread and has it load the article task (an empty chunk),
//   the way the pool warms a thread; the bundle's worker when the checkout has one (dist/bundle/), else
//   the module tree's — what src/cache/code-hash.ts runnableModuleUrl picks;
// - "unchanged" (with --unchanged DIR): a build of DIR with nothing changed since the last, each checkout
//   in a folder of its own made once by a cold build (not timed).
// Prints each pair and, per measure, the medians and in how many pairs the second checkout used less.
// Never part of the tests.
import { existsSync, mkdirSync, rmSync, copyFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { assertCompiled, measure, median } from "./bench-run.ts";

const { values } = parseArgs({ options: { roots: { type: "string" }, pairs: { type: "string", default: "5" }, article: { type: "string", default: "/tmp/l10k/a000001.txt" }, unchanged: { type: "string" } } });
if (!values.roots) throw new Error("--roots A,B is needed");
const roots = values.roots.split(",").map((r) => resolve(r));
if (roots.length !== 2) throw new Error("--roots takes two checkouts");
roots.forEach(assertCompiled);
const work = join(tmpdir(), `bench-start-${process.pid}`);
mkdirSync(join(work, "input"), { recursive: true });
copyFileSync(resolve(values.article), join(work, "input", "article.txt"));

/** The script of a process that warms one pool thread with the article task of `root`. */
function threadScript(root: string): string {
  const bundle = join(root, "dist/bundle");
  const [worker, task] = existsSync(join(bundle, "worker.js")) ? [join(bundle, "worker.js"), join(bundle, "article-task.js")] : [join(root, "dist/src/parallel/worker.js"), join(root, "dist/src/parallel/article-task.js")];
  return `import { Worker } from "node:worker_threads";
const w = new Worker(new URL(${JSON.stringify(pathToFileURL(worker).href)}), { execArgv: [] });
w.on("message", (reply) => { if (reply.error) { console.error(reply.error.message); process.exitCode = 1; } w.terminate(); });
w.postMessage({ id: 0, module: ${JSON.stringify(pathToFileURL(task).href)}, name: "prepareFiles", items: [], args: { ruleNames: [], zone: "UTC" } });`;
}

const kinds = values.unchanged ? (["command", "thread", "unchanged"] as const) : (["command", "thread"] as const);
type Kind = (typeof kinds)[number];
const cpu = new Map<Kind, [number[], number[]]>(kinds.map((k) => [k, [[], []]]));
/** A build of the bench's DIR in checkout i's own folder, with its cache. */
const unchangedBuild = (i: number) => [join(roots[i]!, "bin/digest.js"), "build", "--input", resolve(values.unchanged!), "--digests", "d", "--output", "s", "--cache", "c", "--quiet"];
if (values.unchanged) {
  for (const i of [0, 1]) {
    mkdirSync(join(work, `unchanged-${i}`));
    await measure(process.execPath, unchangedBuild(i), { cwd: join(work, `unchanged-${i}`) });
  }
}
for (let pair = 1; pair <= Number(values.pairs); pair++) {
  const order = pair % 2 ? [0, 1] : [1, 0];
  if (values.unchanged) console.error(`pair ${pair}, load ${loadavg()[0]!.toFixed(1)}`);
  const line: string[] = [];
  for (const kind of kinds) {
    for (const i of order) {
      const root = roots[i]!;
      let cwd = join(work, `unchanged-${i}`);
      if (kind !== "unchanged") {
        cwd = join(work, `run-${i}`);
        rmSync(cwd, { recursive: true, force: true });
        mkdirSync(cwd);
      }
      const args = kind === "command" ? [join(root, "bin/digest.js"), "build", "--input", join(work, "input"), "--digests", "d", "--output", "s", "--no-cache", "--quiet"] : kind === "thread" ? ["--input-type=module", "-e", threadScript(root)] : unchangedBuild(i);
      const m = await measure(process.execPath, args, { cwd });
      cpu.get(kind)![i]!.push(m.cpu ?? NaN);
    }
    line.push(`${kind} ${cpu.get(kind)![0].at(-1)!.toFixed(2)} / ${cpu.get(kind)![1].at(-1)!.toFixed(2)}`);
  }
  console.log(`pair ${pair}: ${line.join(", ")} s CPU`);
}
for (const kind of kinds) {
  const [a, b] = cpu.get(kind)!;
  const lower = b.filter((x, k) => x < a[k]!).length;
  console.log(`${kind}: median ${median(a).toFixed(3)} → ${median(b).toFixed(3)} s CPU; the second lower in ${lower} of ${b.length} pairs`);
}
rmSync(work, { recursive: true, force: true });
