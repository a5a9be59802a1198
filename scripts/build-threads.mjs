// node scripts/build-threads.mjs ROOT WORKDIR ARTICLES [-- NODE_FLAGS...]: one `digest build` of ARTICLES by ROOT's
// compiled code in WORKDIR (its digests/ and site/, its cache), with NODE_FLAGS on node's command line, and the CPU
// seconds of each of the process's threads (sampled from /proc every 10 ms; Linux only): the main thread, V8's
// platform threads (concurrent and parallel GC, TurboFan's background compiles), libuv's, the pool's. Stop 74 (oc74):
// a one-new build at 10k spent about a third of its CPU on V8's platform threads. Never part of the tests.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const args = process.argv.slice(2);
const cut = args.indexOf("--");
const [root, cwd, articles] = (cut < 0 ? args : args.slice(0, cut)).map((a) => resolve(a));
const flags = cut < 0 ? [] : args.slice(cut + 1);
if (!root || !cwd || !articles) throw new Error("ROOT WORKDIR ARTICLES are needed");
const child = spawn(process.execPath, [...flags, `${root}/bin/digest.js`, "build", "--input", articles, "--digests", `${cwd}/digests`, "--output", `${cwd}/site`, "--quiet"], { cwd, stdio: ["ignore", "ignore", "ignore"], env: { ...process.env, DIGEST_RUN_SOURCES: "" } });
/** Each thread's last CPU seconds seen (user + system), by thread id; the first one seen is the main thread. */
const seen = new Map();
const tick = () => {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      seen.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the thread ended between the listing and the read
    }
  }
};
const timer = setInterval(tick, 10);
child.on("exit", (code) => {
  clearInterval(timer);
  const threads = [...seen].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
  const total = threads.reduce((sum, [, s]) => sum + s, 0);
  console.log(`exit ${code}; CPU ${total.toFixed(2)} s; by thread: ${threads.map(([tid, s]) => `${tid === String(child.pid) ? "main" : tid} ${s.toFixed(2)}`).join(", ")}`);
});
