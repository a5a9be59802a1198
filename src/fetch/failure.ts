// The one error a fetch ends with when a page cannot be had (robots.txt, HTTP, size, encoding, redirects).

/** Why a URL could not be fetched, in words fit for one line. `permanent`: asking again will not help. */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    readonly status?: number,
  ) {
    super(message);
  }
}
