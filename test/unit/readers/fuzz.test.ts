// Fuzzes every outline reader with generated and mutated files: each must end in a result or a clear Chinese message, in bounded time and memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutlineBuffer, readOutlineFile } from '../../../electron/services/readers/index';
import { LIMITS } from '../../../electron/services/readers/limits';
import { AppError } from '../../../shared/errors';
import { buildDocx, p } from './docx-builder';
import { buildPdf, textPage } from './pdf-builder';
import { buildZip, docxWith, flatePdf, wordDocument } from './hostile';
import { fixture } from './helpers';

const PER_FORMAT = 1000;
/** Any single input taking longer than this is a hang in the making. */
const MAX_MS = 15_000;
const HAN = /[\u4e00-\u9fff]/;

/** Small deterministic PRNG (mulberry32), so a failing input can be regenerated from its index. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const bytes = (r: Rand, n: number) => Buffer.from(Array.from({ length: n }, () => int(r, 256)));

/** One random damage to a file: flipped bits, a cut, a spliced or repeated chunk, inserted junk. */
function mutate(r: Rand, src: Buffer): Buffer {
  const b = Buffer.from(src);
  switch (int(r, 6)) {
    case 0: {
      for (let i = 0, n = 1 + int(r, 20); i < n; i++) b[int(r, b.length)]! ^= 1 << int(r, 8);
      return b;
    }
    case 1:
      return b.subarray(0, int(r, b.length));
    case 2: {
      const at = int(r, b.length);
      return Buffer.concat([b.subarray(0, at), bytes(r, 1 + int(r, 64)), b.subarray(at)]);
    }
    case 3: {
      const at = int(r, b.length);
      const len = Math.min(b.length - at, 1 + int(r, 512));
      return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at)]);
    }
    case 4: {
      const at = int(r, b.length);
      return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(r, 256))]);
    }
    default: {
      for (let i = 0, n = 1 + int(r, 8); i < n; i++) b[int(r, b.length)] = int(r, 256);
      return b;
    }
  }
}

const SEED_TXT = fixture('003_244a23676422eee3.txt');
const SEED_GB = fixture('yancheng-gb18030.txt');
const SEED_HTML = fixture('caoxian.html');
const SEED_DOCX = fixture('caoxian.docx');
const SEED_DOC = fixture('yancheng.doc');
const SEED_PDF_BIG = fixture('caoxian.pdf');
const SEED_PDF = buildPdf([textPage(['1. Measure one is carried out', '2. Measure two is carried out', 'Lead: the office']), textPage(['3. Measure three'])]);

function txtInput(r: Rand, i: number): Buffer {
  switch (i % 8) {
    case 0:
      return mutate(r, SEED_TXT);
    case 1:
      return mutate(r, SEED_GB);
    case 2:
      return bytes(r, 1 + int(r, 4096));
    case 3: // invalid UTF-8: lone continuation bytes and cut sequences among Chinese text
      return Buffer.concat([SEED_TXT.subarray(0, int(r, 2000)), Buffer.from([0x80, 0xe4, 0xb8, 0xc0, 0xff]), SEED_TXT.subarray(int(r, 2000), 4000)]);
    case 4: // UTF-16 with an odd length and a BOM
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TXT.toString('utf8').slice(0, 500 + int(r, 500)), 'utf16le'), Buffer.from([0x41])]);
    case 5: // one enormous line
      return Buffer.alloc(200_000 + int(r, 2_000_000), i % 16 === 5 ? 'a' : '一');
    case 6:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(r, int(r, 512))]);
    default:
      return Buffer.from(Array.from({ length: 1 + int(r, 3000) }, () => (r() < 0.5 ? '\n' : r() < 0.5 ? '\r' : '一、')).join(''));
  }
}

const TAGS = ['div', 'p', 'table', 'tr', 'td', 'span', 'b', 'br', 'li', 'ul', 'pre', 'script', 'style', 'th', 'tbody'];
function tagSoup(r: Rand, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) {
    const t = TAGS[int(r, TAGS.length)]!;
    const x = r();
    if (x < 0.35) s += `<${t}${r() < 0.2 ? ` rowspan="${int(r, 5000)}" colspan="${int(r, 500)}"` : ''}${r() < 0.1 ? ' style="display:none"' : ''}>`;
    else if (x < 0.6) s += `</${t}>`;
    else if (x < 0.7) s += ['&amp;', '&#x4E00;', '&#99999999;', '&nbsp;', '&bogus;', '&'][int(r, 6)];
    else s += ['一、总体要求', '(一)', '1.', ' ', '\n', '<', '>', '"', "'"][int(r, 9)];
  }
  return s;
}

function htmlInput(r: Rand, i: number): Buffer {
  switch (i % 6) {
    case 0:
    case 1:
      return mutate(r, SEED_HTML);
    case 2:
      return Buffer.from(`<html><body>${tagSoup(r, 50 + int(r, 3000))}</body></html>`);
    case 3: // deep nesting, closed or not
      return Buffer.from(`<!doctype html><html><body>${'<div><span>'.repeat(int(r, 2 * LIMITS.maxDepth))}一、总体要求`);
    case 4: // unclosed declarations and conditionals that a greedy pattern re-scans
      return Buffer.from(`<html>${'<!doctype x'.repeat(200 + int(r, 5000))}${'<![if !supportLists]'.repeat(int(r, 2000))}一、总体要求</html>`);
    default: // a declared charset that lies
      return Buffer.concat([Buffer.from(`<html><head><meta charset="${['gbk', 'utf-8', 'big5', 'x-nonsense', 'utf-16'][int(r, 5)]}"></head><body>`), bytes(r, int(r, 3000)), Buffer.from('</body></html>')]);
  }
}

const DOCX_BUILT = buildDocx({ body: ['一、总体要求', '(一)工作目标', '1.明确政府职能定位。牵头单位:区政府办公室'].map((t) => p(t)).join('') });

async function docxInputs(): Promise<(r: Rand, i: number) => Buffer> {
  const built = await DOCX_BUILT;
  return (r, i) => {
    switch (i % 8) {
      case 0:
      case 1:
        return mutate(r, SEED_DOCX);
      case 2:
        return mutate(r, built);
      case 3: // random WordprocessingML
        return docxWith(wordDocument(tagSoup(r, 200).replace(/<(\/?)(\w+)/g, '<$1w:$2')));
      case 4: // entity expansion ("billion laughs"): a DOCTYPE must never be expanded
        return docxWith(`<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${wordDocument(`<w:p><w:r><w:t>${'&c;'.repeat(1 + int(r, 1000))}</w:t></w:r></w:p>`).replace(/^<\?xml[^>]*>/, '')}`);
      case 5: // deep nesting
        return docxWith(wordDocument(`${'<w:tbl><w:tr><w:tc>'.repeat(int(r, LIMITS.maxDepth))}<w:p><w:r><w:t>一、</w:t></w:r></w:p>`));
      case 6: // hostile numbers in numbering and table grids
        return docxWith(wordDocument(`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="${int(r, 1e9)}"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="${int(r, 1e9)}"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`));
      default: // random bytes and broken zip structure
        return r() < 0.5 ? Buffer.concat([Buffer.from('PK\x03\x04'), bytes(r, int(r, 2000))]) : buildZip([{ name: 'word/document.xml', data: bytes(r, int(r, 2000)), stored: r() < 0.5 }]);
    }
  };
}

function docInput(r: Rand, i: number): Buffer {
  if (i % 4 === 3) {
    // An OLE header and a WordDocument stream name, then junk: gets past format detection into the .doc reader.
    const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return Buffer.concat([head, bytes(r, 500 + int(r, 4000)), Buffer.from('WordDocument', 'utf16le'), bytes(r, int(r, 4000))]);
  }
  return mutate(r, SEED_DOC);
}

function pdfInput(r: Rand, i: number): Buffer {
  switch (i % 10) {
    case 0:
      // The real 700 KB PDF is slow to read whole; a few of its damaged copies, the rest built small.
      return i % 250 === 0 ? mutate(r, SEED_PDF_BIG) : mutate(r, SEED_PDF);
    case 1:
    case 2:
    case 3:
      return mutate(r, SEED_PDF);
    case 4: // a page count that lies
      return Buffer.from(SEED_PDF.toString('latin1').replace(/\/Count \d+/, `/Count ${[0, -1, 1e9, 2 ** 31, 99999][int(r, 5)]}`), 'latin1');
    case 5: // a page tree that points at itself
      return Buffer.from(SEED_PDF.toString('latin1').replace(/\/Kids \[[^\]]*\]/, '/Kids [2 0 R 2 0 R]'), 'latin1');
    case 6: // compressed text operators, some of them a bomb
      return flatePdf(i % 60 === 6 ? Buffer.alloc(LIMITS.maxPdfStreamBytes + 1, 0x20) : Buffer.from(`BT /F1 12 Tf ${'(x) Tj '.repeat(1 + int(r, 20000))} ET`));
    case 7:
      return Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes(r, int(r, 5000))]);
    case 8: // many pages sharing one stream
      return flatePdf(Buffer.from(textPage(['1. Measure'])), i % 100 === 8 ? LIMITS.maxPdfPages + 1 + int(r, 50) : 1 + int(r, 40));
    default: // damaged xref and trailer
      return Buffer.from(SEED_PDF.toString('latin1').replace(/startxref\n\d+/, `startxref\n${int(r, 1e7)}`), 'latin1');
  }
}

interface Figures {
  format: string;
  inputs: number;
  results: number;
  messages: number;
  worstMs: number;
  worstRssMb: number;
  /** CPU seconds for the whole format (wall time depends on what else the machine runs). */
  cpuS: number;
}

async function fuzz(format: string, fileName: string, make: (r: Rand, i: number) => Buffer): Promise<Figures> {
  const r = rng(0x5eed + format.length * 7919);
  const base = process.memoryUsage().rss;
  const f: Figures = { format, inputs: 0, results: 0, messages: 0, worstMs: 0, worstRssMb: 0, cpuS: 0 };
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < PER_FORMAT; i++) {
    const input = make(r, i);
    const t0 = performance.now();
    try {
      const doc = await readOutlineBuffer(input, fileName);
      expect(doc.text.trim()).not.toBe('');
      f.results++;
    } catch (e) {
      if (!(e instanceof AppError)) throw new Error(`${format} input #${i} threw a raw ${String(e)}`);
      expect(e.message, `${format} input #${i}`).toMatch(HAN);
      expect(e.code).not.toBe('internal');
      f.messages++;
    }
    const ms = performance.now() - t0;
    expect(ms, `${format} input #${i} took ${ms} ms`).toBeLessThan(MAX_MS);
    f.inputs++;
    if (ms > 1000 && process.env.FUZZ_SLOW) process.stdout.write(`slow ${format} #${i} ${Math.round(ms)} ms\n`);
    f.worstMs = Math.max(f.worstMs, ms);
    if (i % 25 === 0) f.worstRssMb = Math.max(f.worstRssMb, (process.memoryUsage().rss - base) / 2 ** 20);
  }
  const cpu = process.cpuUsage(cpu0);
  f.cpuS = +((cpu.user + cpu.system) / 1e6).toFixed(1);
  f.worstMs = Math.round(f.worstMs);
  f.worstRssMb = Math.round(f.worstRssMb);
  process.stdout.write(`${JSON.stringify({ fuzz: f })}\n`);
  return f;
}

const tmp = mkdtempSync(join(tmpdir(), 'fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reader fuzzing', () => {
  it('txt', async () => expect((await fuzz('txt', 'a.txt', txtInput)).inputs).toBe(PER_FORMAT), 120_000);
  it('html', async () => expect((await fuzz('html', 'a.html', htmlInput)).inputs).toBe(PER_FORMAT), 120_000);
  it('docx', async () => expect((await fuzz('docx', 'a.docx', await docxInputs())).inputs).toBe(PER_FORMAT), 120_000);
  it('doc', async () => expect((await fuzz('doc', 'a.doc', docInput)).inputs).toBe(PER_FORMAT), 120_000);
  it('pdf', async () => expect((await fuzz('pdf', 'a.pdf', pdfInput)).inputs).toBe(PER_FORMAT), 120_000);

  it('non-regular files (FIFOs, directories, devices) are refused before they are opened', async () => {
    let refused = 0;
    for (let i = 0; i < 20; i++) {
      const fifo = join(tmp, `pipe${i}.docx`);
      execFileSync('mkfifo', [fifo]);
      await expect(readOutlineFile(fifo)).rejects.toMatchObject({ code: 'unreadable_file' });
      refused++;
    }
    await expect(readOutlineFile('/dev/zero')).rejects.toMatchObject({ code: 'unreadable_file' });
    await expect(readOutlineFile(tmp)).rejects.toMatchObject({ code: 'unreadable_file' });
    expect(refused).toBe(20);
  });
});
