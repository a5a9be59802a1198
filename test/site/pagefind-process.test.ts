import childProcess, { type ChildProcess } from "node:child_process";
import { Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { launchWatched } from "../../src/site/pagefind-process.ts";

// `cat` stands in for Pagefind's process: it hands back every byte it was sent, in order.
function launchCat(): { child: ChildProcess; echoed: () => string } {
  const { result: child, process: watched } = launchWatched(() => childProcess.spawn("cat", [], {}));
  expect(watched).not.toBeNull();
  let echoed = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => (echoed += chunk));
  return { child, echoed: () => echoed };
}

const ended = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

afterEach(() => vi.restoreAllMocks());

describe("Pagefind's process, watched", () => {
  it("gets the messages of one turn of the event loop in one write to its pipe, every one of them, in order", async () => {
    const spy = vi.spyOn(Socket.prototype, "write");
    // Writes to a pipe of a child process (not this process's own output).
    const writes = () => spy.mock.contexts.filter((socket) => socket !== process.stdout && socket !== process.stderr).length;
    const { child, echoed } = launchCat();
    // As Pagefind's module sends a rendered page's document: one base64 message and a comma each.
    const messages = Array.from({ length: 40 }, (_, i) => `${Buffer.from(`page ${i}`).toString("base64")},`);
    for (const message of messages) child.stdin!.write(message);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes()).toBe(1);
    child.stdin!.write("last,");
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes()).toBe(2);
    await vi.waitFor(() => expect(echoed()).toBe(`${messages.join("")}last,`));
    child.kill();
    await ended(child);
  });
});
