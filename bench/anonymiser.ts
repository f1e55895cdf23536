import { readFile } from 'node:fs/promises';
import { NAME_POOLS } from '../src-main/demo/names';
import { anonymise, anonymiser } from '../src-main/domain/data-protection/anonymiser/anonymise';
import { knownIdentifiers, type KnownPerson } from '../src-main/domain/data-protection/anonymiser/known';
import { leakCheck } from '../src-main/domain/data-protection/anonymiser/leak-check';
import { findPeople } from '../src-main/domain/data-protection/person-search';
import { summarise } from '../src-main/domain/cases/case';
import { demoResources, generateDemoCases } from '../src-main/demo/demo-cases';
import { median, round } from './measure';

/**
 * The anonymiser and the leak check (issue 12), at the scale of a year's evidence pack: every
 * participant of 2,000 cases known (about 6,000 people, names from the demo's pools in many
 * scripts, with dates of birth and phone numbers), and a pack's worth of text (about 150 pages).
 * Target: the leak check over the pack ≤ 1 s. Also the false-positive rate: name hits in the
 * project's own documentation (ordinary English prose) against every demo name combination.
 */
const PAGE = `The service received referrals from the police, probation and victim services during the period.
Most processes were indirect, with letters passed between the parties; conferences were held where both wanted to
meet. Facilitators prepared each participant, assessed risk before any contact and followed up agreed outcomes. In
the third week the person harmed met the person responsible at a community venue with a supporter present. `;

function people(n: number): KnownPerson[] {
  const out: KnownPerson[] = [];
  const pools = NAME_POOLS;
  for (let i = 0; i < n; i++) {
    const pool = pools[i % pools.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    out.push({
      key: `p${i}`,
      givenName: pool.given[i % pool.given.length],
      familyName: pool.family[(i * 7) % pool.family.length],
      dateOfBirth: `${1950 + (i % 55)}-${month}-${day}`,
      phone: `07700 ${String(900000 + (i % 999)).padStart(6, '0')}`,
    });
  }
  return out;
}

export async function benchAnonymiser(runs: number) {
  const known = knownIdentifiers(people(6_000));
  const finder = anonymiser(known);
  const pages = Array.from({ length: 150 }, (_, i) => ({ where: `page ${i + 1}`, text: PAGE.repeat(6) }));
  const bytes = pages.reduce((n, p) => n + p.text.length, 0);
  const leakCheckMs = await median(runs, () => leakCheck(pages, finder));
  const note = `${PAGE} Siân phoned on 07700 900123 about the letter; born 1/5/80.`.repeat(20);
  const anonymiseMs = await median(runs, () => anonymise(note, finder));

  // False positives: every demo given × family name combination known, against the docs' prose.
  const everyone = NAME_POOLS.flatMap((p, i) => p.given.flatMap((g, j) => p.family.map((f, k) => ({ key: `${i}/${j}/${k}`, givenName: g, familyName: f }))));
  const docs = await Promise.all(['README.md', 'docs/architecture.md', 'docs/store-format.md', 'docs/cli.md'].map((f) => readFile(f, 'utf8').catch(() => '')));
  const prose = docs.join('\n');
  const words = prose.split(/\s+/).filter(Boolean).length;
  const nameHits = anonymiser(knownIdentifiers(everyone)).find(prose).filter((h) => h.kind === 'name').length;
  // Finding a person across 10,000 cases (issue 13, target ≤ 100 ms): from the case list's rows.
  const rows = generateDemoCases({ count: 10_000, seed: 'bench-people', now: new Date('2026-03-01T12:00:00Z'), resources: demoResources(10_000) }).map(summarise);
  const someone = rows[5_000]!.names[0]!;
  const personSearchMs = await median(runs, () => findPeople(rows, { name: someone }));
  const personSearchByPartMs = await median(runs, () => findPeople(rows, { name: someone.split(' ').slice(-1)[0]!.slice(0, 4) }));
  return {
    personSearch: { cases: rows.length, fullNameMs: round(personSearchMs), partOfANameMs: round(personSearchByPartMs), targetMet: Math.max(personSearchMs, personSearchByPartMs) <= 100 },
    knownPeople: 6_000,
    packKiB: Math.round(bytes / 1024),
    leakCheckMs: round(leakCheckMs),
    leakCheckTargetMet: leakCheckMs <= 1_000,
    anonymiseNoteMs: round(anonymiseMs),
    falsePositives: { namesKnown: everyone.length, wordsOfProse: words, nameHits, per1000Words: round((nameHits / Math.max(1, words)) * 1000) },
  };
}

export function describeAnonymiserBench(r: Awaited<ReturnType<typeof benchAnonymiser>>): string {
  return (
    `leak check: ${r.packKiB} KiB of pack text against ${r.knownPeople} known people ${r.leakCheckMs} ms (target ≤ 1000 ms); ` +
    `find a person in ${r.personSearch.cases} cases ${r.personSearch.fullNameMs} ms by full name, ${r.personSearch.partOfANameMs} ms by part of a name (target ≤ 100 ms); ` +
    `anonymising a 20-paragraph note ${r.anonymiseNoteMs} ms; name hits in ${r.falsePositives.wordsOfProse} words of the docs with ${r.falsePositives.namesKnown} names known: ${r.falsePositives.nameHits} (${r.falsePositives.per1000Words} per 1,000 words; the docs quote example names)`
  );
}
