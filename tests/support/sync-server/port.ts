/**
 * Ports that fetch clients refuse to connect to (the fetch standard's "bad ports", as Node's
 * fetch and Chromium apply them): a server there would start and then never be reached.
 */
const FETCH_BLOCKED = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601,
  636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679,
  6697, 10080,
]);

/** Why the server cannot listen on `port`, or undefined when it can try. */
export function portProblem(port: number): string | undefined {
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `The sync server's port must be a whole number from 0 to 65535 (0 takes any free port), not ${port}.`;
  if (FETCH_BLOCKED.has(port)) return `Port ${port} is one that web clients refuse to connect to. Choose another, such as 5984.`;
  return undefined;
}
