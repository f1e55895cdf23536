import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../src-main/domain/outcomes/agreement';
import { FEEDBACK_ITEMS } from '../../src-main/domain/outcomes/feedback';
import { parseAgreementActions, parseFeedbackTemplate, parseGroundRules } from '../../src-main/domain/conferences/templates';

const read = (name: string) => readFileSync(new URL(`../../templates/conferences/${name}`, import.meta.url), 'utf8');

describe('shipped conference templates', () => {
  it('parse cleanly', () => {
    const rules = parseGroundRules(read('ground-rules.yaml'), 'ground-rules.yaml');
    expect(rules.ok && rules.value.groundRules.length).toBeGreaterThan(3);
    const actions = parseAgreementActions(read('agreement-actions.yaml'), 'agreement-actions.yaml');
    expect(actions.ok && actions.value.actions.map((a) => a.kind)).toEqual([...ACTION_KINDS]);
    const feedback = parseFeedbackTemplate(read('feedback.yaml'), 'feedback.yaml');
    expect(feedback.ok && Object.keys(feedback.value.statements)).toEqual([...FEEDBACK_ITEMS]);
    expect(feedback.ok && feedback.value.equality?.disability).toEqual(['Yes', 'No', 'Prefer not to say']);
  });
});

describe('template mistakes', () => {
  it('names the file, line and problem', () => {
    const r = parseAgreementActions('version: 1\nactions:\n  - kind: apology\n    label: Apology\n  - kind: apology\n    label: Again\n', 'agreement-actions.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('agreement-actions.yaml line 5');
      expect(r.message).toContain('the kind "apology" is listed twice');
      expect(r.message).toContain('add wording for: explanation, letter');
    }
  });
  it('refuses __proto__ keys and unknown fields', () => {
    const r = parseGroundRules('version: 1\n__proto__: {}\ngroundRules: [x]\n', 'ground-rules.yaml');
    expect(r.ok).toBe(false);
    const u = parseFeedbackTemplate(read('feedback.yaml').replace('statements:', 'statments:'), 'feedback.yaml');
    expect(!u.ok && u.message).toMatch(/unknown field "statments"/);
  });
});
