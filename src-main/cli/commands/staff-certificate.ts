import { CasebookError } from '../../domain/shared/errors';
import { fold } from '../../domain/shared/fold';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { dayOption } from '../day';
import { mustNotExist } from '../files';
import { formatBytes, printable } from '../output';
import { person, STAFF } from './staff-record';

/**
 * `casebook staff certificate`: save a copy of a training certificate kept in the casebook,
 * through the same contract command as the app's "Save a copy" (saveCertificate), which
 * records the export in the audit trail once the file is written.
 */
export const staffCertificate: CommandDef = {
  words: ['staff', 'certificate'],
  summary: 'Save a copy of a training certificate kept with someone’s training record',
  options: {
    staff: STAFF,
    course: { type: 'string', value: 'TEXT', required: true, description: 'The course, as recorded (not case- or accent-sensitive)' },
    date: { type: 'string', value: 'DATE', description: 'The day of the course, when the same course was taken more than once' },
    out: { type: 'string', value: 'FILE', required: true, description: 'Where to write the copy (must not exist yet, unless --force)' },
    force: { type: 'boolean', description: 'Replace FILE if it exists' },
  },
  help: ['Example:', '  casebook staff certificate --staff "Sam Okafor" --course "RJ facilitation" --out sam-rj.pdf', 'The copy is not encrypted and is readable only by you (mode 0600).'].join('\n'),
  async run(ctx) {
    const def = staffCertificate;
    const course = fold(requireOption(def, ctx.options, 'course').trim());
    const date = dayOption(def, ctx.options, 'date');
    const shown = requireOption(def, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    const force = ctx.options.force === true;
    if (!force) await mustNotExist(out, shown);
    await ctx.unlock({ writes: true, capability: 'read-own-compliance', doing: 'save training certificates' });
    const who = await person(def, ctx, 'staff');
    const [record] = await ctx.call('getStaffRecords', { staffId: who.id });
    const found = (record?.training ?? []).filter((t) => t.certificate && fold(t.course) === course && (!date || t.date === date));
    if (found.length === 0) throw new CasebookError('NOT_FOUND', `${printable(who.name)} has no certificate kept for that course${date ? ` on ${date}` : ''}. "casebook staff show" lists their training.`);
    if (found.length > 1) throw new CasebookError('USAGE', `${printable(who.name)} took that course on ${found.map((t) => t.date).join(', ')}: add --date to choose one.`);
    ctx.saveTo(out, shown, { force });
    const r = await ctx.call('saveCertificate', { staffId: who.id, certificate: found[0]!.certificate! });
    const bytes = ctx.written() ?? 0;
    return ok({ file: shown, fileName: r.fileName, bytes }, `Saved ${printable(r.fileName)} to ${printable(shown)} (${formatBytes(bytes)}). It is not encrypted.`);
  },
};
