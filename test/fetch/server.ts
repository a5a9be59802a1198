// A local HTTP server for the fetch tests: 127.0.0.1 only, a port the system picks, every request logged.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface Logged {
  path: string;
  headers: IncomingMessage["headers"];
  status: number;
}

export type Route = { status?: number; type?: string; body?: string | Buffer; headers?: Record<string, string> } | ((req: IncomingMessage, res: ServerResponse) => void);

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  routes: Map<string, Route>;
  log: Logged[];
  close(): Promise<void>;
}

/** `tls`: serve https with this key and certificate (test/fixtures/fetch/tls: self-signed, for 127.0.0.1). */
export async function startServer(routes: Record<string, Route> = {}, tls?: { key: Buffer; cert: Buffer }): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const log: Logged[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    res.on("finish", () => log.push({ path, headers: req.headers, status: res.statusCode }));
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") return route(req, res);
    res.writeHead(route.status ?? 200, { ...(route.type ? { "content-type": route.type } : {}), ...route.headers });
    res.end(route.body ?? "");
  };
  const server: Server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    routes: table,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
