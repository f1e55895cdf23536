import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { placeOf, textOfDocx, textOfXml } from '../../src-main/documents/text/docx-text';

/** What the leak check reads from a Word file: words as a reader sees them, fields kept apart. */
describe('the text of a DOCX part', () => {
  it('joins the runs of a word that Word split, and starts a new line at each paragraph', () => {
    const xml = '<w:body><w:p><w:r><w:t>Si</w:t></w:r><w:r><w:t>ân Jones</w:t></w:r></w:p><w:p><w:r><w:t>Next</w:t></w:r></w:p></w:body>';
    expect(textOfXml(xml)).toBe('Siân Jones\nNext\n');
  });

  it('keeps the document properties apart, so a title does not run into the subject', () => {
    const xml = '<cp:coreProperties><dc:title>Quality Mark: evidence pack</dc:title><dc:subject>1 November 2025</dc:subject><dc:creator>Bench RJ Hub</dc:creator></cp:coreProperties>';
    const text = textOfXml(xml);
    expect(text).toContain('evidence pack\n1 November 2025\nBench RJ Hub');
    expect(text).not.toMatch(/pack1/);
  });

  it('keeps the category names of a chart apart, so two names are never read as one word', () => {
    const xml = '<c:cat><c:strRef><c:strCache><c:pt idx="0"><c:v>Alice</c:v></c:pt><c:pt idx="1"><c:v>Bob</c:v></c:pt></c:strCache></c:strRef></c:cat>';
    expect(textOfXml(xml).split(/\s+/).filter(Boolean)).toEqual(['Alice', 'Bob']);
  });

  it('reads the labels of a chart kept as SVG in the media folder, one label a line, as "a chart"', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Referrals by source</title><text x="0" y="9">Alice &amp; Co</text><text x="0" y="30">Bob</text></svg>';
    const docx = zipSync({ 'word/document.xml': strToU8('<w:document><w:body/></w:document>'), 'word/media/image1.svg': strToU8(svg), 'word/media/image1.png': new Uint8Array([137, 80, 78, 71]) });
    const chart = textOfDocx(docx).find((p) => p.where === 'a chart');
    expect(chart?.text.split('\n').filter(Boolean)).toEqual(['Referrals by source', 'Alice & Co', 'Bob']);
    expect(placeOf('word/media/image1.svg')).toBe('a chart');
  });
});
