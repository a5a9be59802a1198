// node -r ./scripts/alloc-profile.cjs bin/digest.js build …, with ALLOC_PROFILE=FILE: the main thread's
// allocations, sampled (V8's sampling heap profiler, counting what the collector has freed too: what a stage
// allocates, not what it keeps), written to FILE at exit; read with `node scripts/profile-stage.mjs --heap FILE`.
// Never part of the tests.
const inspector = require("node:inspector");
const { writeFileSync } = require("node:fs");

const out = process.env.ALLOC_PROFILE;
if (!out) throw new Error("ALLOC_PROFILE=FILE is needed");
const session = new inspector.Session();
session.connect();
session.post("HeapProfiler.enable");
session.post("HeapProfiler.startSampling", { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
process.on("exit", () => {
  // The inspector answers on this thread at once: the profile is written before the process ends.
  session.post("HeapProfiler.stopSampling", (error, result) => {
    if (error) process.stderr.write(`alloc-profile: ${error.message}\n`);
    else writeFileSync(out, JSON.stringify(result.profile));
  });
});
