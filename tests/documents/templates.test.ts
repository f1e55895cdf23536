import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_ELEMENT_IDS, fillPlaceholders, loadTemplates, TEMPLATE_FILES } from '../../src-main/documents';
import { templateFiles } from './helpers';

let files: { name: string; text: string }[];
beforeAll(async () => {
  files = await templateFiles();
});

/** The shipped files with one file's text changed. */
function edit(name: string, change: (text: string) => string) {
  return files.map((f) => (f.name === name ? { ...f, text: change(f.text) } : f));
}

/** The line (1-based) where `needle` first appears in the shipped file. */
function lineOf(name: string, needle: string): number {
  const text = files.find((f) => f.name === name)!.text;
  const at = text.indexOf(needle);
  expect(at, `${needle} in ${name}`).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

function refused(input: { name: string; text: string }[]) {
  const r = loadTemplates(input);
  if (r.ok) throw new Error('expected the templates to be refused');
  return r;
}

describe('document templates', () => {
  it('loads every shipped template, with all ten consent elements', () => {
    const r = loadTemplates(files);
    if (!r.ok) throw new Error(r.message);
    expect(files.map((f) => f.name).filter((n) => !n.endsWith('.cy.yaml')).sort()).toEqual([...TEMPLATE_FILES].sort());
    // The Welsh translation is complete, and says it still needs a Welsh speaker to check it.
    const cy = r.value.translations?.cy;
    expect(cy?.consentForm.elements.map((e) => e.id).sort()).toEqual([...CONSENT_ELEMENT_IDS].sort());
    for (const t of [cy?.service, cy?.consentForm, cy?.consentFormYoung, cy?.letters]) expect(t?.review).toMatch(/needs a Welsh speaker/);
    expect(r.value.consentForm.elements.map((e) => e.id).sort()).toEqual([...CONSENT_ELEMENT_IDS].sort());
    expect(r.value.service.labels.page).toContain('{page}');
    expect(r.value.consentForm.elements.find((e) => e.id === 'voluntary')?.byRole?.responsible).toMatch(/sentence/);
  });

  it('refuses bad YAML, naming the file and the line', () => {
    const r = refused(edit('service.yaml', (t) => t.replace('phone: 01234 567890', 'phone: "01234 567890')));
    expect(r.problems[0]).toMatchObject({ file: 'service.yaml' });
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(lineOf('service.yaml', 'phone:'));
    expect(r.message).toMatch(/^service\.yaml line \d+.*YAML is not valid/m);
  });

  it('refuses an unknown field, naming the file, the line and the field', () => {
    const r = refused(edit('consent-form.yaml', (t) => t.replace('shortTitle: Consent form', 'shortTitle: Consent form\ntitel: Typo')));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'consent-form.yaml', line: lineOf('consent-form.yaml', 'shortTitle:') + 1 });
    expect(r.message).toMatch(/consent-form\.yaml line \d+.*unknown field "titel"/);
  });

  it('refuses a consent form that leaves out one of the ten elements', () => {
    const r = refused(edit('consent-form.yaml', (t) => t.replace(/ {2}- id: feedback[\s\S]*?(?= {2}- id: signatures)/, '')));
    expect(r.problems).toHaveLength(1);
    // Placed at the list of elements (its key or its first entry).
    expect(r.problems[0]).toMatchObject({ file: 'consent-form.yaml' });
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(lineOf('consent-form.yaml', 'elements:\n'));
    expect(r.problems[0]!.line).toBeLessThanOrEqual(lineOf('consent-form.yaml', '- id: process'));
    expect(r.message).toMatch(/"feedback" is missing/);
  });

  it('refuses an element id that is not one of the ten, and one listed twice', () => {
    const r = refused(edit('consent-form.yaml', (t) => t.replace('- id: recordings', '- id: recording')));
    expect(r.problems[0]).toMatchObject({ file: 'consent-form.yaml', line: lineOf('consent-form.yaml', '- id: recordings') });
    const twice = refused(edit('consent-form.yaml', (t) => t.replace('- id: recordings', '- id: process')));
    expect(twice.message).toMatch(/"process" is listed twice/);
  });

  it('refuses a mistake in the outcome agreement, naming the file and the line', () => {
    const missing = refused(edit('outcome-agreement.yaml', (t) => t.replace('  dueOn: By when\n', '')));
    expect(missing.problems).toHaveLength(1);
    // Placed at the group (its key or its first entry).
    expect(missing.problems[0]).toMatchObject({ file: 'outcome-agreement.yaml' });
    expect(missing.problems[0]!.line).toBeGreaterThanOrEqual(lineOf('outcome-agreement.yaml', 'columns:'));
    expect(missing.problems[0]!.line).toBeLessThanOrEqual(lineOf('outcome-agreement.yaml', '  number:'));
    expect(missing.message).toMatch(/outcome-agreement\.yaml line \d+.*"dueOn" is missing/);
    const typo = refused(edit('outcome-agreement.yaml', (t) => t.replace('ifNotDone: |', 'ifNotDon: |')));
    expect(typo.problems.find((p) => p.message.includes('unknown field "ifNotDon"'))).toMatchObject({ file: 'outcome-agreement.yaml', line: lineOf('outcome-agreement.yaml', 'ifNotDone: |') });
    expect(typo.message).toMatch(/outcome-agreement\.yaml.*"ifNotDone" is missing/);
    const placeholder = refused(edit('outcome-agreement.yaml', (t) => t.replace('{{case.reference}}', '{{participant.name}}')));
    expect(placeholder.problems).toEqual([expect.objectContaining({ file: 'outcome-agreement.yaml', line: lineOf('outcome-agreement.yaml', '{{case.reference}}') })]);
    const gone = refused(files.filter((f) => f.name !== 'outcome-agreement.yaml'));
    expect(gone.message).toMatch(/outcome-agreement\.yaml: the file is missing/);
  });

  it('refuses an unknown placeholder, naming the file and the line', () => {
    const r = refused(edit('consent-form.yaml', (t) => t.replace('{{process.type}}', '{{process.kind}}')));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'consent-form.yaml', line: lineOf('consent-form.yaml', '{{process.type}}') });
    expect(r.message).toMatch(/unknown placeholder \{\{process\.kind\}\}/);
  });

  it('refuses an unclosed placeholder and an empty required wording', () => {
    const r = refused(edit('letters.yaml', (t) => t.replace('{{recipient.name}},', '{{recipient.name,')));
    expect(r.message).toMatch(/letters\.yaml line \d+.*not closed/);
    const empty = refused(edit('service.yaml', (t) => t.replace('email: rj@example.org', 'email: ""')));
    expect(empty.problems[0]).toMatchObject({ file: 'service.yaml', line: lineOf('service.yaml', 'email:') });
  });

  it('names a missing file and refuses an unexpected one', () => {
    const r = refused([...files.filter((f) => f.name !== 'letters.yaml'), { name: 'consent-form-old.yaml', text: 'title: x' }]);
    expect(r.message).toMatch(/letters\.yaml: the file is missing/);
    expect(r.message).toMatch(/consent-form-old\.yaml: not a document template/);
  });

  it('checks a translation by the same rules, and wants all of it', () => {
    const partial = refused(files.filter((f) => f.name !== 'letters.cy.yaml'));
    expect(partial.message).toMatch(/letters\.cy\.yaml.*missing: letters\.cy\.yaml/);
    const wrong = refused(edit('consent-form.cy.yaml', (t) => t.replace('  - id: feedback\n', '  - id: adborth\n')));
    expect(wrong.problems[0]).toMatchObject({ file: 'consent-form.cy.yaml' });
    expect(refused([...files, { name: 'letters.fr.yaml', text: 'x: 1' }]).message).toMatch(/letters\.fr\.yaml: not a document template/);
  });

  it('fills placeholders from a plain object, leaving a line for unknown values', () => {
    const data = { participant: { name: 'Siân' }, service: { name: 'RJ Hub', phone: '' } };
    expect(fillPlaceholders('Dear {{participant.name}}, call {{ service.name }} on {{service.phone}}.', data)).toBe('Dear Siân, call RJ Hub on ________________.');
    expect(fillPlaceholders('{{nothing.here}}', data, '…')).toBe('…');
  });
});
