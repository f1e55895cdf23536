/** The running footer of a Word document: the footer's words left and centre, the page number right, a rule above (as in the PDF). */
import { PageNumber, Paragraph, TabStopType, TextRun, type IBorderOptions, type ParagraphChild } from 'docx';
import type { DocumentLabels, DocumentModel } from '../model';

/** "Page {page} of {pages}" → text runs around PAGE and NUMPAGES fields. */
function pageNumberRuns(template: string, size: number, muted: string): TextRun[] {
  const parts = template.split(/(\{page\}|\{pages\})/);
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const p of parts) {
    if (p === '{page}') children.push(PageNumber.CURRENT);
    else if (p === '{pages}') children.push(PageNumber.TOTAL_PAGES);
    else if (p) children.push(p);
  }
  return [new TextRun({ children, color: muted, size })];
}

export function footerParagraphs(model: DocumentModel, labels: DocumentLabels, size: number, o: { textWidth: number; rule: IBorderOptions; muted: string }): Paragraph[] {
  const f = model.footer ?? {};
  const children: ParagraphChild[] = [];
  if (f.left) children.push(new TextRun({ text: f.left, color: o.muted, size }));
  if (f.centre) children.push(new TextRun({ text: '\t' }), new TextRun({ text: f.centre, size }));
  if (f.pageNumbers !== false) children.push(new TextRun({ text: '\t' }), ...pageNumberRuns(labels.page, size, o.muted));
  return [
    new Paragraph({
      children,
      tabStops: [...(f.centre ? [{ type: TabStopType.CENTER, position: Math.round(o.textWidth / 2) }] : []), { type: TabStopType.RIGHT, position: o.textWidth }],
      border: { top: o.rule },
      spacing: { before: 80, after: 0 },
    }),
  ];
}

