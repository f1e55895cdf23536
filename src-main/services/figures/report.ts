import { anonymiser } from '../../domain/data-protection/anonymiser/anonymise';
import type { IdentifierFinder } from '../../domain/data-protection/anonymiser/find';
import { peopleOfRows } from '../../domain/data-protection/anonymiser/case-people';
import { knownIdentifiers } from '../../domain/data-protection/anonymiser/known';
import { allowedPhrases, describeFindings, leakCheck, type TextPart } from '../../domain/data-protection/anonymiser/leak-check';
import type { FiguresWithBreakdowns } from '../../domain/figures/commissioner';
import { CasebookError } from '../../domain/shared/errors';
import { chartRasteriser } from '../../documents/charts/rasterise';
import { buildFiguresReport, type FiguresReportContent } from '../../documents/builders/figures-report';
import type { FontSet } from '../../documents/fonts';
import { modelTexts } from '../../documents/model';
import { renderDocx } from '../../documents/docx/render-docx';
import { renderPdf } from '../../documents/pdf/render-pdf';
import type { Store } from '../../store/store';
import { textParts } from '../data-protection/document-check';

export type FiguresReportFormat = 'pdf' | 'docx';

export interface BuiltFiguresReport {
  fileName: string;
  bytes: Uint8Array;
  pages?: number;
}

/**
 * What comes from the service's own lists rather than the app (offence categories, equality
 * answers) is taken out, so the leak check allows only the app's words and numbers and still
 * reads whatever a service typed into a list (a category that names someone is refused).
 */
function appWordsOnly(f: FiguresWithBreakdowns): FiguresWithBreakdowns {
  const c = f.commissioner;
  return { ...f, commissioner: { ...c, breakdowns: { ...c.breakdowns, offenceCategories: [] }, equality: { ...c.equality, questions: [] } } };
}

/**
 * Everyone the case list names, made ready to look for, kept until a row changes: making it for
 * 10,000 cases takes longer than drawing the report, and the Figures page saves a PDF and then
 * a Word copy of the same figures.
 */
const finders = new WeakMap<Store, { key: string; finder: IdentifierFinder }>();
function rowsFinder(s: Store): IdentifierFinder {
  const rows = s.summaries.all();
  const key = rows.map((r) => `${r.id}:${r.revision}`).join(' ');
  const kept = finders.get(s);
  if (kept?.key === key) return kept.finder;
  const finder = anonymiser(knownIdentifiers(peopleOfRows(rows)));
  finders.set(s, { key, finder });
  return finder;
}

/** The words in the report that come from the service's lists, each where it is shown. */
function listTexts(f: FiguresWithBreakdowns): TextPart[] {
  const c = f.commissioner;
  return [
    ...c.breakdowns.offenceCategories.map((o) => ({ where: 'an offence category', text: o.category })),
    ...c.equality.questions.flatMap((q) => q.answers.map((a) => ({ where: 'an equality monitoring answer', text: a.answer }))),
  ];
}

/**
 * The figures report drawn as PDF or DOCX and checked before anyone can save it: the finished
 * bytes are read back (every page, every part, and the file name) and looked through for every
 * name and date of birth the case list holds, and the list entries it prints for the shapes of
 * personal data (postcodes, phone numbers). The figures never open a case file, so the people are those of the case
 * list's rows, which is what keeps a year at 10,000 cases inside two seconds.
 */
export async function buildFiguresReportFile(s: Store, figures: FiguresWithBreakdowns, format: FiguresReportFormat, fonts: FontSet, madeOn: string): Promise<BuiltFiguresReport> {
  const content: FiguresReportContent = { serviceName: s.index.settings.serviceName, madeOn, figures };
  const model = buildFiguresReport(content);
  const fileName = `rj-figures-report-${figures.period.from}-to-${figures.period.to}.${format}`;
  const pdf = format === 'pdf' ? await renderPdf(model, { fonts }) : undefined;
  // Word shows each chart as the picture the PDF draws, with the same alt text (as the evidence pack does).
  const rendered = pdf ?? (await renderDocx(model, { rasteriseChart: chartRasteriser(fonts) }));
  const allowed = allowedPhrases([...modelTexts(buildFiguresReport({ ...content, figures: appWordsOnly(figures) })), s.index.settings.serviceName]);
  const finder = rowsFinder(s);
  // Names and dates of birth are looked for in the finished file. Shapes (a phone number, a
  // postcode) are looked for in what the service typed into its lists: in the file, columns of
  // counts read across a table row ("44 70 54 63 48 …") take the shape of a phone number.
  const inFile = leakCheck((await textParts(fileName, rendered.bytes)).parts, finder, allowed).known;
  const inLists = leakCheck(listTexts(figures), finder).patterns;
  const found = [...inFile, ...inLists];
  if (found.length > 0) {
    throw new CasebookError(
      'PERSONAL_DATA',
      `The figures report was not saved: some of its text looks like personal data (${describeFindings(found)}). It can only come from an offence category or an equality monitoring answer in your lists: reword that entry in the service's lists and save the report again.`,
    );
  }
  return { fileName, bytes: rendered.bytes, ...(pdf ? { pages: pdf.pageCount } : {}) };
}
