import { addMonths } from '../../domain/time/dates';
import { can } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { fold } from '../../domain/shared/fold';
import type { StaffRecord } from '../../domain/staff/record';
import { EMPLOYMENTS, SUPERVISION_KIND_LABELS, type Employment } from '../../domain/staff/register';
import { PRACTITIONER_LEVEL_LABELS, PRACTITIONER_LEVELS, STAFF_ROLE_LABELS, STAFF_ROLES, type PractitionerLevel, type StaffMember, type StaffRole } from '../../domain/staff/staff';
import { requireOption } from '../args';
import { ok, type CommandDef, type OptionValues } from '../command';
import { dayOption } from '../day';
import { oneLine, printable, table } from '../output';
import { findFacilitator } from '../period';

/**
 * `casebook staff add | list | show`: the staff list and each person's register, for quality
 * leads who keep it from a terminal. Adding goes through the same contract commands as the
 * app's forms (saveStaffMember, then saveRegisterDetails for what the register holds).
 */
const seeHelp = (def: CommandDef) => `Run "casebook ${def.words.join(' ')} --help".`;

function oneOf<T extends string>(def: CommandDef, options: OptionValues, name: string, values: readonly T[]): T | undefined {
  const raw = options[name];
  if (raw === undefined) return undefined;
  const v = String(raw).trim().toLowerCase();
  if (!(values as readonly string[]).includes(v)) throw new CasebookError('USAGE', `--${name} is one of ${values.join(', ')}. ${seeHelp(def)}`);
  return v as T;
}

/**
 * An RJC registration needs a number as well as a date: `--registered-on` is taken only with
 * `--registration-number` and `--level` (the level registered at), and the renewal falls a year
 * on unless `--renewal-due` says otherwise (RJC practitioner registration is renewed yearly).
 */
function registrationOf(def: CommandDef, options: OptionValues, level: PractitionerLevel | undefined) {
  const registeredOn = dayOption(def, options, 'registered-on');
  const number = typeof options['registration-number'] === 'string' ? options['registration-number'].trim() : undefined;
  const renewalDue = dayOption(def, options, 'renewal-due');
  if (!registeredOn && !number && !renewalDue) return undefined;
  if (!registeredOn || !number || !level) {
    throw new CasebookError('USAGE', `An RJC registration needs --registered-on DATE, --registration-number NUMBER and --level together. ${seeHelp(def)}`);
  }
  return { level, number, registeredOn, renewalDue: renewalDue ?? addMonths(registeredOn, 12) };
}

export const staffAdd: CommandDef = {
  words: ['staff', 'add'],
  summary: 'Add a member of staff, with their employment, start date and RJC registration',
  options: {
    name: { type: 'string', value: 'NAME', required: true, description: 'Their name as it should appear on the staff list' },
    role: { type: 'string', value: 'ROLE', required: true, description: `One of ${STAFF_ROLES.join(', ')}` },
    level: { type: 'string', value: 'foundation|intermediate|advanced', description: 'Their practitioner level (leave out for staff who do not facilitate)' },
    employment: { type: 'string', value: 'paid|sessional|volunteer', description: 'How they are employed' },
    started: { type: 'string', value: 'DATE', description: 'When they started, 31/01/2026 or 2026-01-31' },
    'registered-on': { type: 'string', value: 'DATE', description: 'When they registered with the RJC (needs --registration-number and --level)' },
    'registration-number': { type: 'string', value: 'NUMBER', description: 'Their RJC registration number' },
    'renewal-due': { type: 'string', value: 'DATE', description: 'When the RJC registration is due for renewal (default: a year after --registered-on)' },
  },
  help: [
    'Example:',
    '  casebook staff add --name "Sam Okafor" --role facilitator --level intermediate --employment paid --started 06/01/2020 \\',
    '    --registered-on 01/03/2025 --registration-number RJC-12345',
    'Coordinators and administrators add staff; the register details (employment, dates, registration) also need a quality lead',
    "or administrator's login, so a coordinator adds them without those.",
  ].join('\n'),
  async run(ctx) {
    const def = staffAdd;
    const name = requireOption(def, ctx.options, 'name').trim();
    const role = oneOf<StaffRole>(def, ctx.options, 'role', STAFF_ROLES) ?? (requireOption(def, ctx.options, 'role') as never);
    const level = oneOf<PractitionerLevel>(def, ctx.options, 'level', PRACTITIONER_LEVELS);
    const employment = oneOf<Employment>(def, ctx.options, 'employment', EMPLOYMENTS);
    const started = dayOption(def, ctx.options, 'started');
    const registration = registrationOf(def, ctx.options, level);
    const details = { ...(employment ? { employment } : {}), ...(started ? { started } : {}), ...(registration ? { registration } : {}) };
    const session = await ctx.unlock({ writes: true, capability: 'manage-staff', doing: 'add members of staff' });
    // Checked before anything is saved, so a coordinator is not left with half a record.
    const withDetails = Object.keys(details).length > 0;
    if (withDetails && !can(session.user.role, 'manage-register')) {
      throw new CasebookError('FORBIDDEN', 'Employment, start date and RJC registration are kept by quality leads and administrators: add the person without them, and ask a quality lead to add the rest.');
    }
    const list = await ctx.call('saveStaffMember', { name, role, ...(level ? { level } : {}), active: true });
    const member = list.find((m) => fold(m.name) === fold(name)) as StaffMember;
    const record = withDetails ? await ctx.call('saveRegisterDetails', { staffId: member.id, ...details }) : member;
    return ok(record, `Added ${printable(member.name)} (${STAFF_ROLE_LABELS[role]}${level ? `, ${PRACTITIONER_LEVEL_LABELS[level]}` : ''}) as ${member.id}.`);
  },
};

const employmentOf = (r: StaffRecord) => (r.ended ? `left ${r.ended}` : (r.employment ?? ''));

export const staffList: CommandDef = {
  words: ['staff', 'list'],
  summary: 'The staff list, with employment and RJC registration for those who oversee the register',
  options: {},
  async run(ctx) {
    const session = await ctx.unlock({ writes: false, doing: 'see the staff list' });
    // Everyone sees the list the case screens show; the register beside it is for those who oversee it.
    const records: StaffRecord[] = can(session.user.role, 'read-all-compliance') ? await ctx.call('getStaffRecords', { everyone: true }) : (await ctx.call('getCaseworkReference', {})).staff;
    const rows = records.map((r) => [r.name, STAFF_ROLE_LABELS[r.role], r.level ? PRACTITIONER_LEVEL_LABELS[r.level] : '', employmentOf(r), r.started ?? '', r.registration ? `${r.registration.number} to ${r.registration.renewalDue}` : '', r.id]);
    const text = records.length === 0 ? 'No one is on the staff list yet.' : table(['Name', 'Role', 'Level', 'Employment', 'Started', 'RJC registration', 'Id'], rows);
    return ok(records, text);
  },
};

function describeRecord(r: StaffRecord, staff: readonly StaffMember[]): string {
  const nameOf = (id: string) => printable(staff.find((m) => m.id === id)?.name ?? id);
  const lines = [`${printable(r.name)} (${STAFF_ROLE_LABELS[r.role]}${r.level ? `, ${PRACTITIONER_LEVEL_LABELS[r.level]}` : ''})${r.active ? '' : ', not active'}`, `  Id               ${r.id}`];
  const field = (label: string, v: string | undefined) => v && lines.push(`  ${label.padEnd(17)}${v}`);
  field('Employment', r.employment);
  field('Started', r.started);
  field('Left', r.ended);
  field('Induction', r.inductionCompletedOn);
  field('RJC registration', r.registration && `${PRACTITIONER_LEVEL_LABELS[r.registration.level]}, ${oneLine(r.registration.number)}, registered ${r.registration.registeredOn}, renewal due ${r.registration.renewalDue}`);
  field('DBS', r.dbs && `${r.dbs.level}, certificate ${r.dbs.certificateDate}${r.dbs.updateService ? ', on the update service' : ''}`);
  const log = (title: string, entries: string[]) => entries.length > 0 && lines.push('', `${title}:`, ...entries.map((e) => `  ${e}`));
  log('Training', (r.training ?? []).map((t) => `${t.date}  ${oneLine(t.course)} (${oneLine(t.provider)}${t.level ? `, ${PRACTITIONER_LEVEL_LABELS[t.level]}` : ''})${t.certificate ? ', certificate kept' : ''}`));
  log('CPD', (r.cpd ?? []).map((c) => `${c.date}  ${String(c.hours).padStart(5)} h${c.rjcApproved ? '  RJC-approved' : '              '}  ${oneLine(c.activity)}`));
  log('Supervision', (r.supervision ?? []).map((s) => `${s.date}  ${SUPERVISION_KIND_LABELS[s.kind]} with ${nameOf(s.supervisorId)}`));
  log('Observed practice', (r.observed ?? []).map((o) => `${o.date}  observed by ${nameOf(o.observerId)}`));
  return lines.join('\n');
}

export const staffShow: CommandDef = {
  words: ['staff', 'show'],
  summary: 'One person’s register: employment, registration, DBS, training, CPD, supervision and observed practice',
  args: [{ name: 'NAME', description: 'their name as on the staff list (not case- or accent-sensitive; part of a name will do if only one person matches) or their staff id' }],
  options: {},
  async run(ctx) {
    await ctx.unlock({ writes: false, capability: 'read-own-compliance', doing: 'see staff records' });
    const staff = (await ctx.call('getCaseworkReference', {})).staff;
    const who = findFacilitator(staff, ctx.args[0] as string, 'staff');
    const [record] = await ctx.call('getStaffRecords', { staffId: who.id });
    if (!record) throw new CasebookError('NOT_FOUND', `No register record for ${printable(who.name)}.`);
    return ok(record, describeRecord(record, staff));
  },
};
