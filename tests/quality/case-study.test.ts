import { describe, expect, it } from 'vitest';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import type { Case } from '../../src-main/domain/cases/case';
import { anonymiser } from '../../src-main/domain/data-protection/anonymiser/anonymise';
import { peopleOfCases } from '../../src-main/domain/data-protection/anonymiser/case-people';
import { knownIdentifiers } from '../../src-main/domain/data-protection/anonymiser/known';
import { leakCheck } from '../../src-main/domain/data-protection/anonymiser/leak-check';
import { ageBand, draftCaseStudy } from '../../src-main/domain/quality/case-study';

/** Case studies drafted from demo cases: people by role, ages in bands, dates relative, and nothing the leak check can find. */
const NOW = new Date('2026-03-01T12:00:00Z');
const cases = generateDemoCases({ count: 300, seed: 'studies', now: NOW, resources: demoResources(300) });
const finder = anonymiser(knownIdentifiers(peopleOfCases(cases)));
const closed = cases.filter((c) => c.closure && (c.conferenceRecords?.length || c.indirectLog?.length));

describe('drafting a case study', () => {
  it('leaves nothing the leak check finds, in any of the closed cases with a process', () => {
    expect(closed.length).toBeGreaterThan(10);
    for (const [i, c] of closed.entries()) {
      const study = draftCaseStudy(c, String.fromCharCode(65 + (i % 26)), finder);
      const report = leakCheck(study.paragraphs.map((p, n) => ({ where: `${study.title} paragraph ${n + 1}`, text: `${p.heading ?? ''}\n${p.text}` })), finder);
      expect(report.known, `${c.reference}: ${JSON.stringify(study.paragraphs)}`).toEqual([]);
    }
  });

  it('names people by their part in the story, never the reference, and marks each replacement', () => {
    const c = structuredClone(closed[0]!) as Case;
    const harmed = c.participants.find((p) => p.role === 'harmed')!;
    c.referral.offenceDescription = `${harmed.person.givenName} ${harmed.person.familyName} came home on ${c.referral.receivedOn} to find the window broken.`;
    const study = draftCaseStudy(c, 'A', finder);
    expect(study.title).toBe('Case study A');
    expect(JSON.stringify(study)).not.toContain(c.reference);
    const what = study.paragraphs.find((p) => p.heading === 'What happened')!;
    expect(what.text).toMatch(/^The person harmed came home in the first week to find the window broken\.$/);
    for (const r of what.replacements) expect(what.text.slice(r.start, r.end).toLowerCase()).toBe(r.label.toLowerCase());
    expect(study.paragraphs[0]!.text).toMatch(/^The person harmed( \((under 18|aged 18 or 19|in their \w+)\))?, /);
  });

  it('gives ages as bands', () => {
    expect([undefined, 15, 18, 19, 20, 34, 58, 91].map(ageBand)).toEqual([undefined, 'under 18', 'aged 18 or 19', 'aged 18 or 19', 'in their twenties', 'in their thirties', 'in their fifties', 'in their nineties']);
  });
});
