/**
 * What a caller may pass along with a long piece of work (a demo fill, an import, later a
 * pack): where to report progress, and a signal to stop. Commands that finish in a moment
 * ignore it.
 */
export interface CallContext {
  progress?(done: number, total: number): void;
  signal?: AbortSignal;
}
