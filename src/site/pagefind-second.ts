// A second Pagefind process, spoken to directly. Pagefind's module keeps one service for the whole
// process, and its service answers messages one after another (its loop indexes a page, or builds and
// writes a bundle, before it reads the next message): in a build that indexes thousands of pages that
// loop is the site stage's longest chain. Bundles are separate indexes, so a second process can build
// some of them beside the first, each from the same pages in the same order, to the same bytes.
//
// The protocol is the module's (pagefind/lib/service.js): each message is its JSON in base64, followed by
// a comma, both ways; an answer carries the message's id. The binary is the one the module starts.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { watch, type PagefindProcess } from "./pagefind-process.ts";

/** What ./search.ts asks of an index (the module's PagefindIndex gives the same). */
export interface SearchIndex {
  addHTMLFile(file: { url: string; content: string }): Promise<{ errors: string[] }>;
  writeFiles(options: { outputPath: string }): Promise<{ errors: string[] }>;
  deleteIndex(): Promise<unknown>;
}

interface Answer {
  message_id?: number;
  payload: { type: string; message?: string; index_id?: number };
}

/** Pagefind's binary, found as its module finds it (an environment variable naming it first). */
function binaryPath(): string {
  for (const name of ["pagefind_extended", "pagefind"]) {
    const named = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (named) return named;
  }
  // From here, or from the module's own folder (where a package manager may have put its binary's package).
  const froms = [import.meta.url, () => import.meta.resolve("pagefind")];
  for (const from of froms) {
    for (const name of ["pagefind_extended", "pagefind"]) {
      try {
        return createRequire(typeof from === "string" ? from : from()).resolve(`@pagefind/${process.platform}-${process.arch}/bin/${name}`);
      } catch {
        // the next place
      }
    }
  }
  throw new Error(`no Pagefind binary for ${process.platform}-${process.arch}`);
}

export class SecondPagefind {
  readonly process: PagefindProcess;
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { resolve: (answer: Answer["payload"]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private partial = "";
  private ended = false;

  constructor() {
    const child = spawn(binaryPath(), ["--service"], { windowsHide: true, stdio: ["pipe", "pipe", "pipe"], cwd: process.cwd() });
    this.child = child;
    this.process = watch(child);
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => this.read(chunk));
    child.on("exit", () => this.end());
    child.on("error", () => this.end());
    // As the module does: the process holds Node open only while an answer is awaited.
    this.hold(false);
  }

  /** A new index, configured as ./search.ts configures the module's. */
  async createIndex(config: { forceLanguage: string; maxFragments: number }): Promise<SearchIndex> {
    const made = await this.ask({ type: "NewIndex", config: { force_language: config.forceLanguage, max_fragments: config.maxFragments } });
    if (made.type !== "NewIndex" || typeof made.index_id !== "number") throw new Error(`search index could not be started: ${made.message ?? made.type}`);
    const id = made.index_id;
    const errors = (answer: Answer["payload"]) => ({ errors: answer.type === "Error" ? [answer.message ?? "error"] : [] });
    return {
      addHTMLFile: (file) => this.ask({ type: "AddFile", index_id: id, file_path: undefined, url: file.url, file_contents: file.content }).then(errors),
      writeFiles: (options) => this.ask({ type: "WriteFiles", index_id: id, output_path: options.outputPath }).then(errors),
      deleteIndex: () => this.ask({ type: "DeleteIndex", index_id: id }),
    };
  }

  /** Ends the process (its unanswered messages are rejected). */
  close(): void {
    this.process.closing();
    this.end();
    this.child.stdin?.end();
  }

  private ask(payload: Record<string, unknown>): Promise<Answer["payload"]> {
    if (this.ended) return Promise.reject(new Error("Pagefind backend closed"));
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) this.hold(true);
      this.waiting.set(id, { resolve, reject });
      this.child.stdin!.write(`${Buffer.from(JSON.stringify({ message_id: id, payload })).toString("base64")},`);
    });
  }

  private read(chunk: string): void {
    let text = this.partial + chunk;
    for (let comma = text.indexOf(","); comma >= 0; comma = text.indexOf(",")) {
      const message = text.slice(0, comma);
      text = text.slice(comma + 1);
      let answer: Answer;
      try {
        answer = JSON.parse(Buffer.from(message, "base64").toString()) as Answer;
      } catch {
        continue;
      }
      const waiter = answer.message_id === undefined ? undefined : this.waiting.get(answer.message_id);
      if (!waiter) continue;
      this.waiting.delete(answer.message_id!);
      if (this.waiting.size === 0) this.hold(false);
      waiter.resolve(answer.payload);
    }
    this.partial = text;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const waiter of this.waiting.values()) waiter.reject(new Error("Pagefind backend closed"));
    this.waiting.clear();
    this.hold(false);
  }

  /** Whether the process and its output keep Node running. */
  private hold(held: boolean): void {
    for (const handle of [this.child, this.child.stdout, this.child.stdin] as Array<{ ref?: () => void; unref?: () => void } | null>) {
      if (held) handle?.ref?.();
      else handle?.unref?.();
    }
  }
}
