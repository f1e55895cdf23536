import { caseworkWorld, FAC_PASS, freshService, referral } from './casebook';

/**
 * A team of two for the key-change tests: the administrator's casebook with one referral, team
 * use turned on at `remote`, and Fatima's computer joined and unlocked again (so the secret it
 * keeps is the one an unlock derives, as on a computer in daily use).
 */
export async function teamOfTwo(remote: string) {
  const a = await caseworkWorld();
  const created = await a.call('createReferral', { referral: referral(), duplicatesSeen: true });
  await a.service.sync.enable({ remote });
  const b = await freshService();
  await b.service.sync.join({ remote, userName: 'Fatima Hussain', passphrase: FAC_PASS });
  await b.service.lock('manual');
  await b.service.unlock('Fatima Hussain', FAC_PASS);
  return { a, b, caseId: created.case.id };
}
