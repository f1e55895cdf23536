import { describe, expect, it } from 'vitest';
import { anonymiser } from '../../src-main/domain/data-protection/anonymiser/anonymise';
import { knownIdentifiers } from '../../src-main/domain/data-protection/anonymiser/known';
import { leakCheck } from '../../src-main/domain/data-protection/anonymiser/leak-check';
import { byMonthChart } from '../../src-main/domain/figures/charts';
import { computeFigures } from '../../src-main/domain/figures/figures';
import { heading, loadBundledFonts, modelTexts, renderDocx, renderPdf, type DocumentModel } from '../../src-main/documents';
import { buildEvidencePack, type PackContent } from '../../src-main/documents/builders/evidence-pack';
import { chartBlock } from '../../src-main/documents/charts/chart-block';
import { chartRasteriser } from '../../src-main/documents/charts/rasterise';
import { TEXT_WIDTH } from '../../src-main/documents/pdf/page-style';
import { textParts } from '../../src-main/services/data-protection/document-check';

/**
 * A chart's words reach the final bytes of both formats as text, so the leak check that reads
 * those bytes sees a name that got into a chart's labels: on the PDF page (vectors and text), and
 * in the DOCX's SVG beside the picture.
 */
const fontsDir = new URL('../../resources/fonts/', import.meta.url).pathname;

describe('charts in the final bytes', () => {
  it('are read by the leak check in the PDF and the DOCX, and the DOCX picture is a PNG with the alt text', async () => {
    const fonts = await loadBundledFonts(fontsDir);
    const model: DocumentModel = {
      metadata: { title: 'Figures' },
      blocks: [
        heading(1, 'Figures'),
        chartBlock({ kind: 'share', title: 'Referrals by source', what: 'Source', unit: 'referrals', rows: [{ label: 'Police', value: 3 }, { label: 'Referred by Siân Prydderch', value: 1 }] }, TEXT_WIDTH),
        chartBlock(byMonthChart(['2026-04-02'], { from: '2026-04-01', to: '2026-06-30' }, { title: 'Referrals by month', unit: 'referrals' }), TEXT_WIDTH),
      ],
    };
    const finder = anonymiser(knownIdentifiers([{ key: 'p1', givenName: 'Siân', familyName: 'Prydderch' }]));
    const pdf = await textParts('figures.pdf', (await renderPdf(model, { fonts })).bytes);
    expect(pdf.parts.find((p) => p.where === 'page 1')?.text).toContain('Same period last year (1 April 2025 to 30 June 2025)');
    expect(leakCheck(pdf.parts, finder).known).toEqual([{ where: 'page 1', kind: 'name', count: expect.any(Number) }]);

    const docx = (await renderDocx(model, { rasteriseChart: chartRasteriser(fonts) })).bytes;
    const parts = await textParts('figures.docx', docx);
    expect(leakCheck(parts.parts, finder).known).toContainEqual({ where: 'a chart', kind: 'name', count: expect.any(Number) });
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(docx);
    const pngs = Object.keys(files).filter((n) => /^word\/media\/.*\.png$/.test(n));
    expect(pngs).toHaveLength(2);
    // A real PNG, drawn at two pixels a point.
    const png = files[pngs[0]!]!;
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(Math.round(TEXT_WIDTH * 2));
    expect(strFromU8(files['word/document.xml']!)).toMatch(/<wp:docPr [^>]*descr="Referrals by source, 4 referrals in all: Police 3 \(75%\); Referred by Siân Prydderch 1 \(25%\)\."/);
  });
});

describe('the pack’s figures section', () => {
  const period = { from: '2026-04-01', to: '2026-06-30' };
  const figures = computeFigures([], period, () => 0);
  const content = (over: Partial<PackContent>): PackContent => ({
    serviceName: 'Northshire RJ',
    framework: { version: 1, id: 'rsqm', title: 'Quality Mark', purpose: 'Evidence.', standards: [{ number: '1', title: 'Leadership', indicators: [{ number: '1.1', title: 'Vision', evidence: [{ kind: 'narrative' }] }] }] },
    period,
    madeOn: '2026-07-01',
    figures,
    compliance: { at: period.to, registeredShare: 0, registeredShareMet: false, counted: 0, registered: 0, staff: [] },
    policies: [],
    audit: { files: [], totals: [] },
    studies: [],
    ...over,
  });
  const charts = (m: DocumentModel) => m.blocks.filter((b) => b.kind === 'chart');

  it('says "no referrals" in words rather than drawing empty charts, and lists Figures in the contents', () => {
    const m = buildEvidencePack(content({ referralDates: [] }));
    expect(charts(m)).toEqual([]);
    const texts = modelTexts(m);
    expect(texts).toContain('Figures');
    expect(texts).toContain('No referrals were received in this period.');
    expect(texts).toContain('No feedback was given in this period.');
  });

  it('draws referrals by source and by month, with the months before and a year before', () => {
    const f = { ...figures, referrals: { total: 3, bySource: [{ source: 'Police', count: 2 }, { source: 'Probation', count: 1 }] } };
    const m = buildEvidencePack(content({ figures: f, referralDates: ['2026-04-02', '2026-05-09', '2026-06-30', '2026-01-05', '2025-04-30'] }));
    expect(charts(m).map((c) => (c as { alt: string }).alt)).toEqual([
      'Referrals by source, 3 referrals in all: Police 2 (66.7%); Probation 1 (33.3%).',
      'Referrals by month. This period (1 April 2026 to 30 June 2026): 3 referrals (Apr 2026 1, May 2026 1, Jun 2026 1). Previous period (1 January 2026 to 31 March 2026): 1 referral (by month: 1, 0, 0). Same period last year (1 April 2025 to 30 June 2025): 1 referral (by month: 1, 0, 0).',
    ]);
  });
});
