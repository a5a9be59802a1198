// A file is replaced whole or not at all: written under a temporary name beside it (the caller's, so
// that readers and the leftover sweep recognise it), optionally flushed to disk, then renamed over it.
import { open, rename, rm } from "node:fs/promises";

export interface WriteWholeOptions {
  /** The temporary path, in the same folder as the target. */
  temp: string;
  /** fsync before the rename, for files a crash must not leave empty (the swap journal). */
  sync?: boolean;
}

export async function writeWhole(path: string, data: string | Uint8Array, options: WriteWholeOptions): Promise<void> {
  try {
    const fh = await open(options.temp, "w");
    try {
      await fh.writeFile(data);
      if (options.sync) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(options.temp, path);
  } catch (error) {
    await rm(options.temp, { force: true });
    throw error;
  }
}
