// node --import ./scripts/bench-stub/register.mjs bin/digest.js build …: the build with clustering stubbed out.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
