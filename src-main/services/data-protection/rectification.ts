import { requireCapability } from '../../domain/access/capabilities';
import type { Case, Participant } from '../../domain/cases/case';
import { PersonSchema } from '../../domain/cases/case';
import { personIn } from '../../domain/data-protection/person-in-case';
import { RECTIFIABLE_FIELDS, type Rectified, type RectifyInput } from '../../domain/data-protection/rectification';
import { isAnonymised } from '../../domain/data-protection/retention/anonymise-case';
import { CasebookError } from '../../domain/shared/errors';
import { applyCaseCommand } from '../cases/commands';
import type { Casework } from '../cases/context';
import { invalidInput } from '../shared/errors';

/**
 * A correction applied to every case ticked: each case is read and the person found in it
 * first, so a case where the name is not found (or fits two people), an anonymised case or a
 * correction a case would refuse stops the whole correction before any case is changed. Then
 * each case takes the change as its own "details updated" (its timeline, its audit entry), and
 * one entry records the correction: the fields and how many cases, never the details.
 */
export async function rectifyPerson(cw: Casework, input: RectifyInput): Promise<Rectified> {
  const s = cw.s;
  requireCapability(s.user.role, 'rectify-person');
  const plans: { c: Case; p: Participant; person: Participant['person'] }[] = [];
  for (const [i, caseId] of input.caseIds.entries()) {
    if (!s.summaries.get(caseId)) throw invalidInput([{ path: `caseIds.${i}`, message: 'That case is no longer in the casebook: search again' }]);
    const c = await s.readCase(caseId);
    if (isAnonymised(c)) throw new CasebookError('CONFLICT', `Case ${c.reference} was anonymised under the retention schedule: it holds no details to correct. Untick it.`);
    const p = personIn(c, input.name, input.dateOfBirth, { given: 'searched for', none: 'untick the case', many: 'search with their date of birth too' });
    const person = PersonSchema.safeParse({ ...p.person, ...input.changes });
    if (!person.success) throw invalidInput(person.error.issues.map((x) => ({ path: `changes.${String(x.path[0] ?? '')}`, message: x.message })));
    plans.push({ c, p, person: person.data });
  }
  for (const { c, p, person } of plans) await applyCaseCommand(cw, { caseId: c.id, revision: c.revision, command: { type: 'update-person', participantId: p.id, person } });
  const fields = RECTIFIABLE_FIELDS.filter((f) => f in input.changes);
  await s.commit([], [s.draft('person.rectify', { type: 'person', id: 'rectification' }, [...fields, `cases:${plans.length}`])]);
  return { cases: plans.map(({ c }) => ({ caseId: c.id, reference: c.reference })), fields };
}
