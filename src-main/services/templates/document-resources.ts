/**
 * Loads what document generation needs from the app's own folders (never from the store):
 * the document templates and the bundled fonts, with the lists case records point into
 * (consent elements, risk factors, the kinds of agreement action) from the same loader as
 * casework, so every template file is read and checked in one place. A template with a
 * mistake is refused with a message naming the file and line of every problem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConsentElement } from '../../domain/consent/consent';
import type { ActionWording } from '../../domain/conferences/templates';
import type { RiskFactor } from '../../domain/risk/risk';
import { CasebookError } from '../../domain/shared/errors';
import { loadBundledFonts, loadTemplates, type DocumentTemplates, type FontSet } from '../../documents';
import { loadCaseworkTemplates } from './loader';
import { fileURLToPath } from 'node:url';
import { APP_ROOT_URL } from '../app-root';
import type { ServiceContext } from '../shared/context';

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
  let casework;
  try {
    casework = await loadCaseworkTemplates({ templatesDir: join(root, 'templates'), resourcesDir: join(root, 'resources') });
  } catch (e) {
    if (e instanceof CasebookError) throw new TemplateError(e.message);
    throw e;
  }
  const fonts = await loadBundledFonts(join(root, 'resources', 'fonts'));
  return {
    templates: templates.value,
    fonts,
    consentElements: casework.consentElements,
    riskFactors: casework.riskFactors,
    agreementActions: casework.conferences.agreementActions.actions,
  };
}

const loaded = new Map<string, Promise<DocumentResources>>();

/**
 * The document templates and fonts for a service, read once per folder and shared by every
 * feature that draws documents (case documents, the evidence pack). A mistake in a template is
 * reported in words; a corrected file is picked up on the next try.
 */
export function documentResources(ctx: Pick<ServiceContext, 'documentsRoot'>): Promise<DocumentResources> {
  const given = ctx.documentsRoot ?? APP_ROOT_URL;
  const root = given instanceof URL ? fileURLToPath(given) : given;
  let p = loaded.get(root);
  if (!p) {
    p = loadDocumentResources(root).catch((e: unknown) => {
      loaded.delete(root);
      if (e instanceof TemplateError) throw new CasebookError('CORRUPT', `The document templates have mistakes; correct them in a text editor:\n${e.message}`);
      throw new CasebookError('CORRUPT', 'The document templates or fonts could not be read. Reinstall RJ Casebook, or put the files back if they were moved.');
    });
    loaded.set(root, p);
  }
  return p;
}
