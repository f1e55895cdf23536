import { describe, expect, it } from 'vitest';
import { anonymiser } from '../../src-main/domain/data-protection/anonymiser/anonymise';
import { knownIdentifiers } from '../../src-main/domain/data-protection/anonymiser/known';
import { leakCheck } from '../../src-main/domain/data-protection/anonymiser/leak-check';
import { byMonthChart } from '../../src-main/domain/figures/charts';
import { heading, loadBundledFonts, renderDocx, renderPdf, type DocumentModel } from '../../src-main/documents';
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
