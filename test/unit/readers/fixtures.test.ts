// The office-made fixtures must yield every measure line of their seed, in each format.
import { describe, expect, it } from 'vitest';
import { readOutlineBuffer, readOutlineFile } from '../../../electron/services/readers';
import { fixturePath, fixture, measureLines, pdfComparable, seedText, squashSpaces } from './helpers';

const caoxianSeed = seedText('001_9b9a54170b52034a.txt');
const yanchengSeed = seedText('003_244a23676422eee3.txt');
const caoxianMeasures = measureLines(caoxianSeed);
const yanchengMeasures = measureLines(yanchengSeed);

/** First ten characters of each measure, whitespace normalised: enough to identify it, short enough not to cross a line break. */
function heads(measures: string[]): string[] {
  return measures.map((m) => [...squashSpaces(m)].slice(0, 10).join(''));
}

function missingHeads(text: string, measures: string[]): string[] {
  const hay = squashSpaces(text);
  return heads(measures).filter((h) => !hay.includes(h));
}

describe('seed measure lines', () => {
  it('are counted as the README says', () => {
    expect(caoxianMeasures).toHaveLength(37);
    expect(yanchengMeasures).toHaveLength(23);
  });
});

describe('fixtures made by office tools', () => {
  it('reads caoxian.docx with all 37 measures, one paragraph per line', async () => {
    const doc = await readOutlineFile(fixturePath('caoxian.docx'));
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBeNull();
    expect(missingHeads(doc.text, caoxianMeasures)).toEqual([]);
    // Paragraphs stay whole: every measure line of the seed is a line of the output.
    const lines = new Set(doc.text.split('\n').map(squashSpaces));
    expect(caoxianMeasures.filter((m) => !lines.has(squashSpaces(m)))).toEqual([]);
    expect(doc.text).not.toMatch(/\r/);
  });

  it('reads caoxian.html with all 37 measures as whole lines', async () => {
    const doc = await readOutlineFile(fixturePath('caoxian.html'));
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    const lines = new Set(doc.text.split('\n').map(squashSpaces));
    expect(caoxianMeasures.filter((m) => !lines.has(squashSpaces(m)))).toEqual([]);
    expect(doc.text).not.toMatch(/font-family|<p>|&gt;/);
    expect(doc.text).toContain('>>当前位置');
  });

  it('reads caoxian.pdf: every measure start is in the text once whitespace and radicals are normalised', async () => {
    const doc = await readOutlineFile(fixturePath('caoxian.pdf'));
    expect(doc.format).toBe('pdf');
    expect(doc.encoding).toBeNull();
    const hay = pdfComparable(doc.text);
    const missing = caoxianMeasures.map((m) => [...pdfComparable(m)].slice(0, 10).join('')).filter((h) => !hay.includes(h));
    expect(missing).toEqual([]);
    // Lines are rebuilt: many short lines, not one blob per page.
    expect(doc.text.split('\n').length).toBeGreaterThan(200);
    // Characters are kept as pdf.js gives them; normalising radicals is the parser's job.
    expect(doc.text).toMatch(/[\u2f00-\u2fdf]/);
  });

  it('reads yancheng.doc with all 23 measures and keeps Chinese punctuation', async () => {
    const doc = await readOutlineFile(fixturePath('yancheng.doc'));
    expect(doc.format).toBe('doc');
    expect(missingHeads(doc.text, yanchengMeasures)).toEqual([]);
    expect(doc.text).not.toMatch(/\r/);
    // word-extractor's default filter would turn “” into ASCII quotes.
    expect(doc.text).toContain('“放管服”');
  });

  it('reads yancheng-gb18030.txt as exactly the UTF-8 seed', async () => {
    const doc = await readOutlineFile(fixturePath('yancheng-gb18030.txt'));
    expect(doc.format).toBe('txt');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe(yanchengSeed.replace(/\r\n?/g, '\n'));
    expect(missingHeads(doc.text, yanchengMeasures)).toEqual([]);
  });

  it('reports size and sha256 of the raw bytes', async () => {
    const bytes = fixture('caoxian.docx');
    const a = await readOutlineFile(fixturePath('caoxian.docx'));
    const b = await readOutlineBuffer(new Uint8Array(bytes), 'renamed.docx');
    expect(a.size).toBe(bytes.length);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(b.fileName).toBe('renamed.docx');
    expect(a.fileName).toBe('caoxian.docx');
    const other = await readOutlineFile(fixturePath('caoxian.html'));
    expect(other.sha256).not.toBe(a.sha256);
  });

  it('leaves the caller’s buffer intact after reading a PDF (pdf.js detaches what it is given)', async () => {
    const bytes = new Uint8Array(fixture('caoxian.pdf'));
    await readOutlineBuffer(bytes, 'caoxian.pdf');
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
