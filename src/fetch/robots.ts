// robots.txt, read once per site per run (RFC 9309): a 4xx answer means no rules, a server error or an
// unreachable site means nothing may be fetched there. Crawl-delay is honoured.
import * as robotsTxt from "robots-parser";
import { RefusedAddress } from "./address.ts";
import { FetchFailure } from "./failure.ts";
import type { Scheduler } from "./politeness.ts";

/** What reading robots.txt needs of the HTTP client (http.ts's, which checks robots.txt through this class). */
export interface RobotsClient {
  get(url: string, options: { accept: string; robots: false; maxBytes: number }): Promise<{ body: Buffer }>;
  readonly scheduler: Scheduler;
}

// robots-parser is CommonJS (`module.exports = fn`) but its types declare `export default fn`, which
// NodeNext reads as `module.exports.default`. At run time the namespace's `default` is the function.
const parseRobots = robotsTxt.default as unknown as typeof robotsTxt.default.default;

/** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt. */
const ROBOTS_MAX_BYTES = 512 * 1024;

/** `none`: robots.txt answered with a server error, or the site could not be reached (`reached: false`). */
type Verdict = { isAllowed(url: string, ua?: string): boolean | undefined } | { all: true } | { none: string; reached: boolean };

export class RobotsRules {
  private readonly sites = new Map<string, Promise<Verdict>>();
  /** robots.txt groups are matched on the product token: "Digest" in "Digest/0.1.0 (+url)". */
  private readonly token: string;

  constructor(
    private readonly client: RobotsClient,
    userAgent: string,
  ) {
    this.token = userAgent.split(/[/\s]/)[0] || userAgent;
  }

  /** Throws when robots.txt keeps Digest away from `url`. */
  async check(url: URL): Promise<void> {
    let verdict = this.sites.get(url.origin);
    if (!verdict) {
      verdict = this.read(url);
      this.sites.set(url.origin, verdict);
    }
    const v = await verdict;
    if ("none" in v) throw new FetchFailure(v.reached ? `robots.txt answered ${v.none}, so nothing is fetched from ${url.host}` : v.none);
    if ("isAllowed" in v && v.isAllowed(url.href, this.token) === false) throw new FetchFailure("disallowed by robots.txt", true);
  }

  private async read(site: URL): Promise<Verdict> {
    const robotsUrl = `${site.origin}/robots.txt`;
    try {
      const response = await this.client.get(robotsUrl, { accept: "text/plain", robots: false, maxBytes: ROBOTS_MAX_BYTES });
      const rules = parseRobots(robotsUrl, response.body.toString("utf8"));
      const delay = rules.getCrawlDelay(this.token);
      if (typeof delay === "number" && delay > 0) this.client.scheduler.slowDown(site.hostname, delay * 1000);
      return rules;
    } catch (error) {
      if (error instanceof RefusedAddress) throw error;
      const status = error instanceof FetchFailure ? error.status : undefined;
      if (status !== undefined && status >= 400 && status < 500) return { all: true };
      return { none: (error as Error).message, reached: status !== undefined };
    }
  }
}
