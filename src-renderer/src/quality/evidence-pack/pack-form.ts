import { useEffect, useRef, useState } from 'react';
import type { WorkProgress } from '../../../../src-main/domain/shared/work-progress';
import type { CaseSummary } from '../../../../src-main/domain/cases/case';
import type { StudyDraft } from '../../../../src-main/domain/quality/case-study-review';
import { PackRequestSchema, type FrameworkChoice, type PackRequest, type StudyEdit } from '../../../../src-main/domain/quality/pack-request';
import { addDays, addMonths } from '../../../../src-main/domain/time/dates';
import { ApiError, call, messageOf } from '../../shared/api/client';
import { isoToUk } from '../../shared/lib/dates';
import { saveProblems, summaryOf, type Problems } from '../../shared/lib/problems';
import { readDate } from '../../cases/shared';
import type { FieldProblem } from '../../cases/command-form';

/**
 * The evidence pack form's state and its one action. Values are kept as typed (dates the UK
 * way); what only the form can see is checked first, then the contract's own schema, then the
 * main process builds the pack, leak-checks it and opens the save dialog. A refusal for
 * personal data from the casebook is a problem to put right at its source; a refusal only for
 * text that looks like personal data may be overruled with a reason, which is sent as `waiver`.
 */
export const PACK_FIELDS = ['framework', 'from', 'to', 'format', 'caseStudies', 'auditSize', 'waiver'] as const;
export const PACK_PREFIX = 'pack-';
const DEFAULT_MONTHS = 12;
const DEFAULT_AUDIT_SIZE = '30';

export interface PackValues {
  framework: string;
  from: string;
  to: string;
  format: PackRequest['format'];
  caseStudies: string[];
  auditSize: string;
  waiver: string;
}

export interface PackSaved {
  fileName: string;
  title: string;
  pages?: number;
  bytes: number;
  waived: boolean;
}

/** The period a framework looks back over, ending today: "the last 12 months" is 17 March to 16 March. */
export function periodFor(today: string, months = DEFAULT_MONTHS): { from: string; to: string } {
  return { from: addDays(addMonths(today, -months), 1), to: today };
}

/** The refusal the leak check gives when nothing the casebook lists was found, only shapes of personal data. */
export function onlyLooksPersonal(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'PERSONAL_DATA' && e.message.includes('looks like personal data');
}

/** The reviewed studies still chosen whose wording the quality lead changed, in the draft's paragraph order. */
export function studyEditsOf(drafts: readonly StudyDraft[] | undefined, edits: Record<string, (string | undefined)[]>, chosen: readonly string[], problems: FieldProblem[]): StudyEdit[] {
  const out: StudyEdit[] = [];
  for (const d of drafts ?? []) {
    const e = edits[d.reference];
    if (!chosen.includes(d.reference) || !e?.some((t, i) => t !== undefined && t !== d.paragraphs[i]?.text)) continue;
    const paragraphs = d.paragraphs.map((p, i) => e[i] ?? p.text);
    paragraphs.forEach((t, i) => {
      if (t.trim() === '') problems.push({ field: 'caseStudies', message: `Paragraph ${i + 1} of ${d.title} is empty: reword it, or use the draft` });
    });
    out.push({ reference: d.reference, paragraphs });
  }
  return out;
}

function readSize(text: string, problems: FieldProblem[]): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > 200) problems.push({ field: 'auditSize', message: 'Case-file audit sample must be a whole number from 1 to 200, like 30' });
  return n;
}

export function usePackForm(today: string | undefined) {
  const [frameworks, setFrameworks] = useState<FrameworkChoice[]>();
  const [closed, setClosed] = useState<CaseSummary[]>();
  const [loadError, setLoadError] = useState<string>();
  const [v, setV] = useState<PackValues>({ framework: '', from: '', to: '', format: 'pdf', caseStudies: [], auditSize: DEFAULT_AUDIT_SIZE, waiver: '' });
  // Once the person types a date, choosing another framework no longer moves the period.
  const [datesTyped, setDatesTyped] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<PackSaved>();
  const [cancelled, setCancelled] = useState(false);
  const [mayWaive, setMayWaive] = useState(false);
  const [drafts, setDrafts] = useState<StudyDraft[]>();
  const [edits, setEdits] = useState<Record<string, (string | undefined)[]>>({});
  const [reviewing, setReviewing] = useState(false);
  const [progress, setProgress] = useState<WorkProgress>();
  const [stopped, setStopped] = useState(false);
  const polling = useRef<ReturnType<typeof setInterval>>(undefined);
  useEffect(() => () => clearInterval(polling.current), []);

  useEffect(() => {
    if (!today) return;
    Promise.all([call('listFrameworks'), call('listCases', { stage: 'closed' })])
      .then(([fs, cs]) => {
        setFrameworks(fs);
        setClosed([...cs].sort((a, b) => a.reference.localeCompare(b.reference)));
        const first = fs.find((f) => f.id === 'rsqm') ?? fs[0];
        const p = periodFor(today, first?.periodMonths);
        setV((cur) => ({ ...cur, framework: first?.id ?? '', from: isoToUk(p.from), to: isoToUk(p.to) }));
      })
      .catch((e: unknown) => setLoadError(messageOf(e)));
  }, [today]);

  const set = <K extends keyof PackValues>(k: K, x: PackValues[K]) => {
    if (k === 'from' || k === 'to') setDatesTyped(true);
    // A study no longer chosen leaves the review (its rewording is dropped with it).
    if (k === 'caseStudies') setDrafts((cur) => cur?.filter((d) => (x as string[]).includes(d.reference)));
    setV((cur) => {
      const next = { ...cur, [k]: x };
      if (k === 'framework' && !datesTyped && today) {
        const p = periodFor(today, frameworks?.find((f) => f.id === x)?.periodMonths);
        Object.assign(next, { from: isoToUk(p.from), to: isoToUk(p.to) });
      }
      return next;
    });
  };

  const fail = (p: Problems) => {
    setProblems(p);
    setFocusKey((n) => n + 1);
  };

  const build = (withWaiver: boolean) => {
    const found: FieldProblem[] = [];
    if (!v.framework) found.push({ field: 'framework', message: 'Choose the framework the pack answers' });
    const from = readDate(v.from, 'from', { label: 'From date' }, found);
    const to = readDate(v.to, 'to', { label: 'To date', ...(today ? { notAfter: today } : {}) }, found);
    const auditSize = readSize(v.auditSize, found);
    const studyEdits = studyEditsOf(drafts, edits, v.caseStudies, found);
    if (withWaiver && v.waiver.trim() === '') found.push({ field: 'waiver', message: 'Enter the reason for keeping text that looks like personal data' });
    const input = {
      framework: v.framework,
      from,
      to,
      format: v.format,
      ...(v.caseStudies.length > 0 ? { caseStudies: v.caseStudies } : {}),
      ...(studyEdits.length > 0 ? { studyEdits } : {}),
      ...(auditSize !== undefined ? { auditSize } : {}),
      ...(withWaiver ? { waiver: v.waiver } : {}),
    };
    const parsed = PackRequestSchema.safeParse(input);
    const all = [...found, ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })))];
    return { parsed, all };
  };

  /** Build the pack and save it; `withWaiver` resends with the reason for keeping what only looks like personal data. */
  const run = async (withWaiver = false) => {
    if (busy) return;
    const { parsed, all } = build(withWaiver);
    if (all.length > 0 || !parsed.success) {
      const p: Problems = {};
      for (const f of all) p[f.field && (PACK_FIELDS as readonly string[]).includes(f.field) ? f.field : ''] ??= f.message;
      return fail(p);
    }
    setBusy(true);
    setSaved(undefined);
    setCancelled(false);
    setStopped(false);
    setProgress(undefined);
    // The build holds the main process's queue; how far it has got is asked for beside it.
    polling.current = setInterval(() => void call('getWorkProgress').then((p) => p.task && setProgress(p), () => undefined), 300);
    try {
      const r = await call('saveEvidencePack', parsed.data);
      setProblems({});
      setMayWaive(false);
      if (r.saved) setSaved({ fileName: r.fileName, title: r.title, bytes: r.bytes, waived: withWaiver, ...(r.pages !== undefined ? { pages: r.pages } : {}) });
      else setCancelled(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CANCELLED') {
        setProblems({});
        setStopped(true);
        return;
      }
      // Only a refusal for look-alikes may be overruled; a name from the casebook must come out at its source.
      const waivable = onlyLooksPersonal(e);
      setMayWaive(waivable);
      // The reason box opens at the foot of the form: the summary links to it.
      fail({ ...saveProblems(e, PACK_FIELDS), ...(waivable ? { waiver: 'If it is not personal data, give the reason for keeping it' } : {}) });
    } finally {
      clearInterval(polling.current);
      setProgress(undefined);
      setBusy(false);
    }
  };
  /** Ask the main process to stop the build before it writes anything. */
  const stop = () => void call('cancelWork', { task: 'evidence-pack' }).then((r) => r.cancelling && setProgress((p) => (p ? { ...p, cancelling: true } : p)), () => undefined);

  /** Draft the chosen studies to read before building: the main process anonymises them as the pack will. */
  const review = async () => {
    if (reviewing) return;
    if (v.caseStudies.length === 0) return fail({ caseStudies: 'Choose at least one case to write up, then review the case studies' });
    setReviewing(true);
    try {
      const r = await call('draftCaseStudies', { caseStudies: v.caseStudies });
      setDrafts(r.studies);
      setProblems({});
    } catch (e) {
      fail(saveProblems(e, PACK_FIELDS));
    } finally {
      setReviewing(false);
    }
  };
  const edit = (reference: string, n: number, text: string | undefined) =>
    setEdits((cur) => {
      const list = [...(cur[reference] ?? [])];
      list[n] = text;
      return { ...cur, [reference]: list };
    });

  return {
    frameworks,
    drafts,
    edits,
    review,
    reviewing,
    edit,
    progress,
    stop,
    stopped,
    closed,
    loadError,
    v,
    set,
    busy,
    saved,
    cancelled,
    mayWaive,
    run,
    focusKey,
    summary: summaryOf(problems, PACK_FIELDS, PACK_PREFIX),
    field: (name: (typeof PACK_FIELDS)[number]) => ({ id: PACK_PREFIX + name, error: problems[name] }),
  };
}
