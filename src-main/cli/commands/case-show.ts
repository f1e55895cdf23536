import { displayName, type Case } from '../../domain/cases/case';
import { caseIdOf } from '../case-ref';
import { ok, type CommandDef } from '../command';
import { printable } from '../output';

function describe(c: Case): string {
  const r = c.referral;
  const rows: [string, string | undefined][] = [
    ['Reference', c.reference],
    ['Stage', c.stage],
    ['Ended', c.exit ? `${c.exit.kind} on ${c.exit.on}: ${c.exit.reason}` : undefined],
    ['Received', r.receivedOn],
    ['Source', [r.source, r.referrerName, r.referrerOrganisation].filter(Boolean).join(', ')],
    ['Offence', `${r.offenceCategory}${r.offenceDate ? ` on ${r.offenceDate}` : ''}`],
    ['Description', r.offenceDescription || undefined],
    ['CJS stage', r.cjsStage],
    ['Priority', r.priority],
    ['Sensitive', r.sensitive.length > 0 ? r.sensitive.join(', ') : undefined],
    ['Lead facilitator', c.leadFacilitator],
    ['Notes', c.notes],
  ];
  const out = rows.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(17)}${printable(v as string)}`);
  out.push('', 'Participants:');
  for (const p of c.participants) {
    const extra = [p.person.dateOfBirth && `born ${p.person.dateOfBirth}`, p.person.language, p.person.interpreter && 'interpreter needed'].filter(Boolean).join('; ');
    out.push(`  ${p.role.padEnd(16)}${printable(displayName(p.person))}${extra ? ` (${printable(extra)})` : ''}`);
  }
  out.push('', 'Timeline:');
  for (const e of c.timeline) out.push(`  ${e.at.slice(0, 16).replace('T', ' ')}  ${printable(e.by)}: ${printable(e.text)}`);
  return out.join('\n');
}

export const caseShow: CommandDef = {
  words: ['case', 'show'],
  summary: 'Show one case by its reference',
  args: [{ name: 'REF', description: 'the case reference, like RJ-2026-0042' }],
  options: {},
  async run(ctx) {
    const ref = (ctx.args[0] as string).trim();
    await ctx.unlock({ writes: false, doing: 'open a case' });
    const c = await ctx.call('getCase', { id: await caseIdOf(ctx, ref) });
    return ok(c, describe(c));
  },
};
