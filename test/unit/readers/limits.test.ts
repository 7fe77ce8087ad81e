// Hostile files stop at a limit with a Chinese message; reading runs in a worker with a time budget and cancel.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutlineBuffer, readOutlineFile } from '../../../electron/services/readers/index';
import { LIMITS } from '../../../electron/services/readers/limits';
import { readAndParse } from '../../../electron/services/readers/run';
import { AppError } from '../../../shared/errors';
import { buildPdf, textPage } from './pdf-builder';
import { docxWith, flatePdf, wordDocument } from './hostile';
import { fixture } from './helpers';

async function limitError(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  const err = e as AppError;
  expect(err.code).toBe('too_large');
  expect(err.message).toMatch(/超出了可导入的范围/);
  return err;
}

const tmp = mkdtempSync(join(tmpdir(), 'limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reader limits', () => {
  it('a .docx that inflates to millions of paragraphs stops at the paragraph limit', async () => {
    const para = Buffer.from('<w:p><w:r><w:t>x</w:t></w:r></w:p>');
    const body = Buffer.alloc(para.length * (LIMITS.maxParagraphs + 10), para);
    const doc = Buffer.concat([Buffer.from(wordDocument('').replace('</w:body></w:document>', '')), body, Buffer.from('</w:body></w:document>')]);
    const file = docxWith(doc);
    expect(file.length).toBeLessThan(200_000);
    const e = await limitError(readOutlineBuffer(file, 'bomb.docx'));
    expect(e.detail).toMatch(/paragraphs/);
  });

  it('a .docx part that inflates past the size limit stops while inflating', async () => {
    const file = docxWith(Buffer.alloc(LIMITS.maxPartBytes + 1024 * 1024, 0x20));
    const e = await limitError(readOutlineBuffer(file, 'zeros.docx'));
    expect(e.detail).toMatch(/unpacked/);
  });

  it('a .docx with thousands of entries is refused before it is unpacked', async () => {
    const extra = Array.from({ length: LIMITS.maxZipEntries + 1 }, (_, i) => ({ name: `word/media/${i}.bin`, data: Buffer.from('x'), stored: true }));
    const e = await limitError(readOutlineBuffer(docxWith(wordDocument(''), extra), 'many.docx'));
    expect(e.detail).toMatch(/entries/);
  });

  it('deeply nested XML and HTML stop at the depth limit', async () => {
    const deep = '<w:sdt>'.repeat(LIMITS.maxDepth + 5);
    await limitError(readOutlineBuffer(docxWith(wordDocument(deep)), 'deep.docx'));
    const html = `<html><body>${'<div>'.repeat(LIMITS.maxDepth + 5)}一、总体要求</body></html>`;
    await limitError(readOutlineBuffer(Buffer.from(html), 'deep.html'));
  });

  it('a PDF whose compressed stream inflates to hundreds of MB is refused before pdf.js decodes it', async () => {
    const file = flatePdf(Buffer.alloc(LIMITS.maxPdfStreamBytes + 1024, 0x20));
    expect(file.length).toBeLessThan(100_000);
    const e = await limitError(readOutlineBuffer(file, 'bomb.pdf'));
    expect(e.detail).toMatch(/streams/);
  });

  it('a PDF with more pages than the limit is refused before its pages are read', async () => {
    const file = flatePdf(Buffer.from(textPage(['x'])), LIMITS.maxPdfPages + 1);
    const e = await limitError(readOutlineBuffer(file, 'pages.pdf'));
    expect(e.detail).toMatch(/pages/);
  });

  it('text past the character and line limits stops with a message', async () => {
    await limitError(readOutlineBuffer(Buffer.alloc(LIMITS.maxChars + 10, 'a'), 'long.txt'));
    await limitError(readOutlineBuffer(Buffer.alloc((LIMITS.maxParagraphs + 10) * 2, 'a\n'), 'lines.txt'));
  });

  it('a FIFO or a directory is refused before it is opened', async () => {
    const fifo = join(tmp, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO with no writer would block forever; the refusal must come from stat alone.
    await expect(readOutlineFile(fifo)).rejects.toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/不是普通文件/) });
    await expect(readOutlineFile(tmp)).rejects.toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/文件夹/) });
  });

  it('a normal PDF still reads within the limits', async () => {
    const doc = await readOutlineBuffer(buildPdf([textPage(['1. Measure one', '2. Measure two', 'More text for the page to read'])]), 'ok.pdf');
    expect(doc.text).toContain('Measure two');
  });
});

describe('reading in a worker thread', () => {
  it('reads and parses an outline off the calling thread, reporting progress', async () => {
    const steps: number[] = [];
    const r = await readAndParse(fixture('caoxian.docx'), 'caoxian.docx', { onProgress: (f) => steps.push(f) });
    expect(r.source.format).toBe('docx');
    expect(r.outline.documents.some((d) => d.items.length > 10)).toBe(true);
    expect(steps.length).toBeGreaterThan(1);
  });

  it('passes the reader message through for a bad file', async () => {
    await expect(readAndParse(Buffer.from('PK\x03\x04garbage'), 'x.docx')).rejects.toMatchObject({ code: 'unreadable_file' });
  });

  it('stops at the time budget and on cancel, with clear messages', async () => {
    const big = fixture('caoxian.pdf');
    await expect(readAndParse(big, 'caoxian.pdf', { timeBudgetMs: 5 })).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/读取时间过长/) });
    const abort = new AbortController();
    const p = readAndParse(big, 'caoxian.pdf', { signal: abort.signal });
    setTimeout(() => abort.abort(), 20);
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  });
});
