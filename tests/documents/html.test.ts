/**
 * The HTML renderer for the in-app preview: escaped text, classes only (no inline styles,
 * scripts or event attributes, so a strict CSP holds), tables with a header row, checkboxes
 * as ☐/☑ with words for screen readers, and signature lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, type DocumentModel } from '../../src-main/documents';
import { generateDocument, type DocumentDeps } from '../../src-main/documents/generate';
import { loadDocumentResources } from '../../src-main/services/templates/document-resources';
import { realCase, STAFF, TODAY } from './fixtures';
import { makePng, ROOT } from './helpers';

let deps: DocumentDeps;
beforeAll(async () => {
  const r = await loadDocumentResources(ROOT);
  deps = { templates: r.templates, fonts: r.fonts, logo: { data: makePng(60, 20, [13, 64, 110]), format: 'png' }, casework: { consentElements: r.consentElements, riskFactors: r.riskFactors, staff: STAFF } };
});

const HOSTILE = '<script>alert("x")</script>';

/** Things that must never appear in the preview's HTML. */
function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  // Escaped text has no "<", so these are the real tags: no inline style, event handler or script URL.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    expect(tag).not.toMatch(/\sstyle\s*=/i);
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/javascript:/i);
  }
  expect(html).not.toMatch(/<(iframe|object|embed|svg|style|link|base|form)\b/i);
  // Every attribute value is quoted and every tag is one we write.
  const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
  for (const t of tags) expect(['article', 'header', 'footer', 'div', 'span', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'strong', 'em', 'br', 'ol', 'ul', 'li', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'img', 'figure']).toContain(t);
}

describe('HTML renderer', () => {
  it('escapes a <script> in a participant’s name, and everywhere else text comes from the case', async () => {
    const c = realCase();
    const hostile = {
      ...c,
      referral: { ...c.referral, offenceDescription: `Broke in & took "things" <b>bold</b> ${HOSTILE}` },
      notes: `Note with ${HOSTILE} and a stray ' quote`,
      participants: c.participants.map((p, i) => (i === 0 ? { ...p, person: { ...p.person, givenName: HOSTILE, address: `<img src=x onerror=alert(1)>` } } : p)),
      timeline: [...c.timeline, { at: '2026-03-01T10:00:00.000Z', by: `<b onmouseover="x">Eve</b>`, kind: 'note', text: HOSTILE }],
    };
    for (const kind of ['case-summary', 'risk-assessment', 'preparation-record', 'first-contact-letter', 'consent-form'] as const) {
      const r = await generateDocument({ kind, caseData: hostile, ...(kind === 'case-summary' ? {} : { participantId: c.participants[0]!.id }), format: 'html', today: TODAY }, deps);
      if (r.format !== 'html') throw new Error('expected HTML');
      expectSafe(r.html);
      expect(r.html, kind).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    const summary = await generateDocument({ kind: 'case-summary', caseData: hostile, format: 'html', today: TODAY }, deps);
    if (summary.format !== 'html') throw new Error('expected HTML');
    expect(summary.html).toContain('Broke in &amp; took &quot;things&quot; &lt;b&gt;bold&lt;/b&gt;');
    expect(summary.html).toContain('a stray &#39; quote');
    expect(summary.html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;Eve&lt;/b&gt;');
  });

  it('writes headings, tables with a header row, checkboxes as ☐/☑ with hidden words, and signature lines', async () => {
    // His consent is recorded: a record of it, ticked (in the adult wording, chosen here).
    const r = await generateDocument({ kind: 'consent-form', caseData: realCase(), participantId: 'p_respon0001', youngPerson: false, format: 'html', today: TODAY }, deps);
    if (r.format !== 'html') throw new Error('expected HTML');
    const html = r.html;
    expectSafe(html);
    expect(html).toMatch(/^<article class="rjdoc" lang="en-GB">/);
    expect(html).toContain('<h1 class="rjdoc-h rjdoc-h--1">Record of consent given on 25 February 2026</h1>');
    expect(html.match(/<span class="rjdoc-checkbox__box" aria-hidden="true">☑<\/span>/g)).toHaveLength(4);
    expect(html.match(/<span class="rjdoc-checkbox__box" aria-hidden="true">☐<\/span>/g)).toHaveLength(6);
    expect(html.match(/<span class="rjdoc-visually-hidden">Ticked: <\/span>/g)).toHaveLength(4);
    expect(html.match(/<span class="rjdoc-visually-hidden">Not ticked: <\/span>/g)).toHaveLength(6);
    // A record has no signature lines; the form to sign has the participant, parent or guardian (he is 15) and facilitator.
    expect(html).not.toContain('<div class="rjdoc-signature">');
    const unsigned = { ...realCase(), participants: realCase().participants.map((p) => ({ ...p, consent: [] })) };
    const toSign = await generateDocument({ kind: 'consent-form', caseData: unsigned, participantId: 'p_respon0001', format: 'html', today: TODAY }, deps);
    if (toSign.format !== 'html') throw new Error('expected HTML');
    expect(toSign.html.match(/<div class="rjdoc-signature">/g)).toHaveLength(3);
    expect(toSign.html).not.toContain('☑');
    expect(toSign.html).toContain('<span class="rjdoc-signature__caption">Signature</span>');
    expect(html).toMatch(/<img class="rjdoc-header__logo" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Restorative Justice Service logo">/);

    const summary = await generateDocument({ kind: 'case-summary', caseData: realCase(), format: 'html', today: TODAY }, deps);
    if (summary.format !== 'html') throw new Error('expected HTML');
    const tables = summary.html.match(/<table class="rjdoc-table">[\s\S]*?<\/table>/g)!;
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) {
      expect(t).toMatch(/<thead><tr>(<th scope="col">[^<]*<\/th>)+<\/tr><\/thead><tbody>/);
      // Column widths are classes adding up to 100 %.
      const widths = [...t.matchAll(/<col class="rjdoc-w-(\d+)">/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(100);
    }
    expect(summary.html).toContain('<dl class="rjdoc-kv">');
    expect(summary.html).toContain('<dd class="rjdoc-kv__blank"><span class="rjdoc-visually-hidden">');
  });

  it('renders every kind of block, shifts headings under the page’s own, and can write a whole page', () => {
    const png = makePng(30, 10, [1, 2, 3]);
    const model: DocumentModel = {
      metadata: { title: 'All <blocks>' },
      header: { left: 'Left & co', right: 'Right' },
      footer: { left: 'Foot <note>' },
      blocks: [
        { kind: 'heading', level: 1, text: 'Title' },
        { kind: 'paragraph', runs: [{ text: 'Bold', bold: true }, { text: ' and ' }, { text: 'italic\nnext line', italic: true }], align: 'center', size: 'small' },
        { kind: 'list', ordered: true, items: [[{ text: 'one' }], [{ text: 'two' }]] },
        { kind: 'list', ordered: false, items: [[{ text: 'dot' }]] },
        { kind: 'table', columns: [{ header: 'A', width: 1 }, { header: 'B', width: 1 }, { header: 'C', width: 1 }], rows: [['1'], ['x', 'y', 'z', 'extra']] },
        { kind: 'keyValue', items: [{ key: 'K', value: 'V' }, { key: 'Empty', value: ' ' }] },
        { kind: 'checkbox', checked: false, label: [{ text: 'no title' }] },
        { kind: 'signature', label: 'Witness', name: 'Zoë', date: '1 May 2026' },
        { kind: 'image', data: png, format: 'png', width: 60, alt: 'A "logo"', align: 'right' },
        { kind: 'chart', svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', width: 100, height: 50, alt: 'Chart' },
        { kind: 'pageBreak' },
        { kind: 'spacer', height: 30 },
        { kind: 'paragraph', runs: [{ text: 'control\u0000\u0007 chars' }] },
      ],
    };
    const { html } = renderHtml(model, { headingOffset: 1 });
    expectSafe(html);
    expect(html).toContain('<h2 class="rjdoc-h rjdoc-h--1">Title</h2>');
    expect(html).toContain('<p class="rjdoc-p rjdoc-p--small rjdoc-align-center"><strong>Bold</strong> and <em>italic<br>next line</em></p>');
    expect(html).toContain('<ol class="rjdoc-list"><li>one</li><li>two</li></ol>');
    expect(html).toContain('<tr><td>1</td><td></td><td></td></tr>');
    expect(html).not.toContain('extra');
    expect(html).toContain('alt="A &quot;logo&quot;"');
    // The chart's SVG is shown through <img>, where a script in it cannot run.
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Chart"/);
    expect(html).toContain('<span class="rjdoc-signature__line">Zoë</span>');
    expect(html).toContain('control chars');
    expect(html).toContain('Foot &lt;note&gt;');
    const page = renderHtml(model, { page: { stylesheetHref: 'document.css?a="b"' } }).html;
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(page).toContain('<title>All &lt;blocks&gt;</title>');
    expect(page).toContain('<link rel="stylesheet" href="document.css?a=&quot;b&quot;">');
  });
});
