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
  LETTER_IDS,
  TEMPLATE_FILES,
  WRITE_IN,
  type ConsentElementId,
  type LetterId,
  type ConsentRole,
  type DocumentTemplates,
  type PlaceholderData,
} from './templates';
export { buildConsentForm, type ConsentFormInput } from './builders/consent-form';
export { buildCaseConsentForm, type CaseConsentFormInput } from './builders/consent-form-case';
export { buildRiskAssessment, type RiskAssessmentInput } from './builders/risk-assessment';
export { buildPreparationRecord, type PreparationRecordInput } from './builders/preparation-record';
export { buildCaseSummary, type CaseSummaryInput } from './builders/case-summary';
export { buildLetter, type LetterInput } from './builders/letter';
export { buildOutcomeAgreement, NO_AGREEMENT, type OutcomeAgreementInput } from './builders/outcome-agreement';
export { DocumentInputError, type CaseDocumentContext } from './builders/common';
export { renderHtml, escapeHtml, DOCUMENT_HTML_CLASSES, type HtmlOptions, type HtmlResult, type HtmlWords } from './html/render-html';
