// Writes the pages Eleventy renders, off the main thread. Eleventy writes each page with mkdirSync and
// writeFileSync on the thread that renders (its default write mode; its asynchronous mode starts every
// write of a run at once), and at 10,000 articles those system calls were a fifth of the cold site
// stage's main-thread time. Eleventy now renders in dry-run mode and hands each page over
// (./eleventy.ts, the one transform); this writes it with the same bytes on libuv's threads, a few at
// a time, each folder made once.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Writes in flight at once: enough to keep libuv's four threads busy, few enough to hold few files open. */
const IN_FLIGHT = 8;

export class PageWriter {
  private readonly queue: Array<{ path: string; content: string }> = [];
  private readonly folders = new Map<string, Promise<unknown>>();
  private running = 0;
  private failure: unknown = null;
  private idle: (() => void) | null = null;

  /** Queues `content` (UTF-8, as Eleventy writes a string) to be written to `path`. */
  write(path: string, content: string): void {
    this.queue.push({ path, content });
    this.pump();
  }

  /** Waits until every queued page is written; fails with the first write's error. */
  async done(): Promise<void> {
    if (this.running > 0 || this.queue.length > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    if (this.failure !== null) throw this.failure;
  }

  private pump(): void {
    while (this.running < IN_FLIGHT && this.queue.length > 0) {
      const { path, content } = this.queue.shift()!;
      this.running++;
      this.writeOne(path, content)
        .catch((error: unknown) => {
          this.failure ??= error;
        })
        .finally(() => {
          this.running--;
          if (this.failure !== null) this.queue.length = 0;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) {
            const idle = this.idle;
            this.idle = null;
            idle?.();
          }
        });
    }
  }

  private async writeOne(path: string, content: string): Promise<void> {
    const folder = dirname(path);
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.folders.set(folder, made);
    }
    await made;
    await writeFile(path, content);
  }
}
