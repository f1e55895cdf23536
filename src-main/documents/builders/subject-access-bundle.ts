import { PARTICIPANT_ROLE_LABELS } from '../../domain/cases/participant-role';
import type { BundleEntry, BundleSection, BundleText, SubjectAccessBundle } from '../../domain/data-protection/subject-access/bundle-schema';
import { formatDate } from '../../domain/time/dates';
import { heading, paragraph, run, type Block, type DocumentModel, type TextRun } from '../model';

/**
 * The subject access bundle as a readable document: a cover (the request, what is included,
 * how redactions are shown), then a section per case. Pure: the bundle is built and redacted in
 * the domain (subject-access/bundle.ts); this only lays it out, with every redaction in italics
 * so a reader sees at once where something about someone else was taken out.
 */

/** Sections whose entries are all short facts read best as a table, one row per entry. */
const FIRST_COLUMN: Partial<Record<BundleSection['id'], string>> = { people: 'Shown as', consent: 'Consent to', documents: 'Made on', audit: 'When' };
/** Sections of one entry whose title only repeats the heading ("About the case", "Case RJ-2026-0042"). */
const UNTITLED: ReadonlySet<BundleSection['id']> = new Set(['case', 'you']);

/** The text as runs, each redaction in italics; named above it unless it is all the entry holds. */
function textBlocks(t: BundleText, named: boolean): Block[] {
  const runs: TextRun[] = [];
  let from = 0;
  for (const m of t.marks) {
    if (m.start > from) runs.push(run(t.text.slice(from, m.start)));
    runs.push(run(t.text.slice(m.start, m.end), { italic: true }));
    from = m.end;
  }
  if (from < t.text.length) runs.push(run(t.text.slice(from)));
  return [...(named ? [paragraph([run(t.name, { bold: true })], { keepWithNext: true })] : []), paragraph(runs)];
}

function entryBlocks(e: BundleEntry, titled: boolean): Block[] {
  const named = e.facts.length > 0 || e.texts.length > 1;
  return [
    ...(titled ? [paragraph([run(e.title, { bold: true })], { keepWithNext: true })] : []),
    ...(e.facts.length ? [{ kind: 'keyValue' as const, items: e.facts.map((f) => ({ key: f.name, value: f.value })) }] : []),
    ...e.texts.flatMap((t) => textBlocks(t, named)),
  ];
}

function sectionBlocks(s: BundleSection): Block[] {
  const first = FIRST_COLUMN[s.id];
  const names = s.entries[0]?.facts.map((f) => f.name) ?? [];
  const tabular = first && s.entries.every((e) => e.texts.length === 0 && e.facts.map((f) => f.name).join('|') === names.join('|'));
  const titled = !(UNTITLED.has(s.id) && s.entries.length === 1);
  if (!tabular) return [heading(3, s.title), ...s.entries.flatMap((e) => entryBlocks(e, titled))];
  return [
    heading(3, s.title),
    { kind: 'table', columns: [{ header: first, width: s.id === 'audit' ? 2 : 4 }, ...names.map((n) => ({ header: n, width: n === 'Fields' || n === 'Document' ? 4 : 2 }))], rows: s.entries.map((e) => [e.title, ...e.facts.map((f) => f.value)]) },
  ];
}

export function buildSubjectAccessBundle(b: SubjectAccessBundle, o: { deterministic?: boolean } = {}): DocumentModel {
  const q = b.request;
  const blocks: Block[] = [
    heading(1, 'Your information: subject access request'),
    paragraph(`This is the information ${b.service} holds about you in its restorative justice case records, given in answer to your request under Article 15 of the UK General Data Protection Regulation.`),
    {
      kind: 'keyValue',
      items: [
        { key: 'Request number', value: q.number },
        { key: 'Request received', value: formatDate(q.receivedOn) },
        { key: 'About', value: `${q.name}${q.dateOfBirth ? `, born ${formatDate(q.dateOfBirth)}` : ''}` },
        { key: 'Prepared on', value: formatDate(b.madeOn) },
      ],
    },
    heading(2, 'What is included'),
    paragraph(`${b.cases.length === 1 ? 'One case' : `${b.cases.length} cases`}. For each: the case in brief, your own record in full, and every record about you.`),
    {
      kind: 'list',
      ordered: false,
      items: b.cases.map((c) => [run(`Case ${c.reference}`, { bold: true }), run(` (${PARTICIPANT_ROLE_LABELS[c.role].toLowerCase()}): ${c.sections.map((s) => s.title.toLowerCase()).join('; ')}.`)]),
    },
    heading(2, 'How other people’s information is shown'),
    paragraph(b.redactionNote),
    paragraph([run('Example: '), run('[the other party]', { italic: true }), run(' said they were sorry.')]),
    paragraph(`${b.redactions.length === 1 ? 'One piece' : `${b.redactions.length} pieces`} of information about other people ${b.redactions.length === 1 ? 'was' : 'were'} taken out in all.`, { size: 'small' }),
  ];
  for (const c of b.cases) {
    blocks.push({ kind: 'pageBreak' }, heading(2, `Case ${c.reference}`));
    for (const s of c.sections) blocks.push(...sectionBlocks(s));
  }
  return {
    metadata: { title: `Subject access request ${q.number}`, author: b.service, subject: 'Your information', ...(o.deterministic ? { deterministic: true } : {}) },
    header: { left: b.service, right: `Subject access request ${q.number}` },
    footer: { left: 'OFFICIAL-SENSITIVE: personal data' },
    blocks,
  };
}
