/**
 * The server's own HTTP API as the test support calls it: past the account check and any fault,
 * so that reading or rewriting what the server holds sees exactly what a client would, and
 * goes through the same code (express-pouchdb's routes and its cache of open databases).
 */
export const INTERNAL_HEADER = 'x-sync-server-internal';

export class OwnApi {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  async text(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const res = await fetch(this.url + path, {
      method,
      headers: { [INTERNAL_HEADER]: this.token, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  /** Parsed JSON of a 2xx answer; anything else is an error naming the request. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, text } = await this.text(method, path, body);
    if (status < 200 || status > 299) throw new Error(`Sync server: ${method} ${path} answered ${status}: ${text.trim()}`);
    return JSON.parse(text) as T;
  }
}

export const dbPath = (db: string) => `/${encodeURIComponent(db)}`;
