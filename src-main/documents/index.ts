/**
 * The documents layer: one document model, PDF and DOCX renderers, editable templates, and
 * builders that turn case data plus a template into the model. Imports only domain.
 */
export * from './model';
export { loadBundledFonts, REPLACEMENT_MARK, type FontFace, type FontSet } from './fonts';
export { renderPdf, type PdfOptions, type PdfResult } from './pdf/render-pdf';
export { renderDocx, type DocxOptions, type DocxResult } from './docx/render-docx';
export {
  allowedPlaceholders,
  CONSENT_ELEMENT_IDS,
  CONSENT_ROLES,
  fillPlaceholders,
  loadTemplates,
  TEMPLATE_FILES,
  type ConsentElementId,
  type ConsentRole,
  type DocumentTemplates,
  type PlaceholderData,
} from './templates';
export { buildConsentForm, type ConsentFormInput } from './builders/consent-form';
