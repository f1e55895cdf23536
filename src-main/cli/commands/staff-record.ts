import { CasebookError } from '../../domain/shared/errors';
import { PRACTITIONER_LEVELS, type PractitionerLevel, type StaffMember } from '../../domain/staff/staff';
import { dayOption } from '../day';
import { requireOption } from '../args';
import { ok, type CommandContext, type CommandDef, type OptionSpec } from '../command';
import type { Capability } from '../../domain/access/capabilities';
import { printable } from '../output';
import { findFacilitator } from '../period';

/**
 * `casebook staff cpd | supervision | observed | training`: one entry on a person's register, through the
 * same contract commands as the app's forms (so the same checks: no future dates, 0 or 1,000
 * hours refused, a case supervisor must be Advanced). People are named as on the staff list.
 */
const seeHelp = (def: CommandDef) => `Run "casebook ${def.words.join(' ')} --help".`;

function dateOf(def: CommandDef, ctx: CommandContext): string {
  requireOption(def, ctx.options, 'date');
  return dayOption(def, ctx.options, 'date') as string;
}

export async function person(def: CommandDef, ctx: CommandContext, option: string): Promise<StaffMember> {
  const staff = (await ctx.call('getCaseworkReference', {})).staff;
  return findFacilitator(staff, requireOption(def, ctx.options, option), option);
}

export const STAFF = { type: 'string', value: 'NAME', required: true, description: 'Whose record: their name as on the staff list, or their staff id (s_…)' } as const;
export const DATE = { type: 'string', value: 'DATE', required: true, description: 'The day it happened, 31/01/2026 or 2026-01-31 (not in the future)' } as const;

/**
 * One register command: the person and the date (checked before any passphrase is asked for,
 * with whatever else `check` reads from the options), then the entry recorded as the signed-in
 * person with `needs`.
 */
function entryCommand<T>(spec: {
  what: string;
  summary: string;
  options: Record<string, OptionSpec>;
  example: string;
  needs: Capability;
  /** What the person is doing, for the unlock prompt's refusal: "record CPD". */
  doing: string;
  check: (def: CommandDef, ctx: CommandContext) => T;
  record: (ctx: CommandContext, who: StaffMember, date: string, checked: T, def: CommandDef) => Promise<{ value: StaffMember; text: string }>;
}): CommandDef {
  const def: CommandDef = {
    words: ['staff', spec.what],
    summary: spec.summary,
    options: { staff: STAFF, date: DATE, ...spec.options },
    help: ['Example:', `  ${spec.example}`].join('\n'),
    async run(ctx) {
      const date = dateOf(def, ctx);
      const checked = spec.check(def, ctx);
      await ctx.unlock({ writes: true, capability: spec.needs, doing: spec.doing });
      const who = await person(def, ctx, 'staff');
      const r = await spec.record(ctx, who, date, checked, def);
      return ok(r.value, r.text);
    },
  };
  return def;
}

export const staffCpd = entryCommand({
  what: 'cpd',
  summary: 'Record CPD on a staff record (your own, or anyone’s for quality leads and administrators)',
  options: {
    hours: { type: 'string', value: 'H', required: true, description: 'Hours, in quarter hours (1.5, 2.25), more than 0 and at most 100' },
    'rjc-approved': { type: 'boolean', description: 'The activity is RJC-approved' },
    activity: { type: 'string', value: 'TEXT', required: true, description: 'What it was, e.g. "RJC webinar: working with young people"' },
  },
  example: 'casebook staff cpd --staff "Sam Okafor" --date 2026-03-02 --hours 3 --rjc-approved --activity "RJC webinar"',
  needs: 'record-own-cpd',
  doing: 'record CPD',
  check(def, ctx) {
    const text = requireOption(def, ctx.options, 'hours').trim();
    const hours = Number(text);
    if (text === '' || !Number.isFinite(hours)) throw new CasebookError('USAGE', `--hours must be a number, like 1.5. ${seeHelp(def)}`);
    return { hours, activity: requireOption(def, ctx.options, 'activity') };
  },
  async record(ctx, who, date, { hours, activity }) {
    const m = await ctx.call('recordCpd', { staffId: who.id, date, hours, rjcApproved: ctx.options['rjc-approved'] === true, activity });
    return { value: m, text: `Recorded ${hours} hour${hours === 1 ? '' : 's'} of CPD for ${printable(m.name)} on ${date}.` };
  },
});

export const staffSupervision = entryCommand({
  what: 'supervision',
  summary: 'Record a supervision session (a case supervisor must hold Advanced registration)',
  options: {
    supervisor: { type: 'string', value: 'NAME', required: true, description: 'Who supervised: their name as on the staff list, or their staff id' },
    kind: { type: 'string', value: 'case|line', description: 'case supervision (the default) or line management' },
  },
  example: 'casebook staff supervision --staff "Sam Okafor" --date 2026-03-02 --supervisor "Ada Lowe" --kind case',
  needs: 'manage-register',
  doing: 'record supervision',
  check(def, ctx) {
    const kind = ctx.options.kind === undefined ? 'case' : String(ctx.options.kind).trim();
    if (kind !== 'case' && kind !== 'line') throw new CasebookError('USAGE', `--kind is case or line. ${seeHelp(def)}`);
    return kind;
  },
  async record(ctx, who, date, kind, def) {
    const by = await person(def, ctx, 'supervisor');
    const m = await ctx.call('recordSupervision', { staffId: who.id, date, supervisorId: by.id, kind });
    return { value: m, text: `Recorded ${kind === 'case' ? 'case supervision' : 'line management'} of ${printable(m.name)} by ${printable(by.name)} on ${date}.` };
  },
});

export const staffObserved = entryCommand({
  what: 'observed',
  summary: 'Record an observed practice',
  options: { observer: { type: 'string', value: 'NAME', required: true, description: 'Who observed: their name as on the staff list, or their staff id' } },
  example: 'casebook staff observed --staff "Sam Okafor" --date 2026-03-02 --observer "Ada Lowe"',
  needs: 'manage-register',
  doing: 'record observed practice',
  check: () => undefined,
  async record(ctx, who, date, _none, def) {
    const by = await person(def, ctx, 'observer');
    const m = await ctx.call('recordObservedPractice', { staffId: who.id, date, observerId: by.id });
    return { value: m, text: `Recorded an observed practice of ${printable(m.name)} by ${printable(by.name)} on ${date}.` };
  },
});

export const staffTraining = entryCommand({
  what: 'training',
  summary: 'Record a training course, with its certificate kept encrypted (PDF, PNG or JPEG)',
  options: {
    course: { type: 'string', value: 'TEXT', required: true, description: 'The course, e.g. "RJC Foundation practitioner course"' },
    provider: { type: 'string', value: 'TEXT', required: true, description: 'Who ran it' },
    level: { type: 'string', value: 'foundation|intermediate|advanced', description: 'The RJC level the course trains to, when it is one' },
    certificate: { type: 'string', value: 'FILE', description: 'The certificate to keep with it: a PDF, PNG or JPEG file, at most 25 MB' },
  },
  example: 'casebook staff training --staff "Sam Okafor" --date 12/03/2026 --course "RJ facilitation" --provider "RJC" --level foundation --certificate cert.pdf',
  needs: 'manage-register',
  doing: 'record training',
  check(def, ctx) {
    const level = ctx.options.level === undefined ? undefined : String(ctx.options.level).trim().toLowerCase();
    if (level !== undefined && !(PRACTITIONER_LEVELS as readonly string[]).includes(level)) throw new CasebookError('USAGE', `--level is foundation, intermediate or advanced. ${seeHelp(def)}`);
    const file = typeof ctx.options.certificate === 'string' ? ctx.options.certificate : undefined;
    if (file) ctx.readFrom(ctx.resolvePath(file), file);
    return { course: requireOption(def, ctx.options, 'course'), provider: requireOption(def, ctx.options, 'provider'), level: level as PractitionerLevel | undefined, file };
  },
  async record(ctx, who, date, { course, provider, level, file }) {
    const r = await ctx.call('recordTraining', { staffId: who.id, date, course, provider, ...(level ? { level } : {}), ...(file ? { withCertificate: true } : {}) });
    const m = r.record as StaffMember;
    return { value: m, text: `Recorded ${printable(course)} for ${printable(m.name)} on ${date}${file ? ', with its certificate kept encrypted' : ''}.` };
  },
});
