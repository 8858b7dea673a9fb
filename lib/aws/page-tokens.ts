// A listing's page tokens. A service that hands back a token it already gave would make a paging loop
// ask for the same page forever, spending the account's throttling bucket; the loop stops instead.

/** The tokens of one listing, followed page by page. */
export class PageTokens {
  private readonly seen = new Set<string>();

  constructor(private readonly operation: string) {}

  /**
   * The token to ask for the next page with, or undefined when `token` ends the listing (absent or
   * empty).
   * @throws Error when `token` was already returned by an earlier page of this listing.
   */
  next(token: string | undefined): string | undefined {
    if (token === undefined || token === '') return undefined;
    if (this.seen.has(token)) throw new Error(`${this.operation} returned a page token it had already returned, so the listing was stopped`);
    this.seen.add(token);
    return token;
  }
}
