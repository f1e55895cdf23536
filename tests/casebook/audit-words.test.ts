import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_WORDS, auditActionWords, auditFieldWords } from '../../src-main/domain/casebook/audit-words';
import { WorkflowCommandSchema } from '../../src-main/domain/cases/workflow';

describe('the audit trail in plain words', () => {
  it('has words for every change a case can record, and a group for each listed action', () => {
    for (const option of WorkflowCommandSchema.options) {
      const action = `case.${option.shape.type.value}`;
      expect(AUDIT_ACTION_WORDS[action], action).toBeDefined();
    }
    for (const action of Object.keys(AUDIT_ACTION_WORDS)) {
      const grouped = AUDIT_ACTION_GROUPS.some((g) => action.startsWith(g.prefix));
      if (!grouped) expect(action, 'an action outside every group is offered on its own').toMatch(/^[a-z-]+\.[a-z.-]+$/);
    }
  });

  it('shows actions and fields as words, never as codes', () => {
    expect(auditActionWords('settings.update')).toBe('Service settings changed');
    expect(auditActionWords('case.sign-off-risk.refused')).toBe('Risk sign-off refused: the assessor tried to sign off');
    expect(auditActionWords('widget.re-index')).toBe('Widget re index');
    expect(['serviceName', 'roleLabels', 'idleLockMinutes'].map(auditFieldWords)).toEqual(['Service name', 'Words for people', 'Lock time']);
    expect(auditFieldWords('participants.risk')).toBe('Risk assessments');
    expect(auditFieldWords('referral.offenceDate')).toBe('Referral: offence date');
    expect(auditFieldWords('self-sign-off')).toBe('Signed off by the person who assessed it');
  });
});
