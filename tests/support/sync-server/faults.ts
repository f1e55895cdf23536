import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Ways the server misbehaves, for testing that a client notices. `garbage` and `wrong-json`
 * answer instead of the server (the request is not carried out); `match` is tested against the
 * request's path and query string as sent (e.g. `/casebook/_changes?since=0`), and by default
 * matches every request under a database (not `/`, `/_all_dbs` or `/_session`).
 */
export type SyncFault =
  /** 200 with a body that is not JSON. */
  | { kind: 'garbage'; match?: RegExp }
  /** 503 with CouchDB's JSON error, on every request (the server is there but not serving). */
  | { kind: 'unavailable' }
  /** Once `afterRequests` more requests have been answered, every further request has its
   *  connection destroyed without a response, until the fault is cleared (the network went).
   *  With `lose: 'answer'` the first of them is carried out by the server first and only its
   *  answer lost (the case where a client cannot know whether a write arrived); by default
   *  (`'request'`) the server never sees it. */
  | { kind: 'cut'; afterRequests: number; lose?: 'request' | 'answer' }
  /** 200 with valid JSON of the wrong shape: `body`, or by default an object whose `results`,
   *  `rows`, `docs` and `ok` are all strings, which PouchDB's replication trips over. A body such
   *  as `{}` is the quieter case: PouchDB reads it on `_changes` as "nothing new" without an
   *  error, so only a sync engine that checks what it got notices. */
  | { kind: 'wrong-json'; match?: RegExp; body?: unknown };

const UNDER_A_DATABASE = /^\/[^_/?][^/?]*(?:[/?]|$)/;

export const WRONG_SHAPE = { results: 'not a list', rows: 'not a list', docs: 'not a list', ok: 'not a boolean' };

/** Answers a request the fault decides, or returns false to let the server answer it. */
export class FaultGate {
  private fault: SyncFault | undefined;
  private answeredSinceSet = 0;
  private answerLost = false;

  set(f: SyncFault | undefined): void {
    if (f?.kind === 'cut' && !(Number.isInteger(f.afterRequests) && f.afterRequests >= 0)) {
      throw new Error(`A cut fault needs afterRequests as a whole number of 0 or more, not ${f.afterRequests}`);
    }
    this.fault = f;
    this.answeredSinceSet = 0;
    this.answerLost = false;
  }

  /** Called for every outside request; true when the fault has dealt with it. */
  intercept(req: IncomingMessage, res: ServerResponse): boolean {
    const f = this.fault;
    if (!f) return false;
    const url = req.url ?? '/';
    switch (f.kind) {
      case 'cut':
        if (this.answeredSinceSet >= f.afterRequests) {
          if (f.lose === 'answer' && !this.answerLost) {
            this.answerLost = true;
            loseAnswer(req, res);
            return false;
          }
          req.socket.destroy();
          return true;
        }
        res.on('finish', () => {
          if (this.fault === f) this.answeredSinceSet += 1;
        });
        return false;
      case 'unavailable':
        send(res, 503, JSON.stringify({ error: 'service_unavailable', reason: 'The server is not available.' }));
        return true;
      case 'garbage':
        if (!matches(f.match ?? UNDER_A_DATABASE, url)) return false;
        // Labelled JSON, as a broken proxy or a half-written response would be.
        send(res, 200, '<html><body>Bad gateway \u0000\u00ff {"ok":tru');
        return true;
      case 'wrong-json':
        if (!matches(f.match ?? UNDER_A_DATABASE, url)) return false;
        send(res, 200, JSON.stringify(f.body ?? WRONG_SHAPE));
        return true;
    }
  }
}

/** A test that does not depend on a global (`g`) pattern's position from the last request. */
function matches(pattern: RegExp, url: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(url);
}

/** Lets the server carry the request out, then destroys the connection instead of answering. */
function loseAnswer(req: IncomingMessage, res: ServerResponse): void {
  const cut = () => {
    req.socket.destroy();
    return res;
  };
  res.writeHead = cut as typeof res.writeHead;
  res.write = (() => (cut(), false)) as typeof res.write;
  res.end = cut as typeof res.end;
}

export function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'must-revalidate' });
  res.end(body);
}
