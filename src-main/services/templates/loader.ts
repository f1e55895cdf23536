import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadBankHolidays, type HolidayCalendar } from '../../domain/time/bank-holidays';
import { parseAgreementActions, parseFeedbackTemplate, parseGroundRules, type AgreementActionsFile, type FeedbackFile, type GroundRulesFile } from '../../domain/conferences/templates';
import { parseConsentElements, type ConsentElement } from '../../domain/consent/consent';
import { parseDeadlineRules, type DeadlineRules } from '../../domain/cases/deadlines';
import { CasebookError } from '../../domain/shared/errors';
import { parseCaseworkLists, type CaseworkLists } from '../../domain/referrals/referral';
import { parseRiskFactors, type RiskFactor } from '../../domain/risk/risk';
import { describeProblem, type TemplateResult } from '../../domain/shared/template-file';
import { parseQualityRules, type QualityRules } from '../../domain/staff/quality-rules';
import { parseFramework, type Framework } from '../../domain/quality/frameworks';
import { parseRetentionRules, type RetentionRules } from '../../domain/data-protection/retention/rules';

/**
 * Reads the data files casework depends on (templates/casework/*.yaml and the bank holidays in
 * resources/) and parses them with the domain's parsers. Read once when the service is
 * created: a mistake in a file stops start-up with the file, the line and what is wrong, so a
 * coordinator who edited a list finds out at once rather than in the middle of a referral.
 * The folders default to the app's own (app-root.ts).
 */
import { DEFAULT_RESOURCES_DIR, DEFAULT_TEMPLATES_DIR } from '../app-root';
export { DEFAULT_RESOURCES_DIR, DEFAULT_TEMPLATES_DIR };

export interface CaseworkTemplates {
  lists: CaseworkLists;
  consentElements: ConsentElement[];
  riskFactors: RiskFactor[];
  deadlineRules: DeadlineRules;
  holidays: HolidayCalendar;
  /** The restorative process's wording (issue 5): default ground rules, action kinds, feedback statements and equality lists. */
  conferences: { groundRules: GroundRulesFile; agreementActions: AgreementActionsFile; feedback: FeedbackFile };
  /** The RJC's practitioner and service rules the staff register is checked against (issue 11). */
  qualityRules: QualityRules;
  /** The RJC frameworks an evidence pack is built for (issue 12): templates/quality/frameworks/<id>.yaml, by id. */
  frameworks: Framework[];
  /** How long each kind of record is kept (issue 13): templates/data-protection/retention.yaml. */
  retention: RetentionRules;
}

export interface TemplateDirs {
  templatesDir?: string | URL;
  resourcesDir?: string | URL;
}

/** The project-relative names used in messages: never an absolute path. */
export const CASEWORK_FILES = {
  lists: 'templates/casework/lists.yaml',
  consentElements: 'templates/casework/consent-elements.yaml',
  riskFactors: 'templates/casework/risk-factors.yaml',
  deadlineRules: 'templates/casework/deadline-rules.yaml',
  holidays: 'resources/bank-holidays/england-and-wales.json',
  groundRules: 'templates/conferences/ground-rules.yaml',
  agreementActions: 'templates/conferences/agreement-actions.yaml',
  feedback: 'templates/conferences/feedback.yaml',
  qualityRules: 'templates/quality/rules.yaml',
  frameworks: 'templates/quality/frameworks',
  retention: 'templates/data-protection/retention.yaml',
} as const;

/** The frameworks a service is shipped with; it may add its own beside them. */
const SHIPPED_FRAMEWORKS = ['rsqm', 'organisation', 'rsp-renewal'];

const pathOf = (dir: string | URL): string => (dir instanceof URL ? fileURLToPath(dir) : dir);

async function readText(dir: string | URL, rel: string, shown: string): Promise<string> {
  try {
    return await readFile(join(pathOf(dir), ...rel.split('/')), 'utf8');
  } catch {
    throw new CasebookError('CORRUPT', `${shown} could not be read. Reinstall RJ Casebook, or put the file back if it was moved.`, { file: shown });
  }
}

function must<T>(r: TemplateResult<T>, shown: string): T {
  if (r.ok) return r.value;
  throw new CasebookError('CORRUPT', `A casework data file has a mistake, so RJ Casebook cannot start. Correct it in a text editor:\n${r.message}`, {
    file: shown,
    issues: r.problems.map((p) => ({ path: p.line ? `${p.file}:${p.line}` : p.file, message: describeProblem(p) })),
  });
}

export async function loadCaseworkTemplates(dirs: TemplateDirs = {}): Promise<CaseworkTemplates> {
  const t = dirs.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const r = dirs.resourcesDir ?? DEFAULT_RESOURCES_DIR;
  const f = CASEWORK_FILES;
  const [lists, consent, risk, deadlines, holidayText, groundRules, actions, feedback, quality, retention] = await Promise.all([
    readText(t, 'casework/lists.yaml', f.lists),
    readText(t, 'casework/consent-elements.yaml', f.consentElements),
    readText(t, 'casework/risk-factors.yaml', f.riskFactors),
    readText(t, 'casework/deadline-rules.yaml', f.deadlineRules),
    readText(r, 'bank-holidays/england-and-wales.json', f.holidays),
    readText(t, 'conferences/ground-rules.yaml', f.groundRules),
    readText(t, 'conferences/agreement-actions.yaml', f.agreementActions),
    readText(t, 'conferences/feedback.yaml', f.feedback),
    readText(t, 'quality/rules.yaml', f.qualityRules),
    readText(t, 'data-protection/retention.yaml', f.retention),
  ]);
  let holidayJson: unknown;
  try {
    holidayJson = JSON.parse(holidayText.replace(/^\uFEFF/, ''));
  } catch (e) {
    // JSON.parse names the position ("at position 123"); turn it into a line for the editor.
    const pos = /position (\d+)/.exec((e as Error).message)?.[1];
    const line = pos === undefined ? undefined : holidayText.slice(0, Number(pos)).split('\n').length;
    throw new CasebookError('CORRUPT', `${f.holidays}${line ? ` line ${line}` : ''}: the JSON is not valid, so RJ Casebook cannot start. Correct it in a text editor.`, { file: f.holidays });
  }
  return {
    lists: must(parseCaseworkLists(lists, f.lists), f.lists),
    consentElements: must(parseConsentElements(consent, f.consentElements), f.consentElements),
    riskFactors: must(parseRiskFactors(risk, f.riskFactors), f.riskFactors),
    deadlineRules: must(parseDeadlineRules(deadlines, f.deadlineRules), f.deadlineRules),
    holidays: must(loadBankHolidays(holidayJson, f.holidays), f.holidays),
    conferences: {
      groundRules: must(parseGroundRules(groundRules, f.groundRules), f.groundRules),
      agreementActions: must(parseAgreementActions(actions, f.agreementActions), f.agreementActions),
      feedback: must(parseFeedbackTemplate(feedback, f.feedback), f.feedback),
    },
    qualityRules: must(parseQualityRules(quality, f.qualityRules), f.qualityRules),
    frameworks: await loadFrameworks(t),
    retention: must(parseRetentionRules(retention, f.retention), f.retention),
  };
}

/** Every framework file in the folder, each named after its id; the shipped ones must be there. */
async function loadFrameworks(t: string | URL): Promise<Framework[]> {
  const folder = CASEWORK_FILES.frameworks;
  const names = await readdir(join(pathOf(t), 'quality', 'frameworks')).catch(() => [] as string[]);
  const ids = names.filter((n) => /^[a-z][a-z0-9-]{1,30}\.yaml$/.test(n)).map((n) => n.slice(0, -'.yaml'.length)).sort();
  for (const id of SHIPPED_FRAMEWORKS) {
    if (!ids.includes(id)) throw new CasebookError('CORRUPT', `${folder}/${id}.yaml is missing, so RJ Casebook cannot start. Reinstall RJ Casebook, or put the file back if it was moved.`, { file: `${folder}/${id}.yaml` });
  }
  const out: Framework[] = [];
  for (const id of ids) {
    const shown = `${folder}/${id}.yaml`;
    const framework = must(parseFramework(await readText(t, `quality/frameworks/${id}.yaml`, shown), shown), shown);
    if (framework.id !== id) throw new CasebookError('CORRUPT', `${shown}: its id is "${framework.id}" but the file is named ${id}.yaml; make them the same, so RJ Casebook cannot start until then.`, { file: shown });
    out.push(framework);
  }
  return out;
}
