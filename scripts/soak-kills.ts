// Builds killed with SIGKILL at spread-out moments in a grown working folder (a copy of a soak's), each
// followed by a check that the live site and digests are whole: the previous build's, byte for byte, or
// (killed after its swap) the finished new build's. Never part of the tests.
//
//   npx tsx scripts/soak-kills.ts --from DIR [--work /tmp/soak-kills] [--kills 12] [--add DIR] [--bin TREE/bin/digest.js]
//
// DIR is a working folder (articles/, digests/, _site/, .digest-cache/), copied to --work first. --add: a
// folder of articles copied in before the first kill (the day's new articles), so each build has work to do.
// The kill moments are spread over one measured build's wall time (the same fractions on every run).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "./lib/soak.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => option(args, name, fallback);
const FROM = resolve(opt("from", "/tmp/soak-long/live"));
const WORK = resolve(opt("work", "/tmp/soak-kills"));
const KILLS = Number(opt("kills", "12"));
const ADD = opt("add", "");
const bin = resolve(opt("bin", join(repo, "bin/digest.js")));
const BUILD = [bin, "build", "--input", "articles", "--digests", "digests", "--output", "_site", "--quiet"];

function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))]));
}

/** One string for a folder's every path and content. */
function treeHash(dir: string): string {
  const h = createHash("md5");
  for (const rel of filesUnder(dir).sort()) h.update(`${rel}\0`).update(readFileSync(join(dir, rel))).update("\0");
  return h.digest("hex");
}

async function killedAfter(ms: number): Promise<boolean> {
  const child = spawn(process.execPath, BUILD, { cwd: WORK, env: { ...process.env, TZ: "UTC" }, stdio: "ignore" });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const code = await exited;
  clearTimeout(timer);
  return code === 0;
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  cpSync(FROM, WORK, { recursive: true });
  if (ADD) cpSync(resolve(ADD), join(WORK, "articles", "added"), { recursive: true });
  const old = { site: treeHash(join(WORK, "_site")), digests: treeHash(join(WORK, "digests")) };
  // The new build's folders, from a copy: what a build killed after its swap must have left.
  const probe = `${WORK}-probe`;
  rmSync(probe, { recursive: true, force: true });
  cpSync(WORK, probe, { recursive: true });
  const t = process.hrtime.bigint();
  const res = spawnSync(process.execPath, BUILD, { cwd: probe, env: { ...process.env, TZ: "UTC" }, encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (res.status !== 0) throw new Error(`the probe build failed: ${res.stderr}`);
  const fresh = { site: treeHash(join(probe, "_site")), digests: treeHash(join(probe, "digests")) };
  rmSync(probe, { recursive: true, force: true });
  console.log(`one build ${(wallMs / 1000).toFixed(1)} s; ${KILLS} kills spread over it`);
  let failures = 0;
  for (let k = 0; k < KILLS; k++) {
    const ms = Math.round(wallMs * (0.05 + (0.95 * (k + 0.5)) / KILLS));
    const finished = await killedAfter(ms);
    const now = { site: treeHash(join(WORK, "_site")), digests: treeHash(join(WORK, "digests")) };
    const state = (part: "site" | "digests") => (now[part] === old[part] ? "previous" : now[part] === fresh[part] ? "new" : existsSync(join(WORK, part === "site" ? "_site" : "digests")) ? "MIXED" : "MISSING");
    const site = state("site");
    const digests = state("digests");
    const beside = readdirSync(WORK).filter((n) => n.startsWith("."));
    console.log(`kill ${k + 1} after ${ms} ms${finished ? " (had finished)" : ""}: site ${site}, digests ${digests}; beside: ${beside.join(" ")}`);
    // Killed between a swap's renames, a folder is missing (the journal beside it names the new one): the next build rolls the swap forward.
    if (site === "MIXED" || digests === "MIXED" || (site !== digests && site !== "MISSING" && digests !== "MISSING")) {
      failures++;
      console.log(`FAIL kill ${k + 1}: the live folders are not one whole build (site ${site}, digests ${digests})`);
    }
    // A build killed after its swap has published the new build: the earlier folders are gone for good.
    if (site === "new") {
      old.site = fresh.site;
      old.digests = fresh.digests;
    }
  }
  const last = spawnSync(process.execPath, BUILD, { cwd: WORK, env: { ...process.env, TZ: "UTC" }, encoding: "utf8" });
  const after = { site: treeHash(join(WORK, "_site")), digests: treeHash(join(WORK, "digests")) };
  const beside = readdirSync(WORK).filter((n) => n.startsWith(".") && n !== ".digest-cache");
  console.log(`the build after the kills: exit ${last.status}; site ${after.site === fresh.site ? "the new build's" : "DIFFERS"}, digests ${after.digests === fresh.digests ? "the new build's" : "DIFFER"}; left beside: ${beside.join(" ") || "nothing"}`);
  if (last.status !== 0 || after.site !== fresh.site || after.digests !== fresh.digests) failures++;
  console.log(`${failures} failures`);
  process.exitCode = failures ? 1 : 0;
}

await main();
