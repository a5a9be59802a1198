// `digest serve`: build, serve the output folder over HTTP on this machine, and rebuild when the input
// folder or the config changes. A small static server (node:http): directories serve their index.html,
// a directory without its slash is redirected, anything missing gets the site's 404 page.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { watch, type FSWatcher } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { runBuild, SITE_OPTIONS } from "./build.ts";
import { pathPrefix } from "../text/paths.ts";
import { parseArgs } from "./io.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** How long the input must stay still before a rebuild starts (an editor saves in several writes). */
const SETTLE_MS = 300;

export interface ServeOptions {
  root: string;
  /** The path the site lives under (the path of its base URL), "/" by default. */
  prefix?: string;
  port: number;
  host: string;
}

/** The file a request path names under `root`, or null when it would leave it. */
function fileFor(root: string, prefix: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return null;
  }
  if (!path.startsWith(prefix)) return null;
  const file = resolve(root, `.${sep}${path.slice(prefix.length)}`);
  const inside = relative(root, file);
  return inside.startsWith("..") || inside.includes(`..${sep}`) ? null : file;
}

async function respond(root: string, prefix: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  let file = fileFor(root, prefix, req.url ?? "/");
  try {
    if (!file) throw new Error("outside");
    if ((await stat(file)).isDirectory()) {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (!path.endsWith("/")) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, "index.html");
    }
    // "no-cache" makes a browser ask again each time (a rebuild may have changed any file); the tag lets it keep
    // what did not change. A file a build carried over is the same file (a hard link), with the same tag.
    const info = await stat(file);
    const etag = `W/"${info.ino.toString(36)}-${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = { "cache-control": "no-cache", etag };
    if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", ...headers });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    const page = await readFile(join(root, "404.html")).catch(() => Buffer.from("Not found\n"));
    res.writeHead(404, { "content-type": TYPES[".html"]! });
    res.end(req.method === "HEAD" ? undefined : page);
  }
}

/** Serves `root`; resolves once listening, with the server and its address. */
export function serveFolder(options: ServeOptions): Promise<{ server: Server; url: string }> {
  const prefix = options.prefix ?? "/";
  const server = createServer((req, res) => {
    respond(options.root, prefix, req, res).catch(() => res.writeHead(500).end());
  });
  return new Promise((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) => fail(new Error(listenFailure(error, options.port, options.host))));
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host === "127.0.0.1" || options.host === "::1" || options.host === "localhost" ? "localhost" : options.host;
      done({ server, url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${prefix}` });
    });
  });
}

/** Why the server could not listen, in one line a reader can act on (Node's own says "listen EADDRINUSE: …"). */
export function listenFailure(error: NodeJS.ErrnoException, port: number, host: string): string {
  const where = `port ${port} on ${host}`;
  switch (error.code) {
    case "EADDRINUSE":
      return `${where} is already in use (another digest serve, or another server?); stop that one, or serve on another port: --port ${port === 8080 ? 8081 : 8080}, or --port 0 for any free one`;
    case "EACCES":
      return `${where} may not be used by this user (ports below 1024 need special rights); serve on another port, e.g. --port 8080, or --port 0 for any free one`;
    case "EADDRNOTAVAIL":
      return `${host} is not an address of this machine; leave --host out (127.0.0.1) or give one of its addresses`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host "${host}" was not found; leave --host out (127.0.0.1) or give an address of this machine`;
    default:
      return `cannot listen on ${where} (${error.code ?? error.message})`;
  }
}

function portOf(value: string | undefined): number {
  if (value === undefined) return 8080;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port takes a port number (0 to 65535), not "${value}"`);
  return n;
}

/** Calls `run` after changes settle; a change during a run gives one more run after it. */
function debounced(run: () => Promise<void>): () => void {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  const start = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await run();
    } finally {
      running = false;
      if (again) {
        again = false;
        trigger();
      }
    }
  };
  const trigger = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void start(), SETTLE_MS);
  };
  return trigger;
}

export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      ...SITE_OPTIONS,
    },
  });
  const port = portOf(values.port);
  // Listen first: with --port 0 the site's own address is only known then.
  const prefix = values["base-url"] ? pathPrefix(values["base-url"]) : "/";
  const { server, url } = await serveFolder({ root: resolve(values.output), prefix, port, host: values.host });
  const buildArgs = [
    "--input", values.input, "--digests", values.digests, "--output", values.output,
    "--base-url", values["base-url"] ?? url,
    ...(values.config ? ["--config", values.config] : []),
    ...(values.quiet ? ["--quiet"] : []),
  ];
  const build = async (): Promise<boolean> => {
    try {
      await runBuild(buildArgs);
      return true;
    } catch (error) {
      process.stderr.write(`digest serve: build failed: ${(error as Error).message}\n`);
      return false;
    }
  };
  if (!(await build())) {
    server.close();
    return 1;
  }
  process.stdout.write(`digest: serving ${values.output} at ${url} (rebuilds when ${values.input} or ${values.config ?? "digest.config.json"} changes; Ctrl-C stops)\n`);

  const rebuild = debounced(async () => {
    if (!values.quiet) process.stdout.write("digest: the input changed; rebuilding\n");
    await build();
  });
  const watchers: FSWatcher[] = [watch(resolve(values.input), { recursive: true }, rebuild)];
  // The config's folder is watched, not the file: a watch on the file follows its first inode, so it
  // went deaf after an editor's save by rename, and it could not see a config written after the start.
  const configFile = resolve(values.config ?? "digest.config.json");
  const configName = basename(configFile);
  try {
    watchers.push(watch(dirname(configFile), (_event, name) => {
      if (name === null || name === configName) rebuild();
    }));
  } catch {
    // A folder that cannot be watched: the input is still watched.
  }

  return new Promise((done) => {
    const stop = () => {
      for (const w of watchers) w.close();
      server.close(() => done(0));
      server.closeAllConnections();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
