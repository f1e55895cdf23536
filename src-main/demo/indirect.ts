import type { IndirectLogEntry, IndirectMedium, ProcessForm } from '../domain/conferences/process-type';
import { INDIRECT_SUMMARIES } from './process-catalogue';
import { day, OUTCOME, PROCESS, type CaseScene } from './process-days';

/**
 * What an indirect demo process passed between the parties: letters, messages, recordings or
 * calls, turn about, between the process starting and its outcome.
 */
export function makeIndirectLog(s: CaseScene, form: ProcessForm): IndirectLogEntry[] | undefined {
  const first = s.harmed[0];
  const resp = s.responsible;
  if (!first || !resp) return undefined;
  const from = s.stageDay(PROCESS);
  const to = s.si >= OUTCOME ? s.stageDay(OUTCOME) : s.limit;
  const n = s.r.int(2, 6);
  const days = Array.from({ length: n }, () => s.r.int(from, Math.max(from, to))).sort((a, b) => a - b);
  let harmedSpeaks = s.r.chance(0.6);
  const out: IndirectLogEntry[] = [];
  days.forEach((d, i) => {
    const medium: IndirectMedium =
      form === 'letter-exchange'
        ? i === 0 && s.r.chance(0.1)
          ? 'no-send-letter'
          : 'letter'
        : form === 'shuttle'
          ? 'message'
          : form === 'phone'
            ? 'phone-call'
            : s.r.pick(['audio-recording', 'video-recording'] as const);
    const [a, b] = harmedSpeaks ? [first, resp] : [resp, first];
    out.push({
      on: day(d),
      medium,
      fromParticipantId: a.id,
      ...(medium === 'no-send-letter' ? {} : { toParticipantId: b.id }),
      viaStaffId: s.c.leadId,
      summary: s.r.pick(INDIRECT_SUMMARIES[medium]),
    });
    if (medium !== 'no-send-letter') harmedSpeaks = !harmedSpeaks;
  });
  const start = days[0] as number;
  s.event(start, 15 * 60, 'indirect.logged', `Indirect process started: first ${out[0]?.medium.replace(/-/g, ' ')} on ${day(start)}.`);
  return out;
}
