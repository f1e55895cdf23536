import { request } from 'node:http';

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

  /** Over node:http without keep-alive: a pooled connection could outlive a server stopped and
   *  started again on the same port, and the next request would meet a closed socket. */
  text(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { [INTERNAL_HEADER]: this.token, accept: 'application/json', ...(payload === undefined ? {} : { 'content-type': 'application/json' }) };
    return new Promise((resolve, reject) => {
      const req = request(this.url + path, { method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Parsed JSON of a 2xx answer; anything else is an error naming the request. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, text } = await this.text(method, path, body);
    if (status < 200 || status > 299) throw new Error(`Sync server: ${method} ${path} answered ${status}: ${text.trim()}`);
    return JSON.parse(text) as T;
  }
}

export const dbPath = (db: string) => `/${encodeURIComponent(db)}`;
