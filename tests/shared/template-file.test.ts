import { describe, expect, it } from 'vitest';
import { parseConsentElements } from '../../src-main/domain/consent/consent';
import { parseDeadlineRules } from '../../src-main/domain/cases/deadlines';
import { parseCaseworkLists } from '../../src-main/domain/referrals/referral';
import { parseRiskFactors } from '../../src-main/domain/risk/risk';
import { MAX_TEMPLATE_CHARS } from '../../src-main/domain/shared/template-file';
import { CONSENT_FILE, DEADLINE_FILE, LISTS_FILE, read, RISK_FILE } from '../support/case-fixtures';

const F = 'templates/casework/risk-factors.yaml';
const problems = (text: string) => {
  const r = parseRiskFactors(text, F);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
};

describe('the shipped templates', () => {
  it('all load', () => {
    expect(parseConsentElements(read(CONSENT_FILE), CONSENT_FILE).ok).toBe(true);
    expect(parseRiskFactors(read(RISK_FILE), RISK_FILE).ok).toBe(true);
    expect(parseDeadlineRules(read(DEADLINE_FILE), DEADLINE_FILE).ok).toBe(true);
    expect(parseCaseworkLists(read(LISTS_FILE), LISTS_FILE).ok).toBe(true);
  });
});

describe('template errors name the file, the line and the problem', () => {
  it('a YAML syntax error', () => {
    const [p] = problems('version: 1\nfactors:\n  - id: a\n    title: "unclosed\n');
    expect(p?.file).toBe(F);
    expect(p?.line).toBeGreaterThanOrEqual(4);
    expect(p?.message).toMatch(/the YAML is not valid/);
  });

  it('a value with an unquoted colon', () => {
    const [p] = problems('version: 1\nfactors:\n  - id: a\n    title: Work: or home\n');
    expect(p?.line).toBe(4);
  });

  it('an unknown field, at its own line', () => {
    const [p] = problems('version: 1\nfactors:\n  - id: physical\n    title: Physical safety\n    titel: typo\n');
    expect(p).toMatchObject({ file: F, line: 5, path: 'factors[0].titel', message: 'unknown field "titel": remove it or check its spelling' });
  });

  it('a missing field, at the entry that lacks it', () => {
    const [p] = problems('version: 1\nfactors:\n  - id: physical\n    title: Physical safety\n  - id: emotional\n');
    expect(p).toMatchObject({ line: 5, path: 'factors[1].title', message: '"title" is missing' });
  });

  it('a wrong type', () => {
    const [p] = problems('version: 1\nfactors:\n  - id: physical\n    title: [1, 2]\n');
    expect(p).toMatchObject({ line: 4, path: 'factors[0].title', message: 'Title must be text' });
  });

  it('a bad id and a duplicate id', () => {
    const ps = problems('version: 1\nfactors:\n  - id: Physical Safety\n    title: A\n  - id: b\n    title: B\n  - id: b\n    title: C\n');
    expect(ps.map((p) => [p.line, p.message])).toEqual([
      [3, expect.stringMatching(/lower-case letters/)],
      [7, 'the id "b" is used twice'],
    ]);
  });

  it('duplicate keys', () => {
    const [p] = problems('version: 1\nversion: 1\nfactors: []\n');
    expect(p?.line).toBe(2);
    expect(p?.message).toMatch(/unique/i);
  });

  it('__proto__ and friends as keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const [p] = problems(`version: 1\nfactors:\n  - id: a\n    title: A\n    ${key}: {polluted: true}\n`);
      expect(p).toMatchObject({ line: 5, message: `"${key}" is not allowed as a field name` });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty file, a huge file and a file that is not text', () => {
    expect(problems('')[0]?.message).toBe('the file is empty');
    expect(problems('# only a comment\n')[0]?.message).toBe('the file is empty');
    expect(problems('x'.repeat(MAX_TEMPLATE_CHARS + 1))[0]?.message).toMatch(/too large/);
    expect(problems(42 as unknown as string)[0]?.message).toMatch(/not be read as text/);
    expect(problems('- just\n- a list\n')[0]?.message).toMatch(/object/);
  });

  it('an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(problems(bomb)[0]?.message).toMatch(/YAML could not be read|excessive alias|unknown field/i);
  });

  it('keeps a byte-order mark and script tags harmless', () => {
    const r = parseRiskFactors('\uFEFFversion: 1\nfactors:\n  - id: a\n    title: "<script>alert(1)</script>"\n', F);
    expect(r.ok && r.value[0]?.title).toBe('<script>alert(1)</script>');
  });

  it('a readable message for the whole file', () => {
    const r = parseRiskFactors('version: 2\nfactors: []\n', F);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`${F} line 1, column 10 (version): version must be 1\n${F} line 2, column 10 (factors): List at least one risk factor`);
  });
});

describe('other template files check their own rules', () => {
  it('consent elements: numbers are unique', () => {
    const head = 'version: 1\nelements:\n  - {id: a, number: 1, title: A, wording: W, requiredFor: [harmed]}\n';
    const role = parseConsentElements(`${head}  - {id: b, number: 2, title: B, wording: W, requiredFor: [teacher]}\n`, CONSENT_FILE);
    expect(!role.ok && role.problems.map((p) => [p.line, p.message])).toEqual([[4, expect.stringMatching(/A role is one of/)]]);
    const twice = parseConsentElements(`${head}  - {id: b, number: 1, title: B, wording: W, requiredFor: []}\n`, CONSENT_FILE);
    expect(!twice.ok && twice.problems.map((p) => [p.line, p.message])).toEqual([[4, 'number 1 is used twice']]);
  });

  it('deadline rules: the measure decides the fields', () => {
    const r = parseDeadlineRules('version: 1\ndueSoonWorkingDays: 2\nrules:\n  - {id: a, title: A, measure: first-contact, appliesTo: harmed}\n  - {id: b, title: B, measure: teleport}\n', DEADLINE_FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.path, p.line])).toEqual([['rules[0].workingDays', 4], ['rules[1].measure', 5]]);
  });

  it('lists: suggested sensitive flags must exist and labels must be unique', () => {
    const r = parseCaseworkLists(
      'version: 1\nreferralSources: [{id: police, label: Police}, {id: cops, label: POLICE}]\noffenceCategories: [{id: x, label: X, sensitive: [nope]}]\nsensitiveFlags: [{id: a, label: A}]\nvulnerabilityFlags: [{id: v, label: V}]\n',
      LISTS_FILE,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(['the label "POLICE" is used twice', '"nope" is not one of the sensitiveFlags']);
  });
});
