import { PARTICIPANT_ROLE_LABELS } from '../../domain/cases/participant-role';
import { CONSENT_ROLES, DOCUMENT_CATALOGUE, DOCUMENT_KINDS, DOCUMENT_LANGUAGES, type ConsentRole, type DocumentKind, type DocumentLanguage } from '../../domain/documents/catalogue';
import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { caseIdOf } from '../case-ref';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, plural, printable } from '../output';

const FORMATS = ['pdf', 'docx'] as const;

function describeMissing(chars: readonly string[]): string {
  return chars.map((c) => `${printable(c) || '?'} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}

const usage = (message: string) => new CasebookError('USAGE', `${message} Run "casebook doc --help".`);

export const doc: CommandDef = {
  words: ['doc'],
  summary: 'Make a document (consent form, risk record, letter, outcome agreement…) as PDF or Word',
  args: [{ name: 'TEMPLATE', description: `the document: ${DOCUMENT_KINDS.join(' | ')}` }],
  options: {
    case: { type: 'string', value: 'REF', description: 'The case, by its reference (like RJ-2026-0042)' },
    participant: { type: 'string', value: 'ID', description: 'The participant (p_…): needed for consent forms and letters; optional for risk and preparation records' },
    format: { type: 'string', value: 'pdf|docx', description: 'PDF, or DOCX to edit in Word or LibreOffice', required: true },
    out: { type: 'string', value: 'FILE', description: 'Where to write the document (must not exist yet)', required: true },
    blank: { type: 'boolean', description: 'consent-form only: a blank form to fill in by hand (no case, no passphrase needed)' },
    role: { type: 'string', value: 'ROLE', description: `With --blank: ${CONSENT_ROLES.join(' | ')} (default: every role's wording)` },
    'meeting-date': { type: 'string', value: 'DATE', description: 'meeting-invitation: the meeting date, YYYY-MM-DD (left as a line to fill in if not given)' },
    'meeting-time': { type: 'string', value: 'HH:MM', description: 'meeting-invitation: the meeting time' },
    'meeting-place': { type: 'string', value: 'TEXT', description: 'meeting-invitation: where the meeting is' },
    'large-print': { type: 'boolean', description: 'Large print: 16 pt type throughout' },
    language: { type: 'string', value: 'en|cy|bilingual', description: "English, Welsh, or both (Welsh first); default: from the participant's recorded language" },
    'young-person': { type: 'string', value: 'yes|no', description: "consent-form, first-contact-letter: the young person's version (yes) or the adult one (no); default: by age on the document's date" },
  },
  help: [
    'Examples:',
    '  casebook doc consent-form --case RJ-2026-0042 --participant p_abc123 --format pdf --out consent.pdf',
    '  casebook doc case-summary --case RJ-2026-0042 --format docx --out summary.docx',
    '  casebook doc outcome-agreement --case RJ-2026-0042 --format pdf --out agreement.pdf',
    '  casebook doc consent-form --blank --role harmed --format pdf --out blank.pdf',
    '  casebook doc first-contact-letter --case RJ-2026-0042 --participant p_abc123 --language bilingual --large-print --format pdf --out letter.pdf',
    'The file is readable only by you (mode 0600) and is never overwritten. It holds personal data: keep it',
    'on an encrypted drive and delete it when done. The participant ids are listed by "casebook case show REF --json".',
    'Wording comes from templates/documents/*.yaml (see docs/templates.md).',
  ].join('\n'),
  async run(ctx) {
    const kind = (ctx.args[0] as string).trim() as DocumentKind;
    if (!DOCUMENT_KINDS.includes(kind)) throw usage(`There is no document "${printable(kind)}". The documents are: ${DOCUMENT_KINDS.join(', ')}.`);
    const format = requireOption(doc, ctx.options, 'format').trim().toLowerCase() as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw usage(`--format is pdf or docx, not "${printable(format)}".`);
    const shown = requireOption(doc, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    const blank = ctx.options.blank === true;
    const opt = (name: string) => {
      const v = ctx.options[name];
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    };
    const role = opt('role');
    if (blank) {
      if (kind !== 'consent-form') throw usage('Only the consent form can be printed blank (--blank).');
      if (opt('case') || opt('participant')) throw usage('A blank form has no case or participant: leave out --case and --participant.');
      if (role && !CONSENT_ROLES.includes(role as ConsentRole)) throw usage(`--role is one of ${CONSENT_ROLES.join(', ')}.`);
    } else if (role) {
      throw usage('--role is for a blank consent form (--blank); a pre-filled form uses the participant’s own role.');
    }
    const language = opt('language')?.toLowerCase();
    if (language && !DOCUMENT_LANGUAGES.includes(language as DocumentLanguage)) throw usage(`--language is one of ${DOCUMENT_LANGUAGES.join(', ')}, not "${printable(language)}".`);
    const young = opt('young-person')?.toLowerCase();
    if (young && young !== 'yes' && young !== 'no') throw usage('--young-person is yes or no.');
    if (young && kind !== 'consent-form' && kind !== 'first-contact-letter') throw usage('--young-person is for the consent-form and the first-contact-letter.');
    if (young && blank) throw usage('--young-person is for a form made from a case; a blank form has every role’s wording.');
    const variant = {
      ...(ctx.options['large-print'] === true ? { largePrint: true } : {}),
      ...(language ? { language: language as DocumentLanguage } : {}),
      ...(young ? { youngPerson: young === 'yes' } : {}),
    };
    const meeting = { date: opt('meeting-date'), time: opt('meeting-time'), place: opt('meeting-place') };
    if ((meeting.date || meeting.time || meeting.place) && kind !== 'meeting-invitation') throw usage('--meeting-date, --meeting-time and --meeting-place are for the meeting-invitation.');
    if (meeting.date && !/^\d{4}-\d{2}-\d{2}$/.test(meeting.date)) throw usage('--meeting-date is a date like 2026-03-28.');
    // Refuse before reading the casebook, so a name that cannot be written costs nothing.
    await mustNotExist(out, shown);

    let what: string;
    let result;
    let caseId: string | undefined;
    if (blank) {
      ctx.saveTo(out, shown);
      result = await ctx.call('saveBlankForm', { format, ...(role ? { role: role as ConsentRole } : {}), ...variant });
      what = `blank consent form${role ? ` (${PARTICIPANT_ROLE_LABELS[role as ConsentRole]})` : ''}`;
    } else {
      const ref = opt('case');
      if (!ref) throw usage(`"doc ${kind}" needs --case REF (or --blank for a blank consent form).`);
      const participantId = opt('participant');
      if (DOCUMENT_CATALOGUE[kind].participant === 'none' && participantId) throw usage(`The ${kind} covers the whole case: leave out --participant.`);
      await ctx.unlock({ writes: true, doing: 'make a document from a case' });
      caseId = await caseIdOf(ctx, ref);
      const caseData = await ctx.call('getCase', { id: caseId });
      const p = participantId ? caseData.participants.find((x) => x.id === participantId) : undefined;
      what = `${kind.replaceAll('-', ' ')}${p ? ` for ${p.person.givenName} ${p.person.familyName}` : ''} (${caseData.reference})`;
      const given = Object.fromEntries(Object.entries(meeting).filter(([, v]) => v !== undefined));
      ctx.saveTo(out, shown);
      result = await ctx.call('saveDocument', {
        kind,
        format,
        caseId,
        ...(participantId ? { participantId } : {}),
        ...(kind === 'meeting-invitation' && Object.keys(given).length > 0 ? { meeting: given } : {}),
        ...variant,
      });
    }

    const missing = result.missingCharacters;
    if (missing.length > 0) {
      ctx.warn(
        `Warning: ${plural(missing.length, 'character')} in this document ${missing.length === 1 ? 'is' : 'are'} not in the bundled fonts` +
          `${format === 'pdf' ? ' and printed as □' : ' and may not show in every program'}: ${describeMissing(missing)}. Check the names before sending it.`,
      );
    }
    const bytes = ctx.written() ?? result.bytes ?? 0;
    const pages = result.pages !== undefined ? `${plural(result.pages, 'page')}, ` : '';
    return ok(
      { file: out, kind, format, bytes, ...(result.pages !== undefined ? { pages: result.pages } : {}), missingCharacters: missing, ...(caseId ? { caseId } : {}) },
      `Wrote the ${printable(what)} to ${shown} (${pages}${formatBytes(bytes)}).`,
    );
  },
};
