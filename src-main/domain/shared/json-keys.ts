/**
 * Keys that appear more than once in one JSON object. JSON.parse keeps the last silently, so
 * `"notes":"first","notes":"second"` would import "second" and lose "first" without a word.
 *
 * A scan of the text, run after JSON.parse has accepted it (so the text is known to be valid
 * JSON and the scan need not check its grammar). It is iterative: a file nested 100,000 levels
 * deep costs a stack of frames, not the call stack; and it skips over strings with indexOf, so
 * a 200 MB file costs about as much as parsing it. No library in the app's dependencies does
 * this: JSON.parse's reviver sees objects only after duplicates are merged.
 */
export interface DuplicateKey {
  /** Where the object is, as keys and indexes from the top, then the repeated key. */
  path: (string | number)[];
  key: string;
  /** How many times the key appears in that object. */
  times: number;
}

interface Frame {
  /** Keys seen so far with the entry of the first repeat, for an object; null for a list. */
  keys: Map<string, DuplicateKey | null> | null;
  /** The key or index of the value being read inside this frame. */
  at: string | number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let q = start;
  for (;;) {
    q = text.indexOf('"', q + 1);
    if (q < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q;
  }
}

/** Every repeated key, in the order the repeats appear; at most `limit` of them. */
export function findDuplicateKeys(text: string, limit = 1_000): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const raw = text.slice(i + 1, end);
        // Escapes spell the same key two ways ("notes" and "not\u0065s"): compare what they mean.
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const seen = top.keys.get(key);
        if (seen === undefined) top.keys.set(key, null);
        else if (seen) seen.times++;
        else if (out.length < limit) {
          const entry: DuplicateKey = { path: [...stack.slice(0, -1).map((f) => f.at), key], key, times: 2 };
          top.keys.set(key, entry);
          out.push(entry);
        }
        top.at = key;
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */) {
      stack.push({ keys: new Map(), at: '' });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ keys: null, at: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return out;
}
