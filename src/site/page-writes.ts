// The pages rendered without Eleventy (./direct.ts) are written on libuv's threads, not on the thread that
// renders them: a cold 10k site makes some 3,940 story folders and writes a page into each, and those
// system calls (a folder's mkdir about 0.15 ms here, a page's write as much) were a third of the site
// stage's main-thread CPU, time in which Pagefind waited for the next pages. A page is written whole
// (its folder first) by the time `settled` resolves; the first write that fails stops the rendering.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Pages being written at once at most: the rendering waits beyond it (what bounds the pages held in memory). */
const IN_FLIGHT = 64;

export class PageWrites {
  private readonly folders = new Map<string, Promise<unknown>>();
  private readonly writing = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  /** Starts writing `content` to `path` (making its folder); waits only while IN_FLIGHT pages are being written. Throws the first failure. */
  async write(path: string, content: string): Promise<void> {
    this.check();
    const folder = dirname(path);
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.folders.set(folder, made);
    }
    const written: Promise<void> = made
      .then(() => writeFile(path, content))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.writing.delete(written));
    this.writing.add(written);
    if (this.writing.size >= IN_FLIGHT) await Promise.race(this.writing);
    this.check();
  }

  /** Once every page started is written; throws the first failure. */
  async settled(): Promise<void> {
    while (this.writing.size) await Promise.all(this.writing);
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }
}
