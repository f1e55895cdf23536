/**
 * Runs async jobs one after another. The renderer can fire several commands at once (a double
 * click, two panels saving); without this two saves could both chain their audit entry onto
 * the same previous entry, or both read the settings before either wrote them.
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(job: () => Promise<T>): Promise<T> {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
}
