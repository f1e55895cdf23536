import { requireCapability } from '../../domain/access/capabilities';
import { anonymiser } from '../../domain/data-protection/anonymiser/anonymise';
import { allowedPhrases, describeFindings, leakCheck } from '../../domain/data-protection/anonymiser/leak-check';
import { draftCaseStudy } from '../../domain/quality/case-study';
import { draftFor, withEdits, type DraftCaseStudiesInput, type StudyDraft } from '../../domain/quality/case-study-review';
import type { PackRequest } from '../../domain/quality/pack-request';
import { policyRows } from '../../domain/quality/policies';
import { CasebookError } from '../../domain/shared/errors';
import { serviceCompliance } from '../../domain/staff/compliance';
import { buildEvidencePack, type PackContent } from '../../documents/builders/evidence-pack';
import { modelTexts } from '../../documents/model';
import { renderDocx } from '../../documents/docx/render-docx';
import { renderPdf } from '../../documents/pdf/render-pdf';
import { chartRasteriser } from '../../documents/charts/rasterise';
import type { Casework } from '../cases/context';
import { textParts } from '../data-protection/document-check';
import { knownPeopleOf } from '../data-protection/known-people';
import { figuresFor } from '../figures/figures';
import { invalidInput } from '../shared/errors';
import { staffRecords } from '../staff/register-file';
import type { FontSet } from '../../documents/fonts';
import type { Store } from '../../store/store';
import type { Work } from '../shared/work';
import { auditedSample } from './case-file-audit';
import { complaintsCounted } from './complaints';
import { evidenceTitlesFor, narrativesFor } from './health-check';
import { readPolicies } from './policies';

/**
 * The evidence pack, built and checked: everything the framework's indicators cite is gathered
 * from the casebook (figures, staff compliance on the last day, policies, a case-file audit
 * sample, anonymised case studies), drawn as PDF or DOCX, and then the leak check reads the
 * finished bytes — every page, every part, the file name — against everyone the casebook
 * names. A known identifier refuses the pack; shapes of personal data the casebook does not
 * list need the person's reason. Nothing is handed to the saver until it passes.
 */
export interface BuiltPack {
  fileName: string;
  title: string;
  bytes: Uint8Array;
  pages?: number;
  /** Pattern findings kept under the person's waiver (kinds and places only). */
  waived: string | undefined;
}

export const DEFAULT_AUDIT_SIZE = 30;

/** Everyone the casebook names (the anonymiser looks for all of them), every case, and the chosen ones by reference. */
async function studyCases(s: Store, references: readonly string[], onRead?: (n: number, of: number) => void) {
  const { known, all } = await knownPeopleOf(s, onRead);
  const byReference = new Map(all.map((c) => [c.reference, c]));
  const chosen = references.map((ref, i) => {
    const c = byReference.get(ref);
    if (!c) throw invalidInput([{ path: `caseStudies.${i}`, message: `There is no case ${ref} in this casebook` }]);
    return c;
  });
  return { finder: anonymiser(known), all, chosen };
}

/** The case studies as drafted, each replacement placed, for the quality lead to read and reword before the pack is built. */
export async function draftCaseStudies(s: Store, input: DraftCaseStudiesInput): Promise<StudyDraft[]> {
  requireCapability(s.user.role, 'build-evidence-pack');
  const { finder, chosen } = await studyCases(s, input.caseStudies);
  return chosen.map((c, i) => draftFor(c.reference, draftCaseStudy(c, String.fromCharCode(65 + i), finder)));
}

/** The parts of building a pack, for its progress. */
export const PACK_STEPS = 5;

export async function buildPack(cw: Casework, r: PackRequest, fonts: FontSet, work?: Work): Promise<BuiltPack> {
  const s = cw.s;
  requireCapability(s.user.role, 'build-evidence-pack');
  const framework = cw.t.frameworks.find((f) => f.id === r.framework);
  if (!framework) throw invalidInput([{ path: 'framework', message: `There is no framework "${r.framework}": choose one of ${cw.t.frameworks.map((f) => f.id).join(', ')}` }]);
  await work?.step('Reading the case files');
  const read = (n: number, of: number) => work?.checkpoint(`Reading the case files (${n.toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')})`);
  const { finder, all, chosen } = await studyCases(s, r.caseStudies ?? [], read);
  await work?.step('Drafting the case studies and drawing the case-file audit sample');
  const edits = new Map((r.studyEdits ?? []).map((e) => [e.reference, e]));
  const studies = chosen.map((c, i) => {
    const study = withEdits(draftCaseStudy(c, String.fromCharCode(65 + i), finder), edits.get(c.reference));
    if ('problem' in study) throw invalidInput([{ path: 'studyEdits', message: study.problem }]);
    return study;
  });
  const period = { from: r.from, to: r.to };
  const audited = await auditedSample(s, all, { framework: framework.id, ...period, size: r.auditSize ?? DEFAULT_AUDIT_SIZE }, r.to);
  // By file number only: a reference would lead back to the case.
  const files = audited.files.map((f) => ({ label: f.label, checks: f.checks, ...(f.notes ? { notes: f.notes } : {}) }));
  await work?.step('Counting the figures, staff compliance and policies');
  const rules = cw.t.qualityRules;
  const content: PackContent = {
    serviceName: s.index.settings.serviceName,
    framework,
    period,
    madeOn: cw.today,
    figures: { ...figuresFor(cw, period), complaints: await complaintsCounted(cw, period) },
    // Every case's day received: the by-month chart compares the period with the months before it.
    referralDates: s.summaries.all().map((row) => row.receivedOn),
    compliance: serviceCompliance(await staffRecords(s), r.to, rules),
    policies: policyRows(await readPolicies(s), r.to, rules.dueSoonDays, (id) => s.index.staff.find((m) => m.id === id)?.name ?? '').map((p) => ({
      title: p.title,
      version: p.current.version,
      approvedOn: p.current.approvedOn,
      nextReview: p.nextReview,
      status: p.status,
      indicators: p.indicators,
    })),
    audit: { files, totals: audited.totals },
    studies,
    // The health check's narratives, as last saved: people wrote them, so the leak check reads them in full.
    narratives: await narrativesFor(s, framework.id),
    // The titles of the files attached to indicators: free text too, checked the same way.
    evidenceTitles: await evidenceTitlesFor(s, framework.id),
  };
  const model = buildEvidencePack(content);
  // What the app wrote from its own files (framework titles, labels, figures, staff names) is
  // not personal data even where a word is someone's name ("Quality Mark"); what people wrote
  // (case studies, policy titles, the auditor's notes) is checked in full.
  const allowed = allowedPhrases(modelTexts(buildEvidencePack({ ...content, studies: [], policies: [], narratives: {}, evidenceTitles: {}, audit: { ...content.audit, files: files.map((f) => ({ label: f.label, checks: f.checks })) } })));
  const fileName = `${framework.id}-evidence-pack-${r.from}-to-${r.to}.${r.format}`;
  await work?.step(r.format === 'pdf' ? 'Drawing the PDF' : 'Drawing the Word document');
  const rendered = r.format === 'pdf' ? await renderPdf(model, { fonts }) : await renderDocx(model, { rasteriseChart: chartRasteriser(fonts) });
  await work?.step('Checking the finished file for personal data');
  const pages = r.format === 'pdf' && 'pageCount' in rendered ? (rendered.pageCount as number) : undefined;
  const report = leakCheck((await textParts(fileName, rendered.bytes)).parts, finder, allowed);
  if (report.known.length > 0) {
    throw new CasebookError('PERSONAL_DATA', `The pack was not saved: personal data from the casebook was found (${describeFindings(report.known)}). Take it out of what it came from (a case study, a narrative, a policy title, a file's title) and build the pack again.`);
  }
  if (report.patterns.length > 0 && !r.waiver) {
    throw new CasebookError('PERSONAL_DATA', `The pack was not saved: some text looks like personal data the casebook does not list (${describeFindings(report.patterns)}). Check those places; if it is not personal data, save again giving the reason.`);
  }
  return { fileName, title: `${framework.title} evidence pack`, bytes: rendered.bytes, ...(pages !== undefined ? { pages } : {}), waived: report.patterns.length > 0 ? describeFindings(report.patterns) : undefined };
}
