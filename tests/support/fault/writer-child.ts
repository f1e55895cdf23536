/**
 * The writer process for kill-during-save.test.ts. It loads everything, says LOADED, and waits
 * for a line GO on stdin (so the parent can start the next child while it checks the store).
 * Then it unlocks the store and saves in a loop, printing after each acknowledged save:
 *   ACK C <revision>   a saveCase resolved with that revision
 *   ACK S <n>          an updateSettings resolved with serviceName "Svc <n>"
 * The parent kills it with SIGKILL at a random moment. Stdout is a pipe, and pipe writes are
 * synchronous on Linux, so an ACK line is in the pipe before the next save starts.
 *
 * Arguments: storeDir userId caseId; the passphrase comes from CASEBOOK_TEST_PASSPHRASE.
 */
import { createCasebookService } from '../../../src-main/services/casebook/service';

async function main(): Promise<void> {
  const [storeDir, userId, caseId] = process.argv.slice(2);
  const passphrase = process.env.CASEBOOK_TEST_PASSPHRASE ?? '';
  if (!storeDir || !userId || !caseId) throw new Error('usage: writer-child storeDir userId caseId');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('LOADED');
  await new Promise<void>((resolve) => {
    let buf = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => {
      buf += d;
      if (buf.includes('GO\n')) resolve();
    });
  });
  const service = await createCasebookService({ storeDir, kdf: 'minimum' });
  const session = await service.unlock(userId, passphrase);
  if (session.readOnly) {
    say('READONLY');
    process.exit(3);
  }
  say('READY');
  let c = await service.getCase(caseId);
  let svc = Number(/^Svc (\d+)$/.exec(service.settings().serviceName)?.[1] ?? NaN);
  if (!Number.isInteger(svc)) throw new Error('unexpected service name');
  for (let i = 0; ; i++) {
    if (i % 3 === 2) {
      const next = await service.updateSettings({ serviceName: `Svc ${svc + 1}` });
      svc += 1;
      if (next.serviceName !== `Svc ${svc}`) throw new Error('settings did not stick');
      say(`ACK S ${svc}`);
    } else {
      c = await service.saveCase({ ...c, notes: `revision ${c.revision + 1}` });
      say(`ACK C ${c.revision}`);
    }
  }
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  process.stdout.write(`ERR ${err.code ?? 'ERROR'} ${err.message ?? String(e)}\n`);
  process.exit(1);
});
