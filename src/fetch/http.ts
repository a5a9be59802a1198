// GET over http and https, politely (see politeness.ts) and safely: every hop of a redirect is checked
// (scheme, address, robots.txt), bodies are capped while they stream (after decompression), and one
// deadline covers a whole request. Responses are bytes; nothing here interprets them.
import http from "node:http";
import https from "node:https";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Transform } from "node:stream";
import { checkLiteralHost, guardedLookup, RefusedAddress, type PrivatePolicy } from "./address.ts";
import { BackedOff, Scheduler } from "./politeness.ts";
import { FetchFailure } from "./failure.ts";
import { RobotsRules } from "./robots.ts";

export interface ClientOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: PrivatePolicy;
  concurrency: number;
  perHostDelayMs: number;
}

export interface GetOptions {
  accept: string;
  /** Extra request headers (conditional GET). */
  headers?: Record<string, string>;
  /** Check robots.txt before each hop (default true). */
  robots?: boolean;
  maxBytes?: number;
}

export interface HttpResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  location?: string;
}

const EMPTY = Buffer.alloc(0);

export class HttpClient {
  readonly scheduler: Scheduler;
  private readonly robots: RobotsRules;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(private readonly options: ClientOptions) {
    this.scheduler = new Scheduler(options.concurrency, options.perHostDelayMs);
    const lookup = guardedLookup(options.allowPrivate);
    this.agents = { http: new http.Agent({ keepAlive: true, lookup }), https: new https.Agent({ keepAlive: true, lookup }) };
    this.robots = new RobotsRules(this, options.userAgent);
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async get(start: string, options: GetOptions): Promise<HttpResponse> {
    let url = httpUrl(start);
    const seen = new Set([url.href]);
    const headers = { "user-agent": this.options.userAgent, accept: options.accept, "accept-encoding": "gzip, deflate, br", ...options.headers };
    for (let hop = 0; ; hop++) {
      checkLiteralHost(url.hostname, this.options.allowPrivate);
      if (options.robots !== false) await this.robots.check(url);
      const target = url;
      const answer = await this.scheduler.run(target.hostname, () => this.once(target, headers, options.maxBytes ?? this.options.maxBytes)).catch((error: unknown) => {
        throw failureOf(error);
      });
      if (answer.location === undefined) return { url: url.href, status: answer.status, headers: answer.headers, body: answer.body };
      if (hop >= this.options.maxRedirects) throw new FetchFailure(`more than ${this.options.maxRedirects} redirects`, true);
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        throw new FetchFailure(`redirected to an invalid URL`, true);
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") throw new FetchFailure(`redirected to a ${next.protocol} URL; only http and https are fetched`, true);
      next.hash = "";
      if (seen.has(next.href)) throw new FetchFailure(`redirect loop (back to ${next.href})`, true);
      seen.add(next.href);
      url = next;
    }
  }

  private once(url: URL, headers: Record<string, string>, maxBytes: number): Promise<Hop> {
    return new Promise<Hop>((resolve, reject) => {
      const secure = url.protocol === "https:";
      const request = (secure ? https : http).request(url, { method: "GET", headers, agent: secure ? this.agents.https : this.agents.http });
      const seconds = this.options.timeoutMs / 1000;
      let expired: FetchFailure | null = null;
      const timer = setTimeout(() => {
        expired = new FetchFailure(`timed out after ${seconds} s`);
        request.destroy(expired);
      }, this.options.timeoutMs);
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(failureOf(expired ?? error));
      };
      request.on("error", fail);
      request.on("response", (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if ((status === 301 || status === 302 || status === 303 || status === 307 || status === 308) && location) {
          response.destroy();
          clearTimeout(timer);
          return resolve({ status, headers: response.headers, body: EMPTY, location });
        }
        if (status === 304) {
          response.destroy();
          clearTimeout(timer);
          return resolve({ status, headers: response.headers, body: EMPTY });
        }
        if (status < 200 || status >= 300) {
          response.destroy();
          if (status === 429 || status === 503) this.scheduler.backOff(url.hostname, `HTTP ${status}`);
          return fail(new FetchFailure(`HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`, status >= 400 && status < 500 && status !== 408 && status !== 429, status));
        }
        const declared = Number(response.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          return fail(tooLarge(maxBytes));
        }
        let decompress: Transform | null;
        try {
          decompress = decompressorFor(response.headers["content-encoding"]);
        } catch (error) {
          response.destroy();
          return fail(error);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        // The pipeline reports a stage that throws as its own abort ("The operation was aborted"): the limit is kept to be named.
        let over: FetchFailure | null = null;
        const collect = async function (source: AsyncIterable<Buffer>): Promise<void> {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > maxBytes) throw (over = tooLarge(maxBytes));
            chunks.push(chunk);
          }
        };
        // The deadline still runs: destroying the request ends the response stream with its error.
        const body = decompress ? pipeline(response, decompress, collect) : pipeline(response, collect);
        body.then(
          () => {
            clearTimeout(timer);
            resolve({ status, headers: response.headers, body: Buffer.concat(chunks) });
          },
          (error: unknown) => {
            response.destroy();
            fail(over ?? error);
          },
        );
      });
      request.end();
    });
  }
}

function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchFailure("not a URL", true);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchFailure(`${url.protocol} URL; only http and https are fetched`, true);
  url.hash = "";
  return url;
}

function tooLarge(maxBytes: number): FetchFailure {
  const size = maxBytes >= 1 << 20 ? `${Math.round((maxBytes / (1 << 20)) * 10) / 10} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
  return new FetchFailure(`larger than the ${size} limit`, true);
}

function decompressorFor(encoding: string | undefined): Transform | null {
  const e = (encoding ?? "").trim().toLowerCase();
  if (e === "" || e === "identity") return null;
  if (e === "gzip" || e === "x-gzip") return createGunzip();
  if (e === "deflate") return createInflate();
  if (e === "br") return createBrotliDecompress();
  throw new FetchFailure(`unsupported Content-Encoding "${e}"`, true);
}

function failureOf(error: unknown): FetchFailure | RefusedAddress {
  if (error instanceof FetchFailure || error instanceof RefusedAddress) return error;
  if (error instanceof BackedOff) return new FetchFailure(error.message);
  const e = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host name lookup failed (try again later)",
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset by the server",
    ETIMEDOUT: "connection timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    Z_DATA_ERROR: "corrupt compressed body",
    Z_BUF_ERROR: "truncated compressed body",
  };
  const said = e.code ? words[e.code] : undefined;
  if (said) return new FetchFailure(said);
  if (e.code && /CERT|SSL|TLS/.test(e.code)) return new FetchFailure(`TLS: ${e.message}`);
  return new FetchFailure(e.message || String(error));
}
