// Vitest global setup: the tests' temporary folders (mkdtemp under os.tmpdir(), builds the CLI runs)
// go into one folder per run, removed when the run ends, so `npm test` leaves nothing in /tmp.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "digest-tests-"));
  // Open to every user, sticky, as /tmp is: the hostile-input tests run the command as another user.
  chmodSync(folder, 0o1777);
  // Read by os.tmpdir() in the test workers and in the processes the tests start, which inherit it.
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
