import { describe, expect, it } from 'vitest';
import { apply, caseworkWorld, PASS, QL_PASS } from '../../support/casebook';
import { runReal } from '../../support/cli/harness';
import { caseUntil } from '../../support/process';

/** `casebook retention review` and `retention apply`, in-process over the real service, with two people. */
describe('casebook retention', () => {
  it('reviews, proposes as one person and approves as another; a person cannot approve their own', async () => {
    const w = await caseworkWorld();
    const v = await caseUntil(w, 'process', { referral: { receivedOn: '2018-01-10', offenceDate: '2018-01-01' } });
    const c = await apply(w, v, { type: 'close', closure: { outcome: 'completed-without-agreement', closedOn: '2019-03-03', summary: 'Done.' } });
    const ref = c.case.reference;
    await w.service.lock('manual');
    const jo = (argv: string[]) => runReal(w.dir, ['--user', 'Jo Whitfield', ...argv], undefined, PASS);
    const quinn = (argv: string[]) => runReal(w.dir, ['--user', 'Quinn Lead', ...argv], undefined, QL_PASS);

    const review = await jo(['retention', 'review', '--at', '2026-03-16']);
    expect(review.stderr).toBe('');
    expect(review.code).toBe(0);
    expect(review.stdout).toContain('Retention review on 16 March 2026: 1 record due.');
    expect(review.stdout).toContain('Adult case closed 3 March 2019: kept 7 years, due 3 March 2026');
    const json = JSON.parse((await jo(['retention', 'review', '--at', '2026-03-02', '--json'])).stdout) as { value: { items: unknown[] } };
    expect(json.value.items).toEqual([]);

    const usage = await jo(['retention', 'apply', '--case', ref, '--action', 'shred', '--reason', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--action is anonymise, delete or keep');

    const proposed = await jo(['retention', 'apply', '--case', ref, '--action', 'anonymise', '--reason', 'Past the 7-year period']);
    expect(proposed.code).toBe(0);
    expect(proposed.stdout).toContain('A second person must approve it');
    const own = await jo(['retention', 'apply', '--case', ref, '--action', 'anonymise', '--approve']);
    expect(own.code).not.toBe(0);
    expect(own.stderr).toContain('You proposed this, so someone else must approve or refuse it.');
    const wrong = await quinn(['retention', 'apply', '--case', ref, '--action', 'delete', '--approve']);
    expect(wrong.stderr).toContain('proposed to anonymise');

    const approved = await quinn(['retention', 'apply', '--case', ref, '--action', 'anonymise', '--approve']);
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`Case ${ref} was anonymised`);
    expect(approved.stdout).toContain('A new backup was taken');
    expect((await jo(['verify'])).code).toBe(0);
  });
});
