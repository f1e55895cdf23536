/**
 * Loads what document generation needs from the app's own folders (never from the store):
 * the document templates, the bundled fonts, and the lists that case records point into
 * (consent elements, risk factors, the kinds of agreement action). A template with a mistake
 * is refused with a message naming the file and line of every problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConsentElements, type ConsentElement } from '../../domain/consent/consent';
import { parseAgreementActions, type ActionWording } from '../../domain/conferences/templates';
import { parseRiskFactors, type RiskFactor } from '../../domain/risk/risk';
import { loadBundledFonts, loadTemplates, type DocumentTemplates, type FontSet } from '../../documents';

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export interface DocumentResources {
  readonly templates: DocumentTemplates;
  readonly fonts: FontSet;
  readonly consentElements: ConsentElement[];
  readonly riskFactors: RiskFactor[];
  /** The kinds of agreement action and their labels, for the outcome agreement. */
  readonly agreementActions: ActionWording[];
}

/** `root` holds templates/ and resources/fonts/ (the repository, or the packaged app's folder). */
export async function loadDocumentResources(root: string): Promise<DocumentResources> {
  const dir = join(root, 'templates', 'documents');
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
  const templates = loadTemplates(files);
  if (!templates.ok) throw new TemplateError(templates.message);

  const casework = join(root, 'templates', 'casework');
  const consent = parseConsentElements(await readFile(join(casework, 'consent-elements.yaml'), 'utf8'), 'consent-elements.yaml');
  if (!consent.ok) throw new TemplateError(consent.message);
  const risk = parseRiskFactors(await readFile(join(casework, 'risk-factors.yaml'), 'utf8'), 'risk-factors.yaml');
  if (!risk.ok) throw new TemplateError(risk.message);
  const actions = parseAgreementActions(await readFile(join(root, 'templates', 'conferences', 'agreement-actions.yaml'), 'utf8'), 'agreement-actions.yaml');
  if (!actions.ok) throw new TemplateError(actions.message);

  const fonts = await loadBundledFonts(join(root, 'resources', 'fonts'));
  return { templates: templates.value, fonts, consentElements: consent.value, riskFactors: risk.value, agreementActions: actions.value.actions };
}
