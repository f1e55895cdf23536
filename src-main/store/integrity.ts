import { CasebookError } from '../domain/shared/errors';
import { keyringGeneration } from './keyring';
import { KEYRING, ROOT } from './layout';
import { compareWithRoot, pinnedDigests, rootFile, type Root, type RootProblem } from './root';
import type { Store } from './store';

/**
 * At unlock, the files that describe the casebook are checked against its sealed root. A
 * keyring older than the root is refused outright: a passphrase that was changed or removed
 * may still work in it. Anything else that does not match (a case-list shard or an audit
 * segment put back from an older copy, one deleted, the trail cut short) opens the casebook
 * read-only with the problems named, until an administrator has looked (verify, restore a
 * backup, or accept the casebook as it is).
 */
export async function checkAgainstRoot(store: Store): Promise<void> {
  const root = await rootFile(store.dir, store.dk).read();
  if (!root) {
    if (store.index.sealed) {
      markRolledBack(store, [{ file: ROOT, message: 'is missing, although the casebook has had one since it was sealed: it may have been deleted to hide a change' }]);
    }
    return;
  }
  store.root = root;
  if (keyringGeneration(store.keyring) < root.keyringGeneration) {
    throw new CasebookError(
      'CORRUPT',
      `${KEYRING} is older than the rest of the casebook (keyring change ${keyringGeneration(store.keyring)}, the casebook expects ${root.keyringGeneration}): a passphrase that was changed or removed may work in it, so it was not used. Restore keyring.json from the newest backup`,
      { file: KEYRING },
    );
  }
  const problems = await differencesFromRoot(store, root);
  if (problems.length > 0) markRolledBack(store, problems);
}

/** Where the files and the audit trail's end differ from the root (unlock, and verify at any time). */
export async function differencesFromRoot(store: Store, root: Root): Promise<RootProblem[]> {
  const problems: RootProblem[] = compareWithRoot(root, await pinnedDigests(store.dir));
  const head = store.audit.headEntry;
  if (head.seq !== root.audit.seq || head.hash !== root.audit.hash) {
    problems.push({ file: 'audit', message: `the audit trail ends at entry ${head.seq}, but the casebook's last save recorded entry ${root.audit.seq}: entries may have been removed or put back from an older copy` });
  }
  return problems;
}

function markRolledBack(store: Store, problems: RootProblem[]): void {
  store.integrity = problems;
  store.refuseWrites =
    'This casebook does not match its own record of its last save, so it has been opened read-only and nothing will be changed. An administrator should run Verify, then restore a backup or accept the casebook as it is.';
}
