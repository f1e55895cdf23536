import { anonymiser } from '../../domain/data-protection/anonymiser/anonymise';
import { allowedPhrases, describeFindings, leakCheck, type TextPart } from '../../domain/data-protection/anonymiser/leak-check';
import { indicatorsOf, type Framework } from '../../domain/quality/frameworks';
import type { DocumentCheck } from '../../domain/data-protection/leak-report';
import { CasebookError } from '../../domain/shared/errors';
import { textOfDocx } from '../../documents/text/docx-text';
import { textOfPdf } from '../../documents/text/pdf-text';
import type { Store } from '../../store/store';
import { knownPeopleOf } from './known-people';

/** The largest document checked: a year's evidence pack with its charts is a few megabytes. */
export const MAX_CHECKED_BYTES = 50 * 1024 * 1024;

const isPdf = (b: Uint8Array) => b.length > 4 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-';
const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Every piece of text in the file, by where it is, and the file's name (which can name someone too). */
export async function textParts(name: string, bytes: Uint8Array, password?: string): Promise<{ format: 'PDF' | 'Word document'; parts: TextPart[] }> {
  const fileName = { where: 'the file name', text: name.replace(/\.[a-z0-9]+$/i, '').replace(/[_.]+/g, ' ') };
  if (isPdf(bytes)) return { format: 'PDF', parts: [fileName, ...(await textOfPdf(bytes, password))] };
  if (isZip(bytes)) return { format: 'Word document', parts: [fileName, ...textOfDocx(bytes)] };
  throw new CasebookError('INVALID_INPUT', 'Choose a PDF or a Word document (DOCX): that file is neither');
}

/**
 * Words the app itself puts in the documents it makes, which are not personal data even where
 * one of them is someone's name ("Restorative Service Quality Mark"): the frameworks' titles,
 * the service's name, and staff names (which a pack may show).
 */
function appPhrases(s: Store, frameworks: readonly Framework[]): string[] {
  const fromFrameworks = frameworks.flatMap((f) => [f.title, f.purpose, ...indicatorsOf(f).flatMap(({ standard, indicator }) => [standard.title, indicator.title])]);
  return [...fromFrameworks, s.index.settings.serviceName, ...s.index.staff.map((m) => m.name)];
}

/**
 * Check a document made anywhere (an evidence pack, a report written by hand) against everyone
 * the casebook names. A known identifier is personal data from a case; a pattern (a postcode
 * or phone number the casebook does not list) may be someone it does not know of.
 */
export async function checkDocument(s: Store, file: { name: string; bytes: Uint8Array }, frameworks: readonly Framework[] = []): Promise<Omit<DocumentCheck, 'picked'>> {
  const { format, parts } = await textParts(file.name, file.bytes);
  const { known, cases } = await knownPeopleOf(s);
  const report = leakCheck(parts, anonymiser(known), allowedPhrases(appPhrases(s, frameworks)));
  const message = report.known.length > 0
    ? `Personal data from the casebook was found (${describeFindings(report.known)}). Remove it before the document is shared.`
    : report.patterns.length > 0
      ? `Nothing the casebook lists was found, but some text looks like personal data (${describeFindings(report.patterns)}). Check those places before sharing.`
      : `No personal data was found: the names, dates of birth, phone numbers, e-mail and home addresses of everyone in ${cases} ${cases === 1 ? 'case' : 'cases'} were looked for, and the shapes of postcodes, phone numbers and other identifiers.`;
  return { format, clean: report.clean, known: report.known, patterns: report.patterns, casesSearched: cases, message };
}
