// npm links the bins of dependencies, not the project's own; outside tools call
// node_modules/.bin/digest, so `npm install` and `npm ci` link it here (the `prepare` script).
import { mkdirSync, rmSync, symlinkSync } from "node:fs";

mkdirSync("node_modules/.bin", { recursive: true });
rmSync("node_modules/.bin/digest", { force: true });
symlinkSync("../../bin/digest.js", "node_modules/.bin/digest");
