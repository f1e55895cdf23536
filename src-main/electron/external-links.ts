/**
 * The only web sites the app will hand to the system browser (via shell.openExternal).
 * Opening arbitrary URLs from a page is a classic Electron escape (file:, smb:, custom
 * protocol handlers), so this is an exact allow-list of https origins, not a pattern.
 */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['https://restorativejustice.org.uk'];

export function isAllowedExternal(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  // https is a special scheme, so .origin is meaningful here (scheme + host + port).
  return u.protocol === 'https:' && u.username === '' && u.password === '' && EXTERNAL_ALLOW_LIST.includes(u.origin);
}
