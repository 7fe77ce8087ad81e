// Every bad input ends in an AppError with the right code and a Chinese sentence; nothing else escapes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { readOutlineBuffer, readOutlineFile } from '../../../electron/services/readers';
import { buildPdf, SCAN_PAGE, textPage } from './pdf-builder';
import { expectAppError, fixturePath, fixture } from './helpers';
import { removeDir, tempDir } from '../../helpers/temp';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function oleWithStreams(...names: string[]): Buffer {
  return Buffer.concat([OLE, Buffer.alloc(504), ...names.map((n) => Buffer.from(n, 'utf16le')), Buffer.alloc(1024)]);
}

describe('unsupported files', () => {
  it('names the extension and the accepted formats for a PNG', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
    const err = await expectAppError(readOutlineBuffer(png, '扫描件.png'), 'unsupported_file');
    expect(err.message.startsWith('不支持该文件格式（.png）。请导入 .docx、.doc、.pdf、.html 或 .txt 格式的实施方案。')).toBe(true);
  });

  it('rejects an .xls and a PowerPoint file (OLE without a WordDocument stream)', async () => {
    const xls = await expectAppError(readOutlineBuffer(oleWithStreams('Workbook', 'SummaryInformation'), '台账.xls'), 'unsupported_file');
    expect(xls.message).toContain('（.xls）');
    expect(xls.message).toContain('Excel');
    await expectAppError(readOutlineBuffer(oleWithStreams('PowerPoint Document'), '汇报.ppt'), 'unsupported_file');
  });

  it('rejects a JPEG renamed to .docx by its content', async () => {
    const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    await expectAppError(readOutlineBuffer(jpg, '方案.docx'), 'unsupported_file');
  });

  it('rejects RTF saved with a .doc name, and says how to convert it', async () => {
    const err = await expectAppError(readOutlineBuffer(Buffer.from('{\\rtf1\\ansi 1.明确政府职能定位。}'), '方案.doc'), 'unsupported_file');
    expect(err.message).toContain('RTF');
    expect(err.message).toContain('.docx');
  });

  it('rejects unknown extensions and archives', async () => {
    await expectAppError(readOutlineBuffer(Buffer.from('plain words'), 'notes.md'), 'unsupported_file');
    await expectAppError(readOutlineBuffer(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), 'x.gz'), 'unsupported_file');
    await expectAppError(readOutlineBuffer(Buffer.from('Rar!\x1a\x07\x00', 'latin1'), '材料.rar'), 'unsupported_file');
    await expectAppError(readOutlineBuffer(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n'), '网页.mht'), 'unsupported_file');
  });
});

describe('empty and unreadable files', () => {
  const tmp = tempDir('fazhi-readers-');
  afterAll(() => removeDir(tmp));

  it('reports a zero-byte file as empty, whatever its name', async () => {
    for (const name of ['a.txt', 'a.docx', 'a.pdf', 'a.doc', 'a.html', 'a.png']) {
      await expectAppError(readOutlineBuffer(Buffer.alloc(0), name), 'empty_file');
    }
    const file = path.join(tmp, 'empty.docx');
    writeFileSync(file, '');
    await expectAppError(readOutlineFile(file), 'empty_file');
  });

  it('reports an HTML page with no visible text as empty', async () => {
    await expectAppError(readOutlineBuffer(Buffer.from('<html><head><title>t</title></head><body><script>x()</script></body></html>'), 'a.html'), 'empty_file');
  });

  it('reports a missing file and a directory as unreadable', async () => {
    const missing = await expectAppError(readOutlineFile(path.join(tmp, 'nope.docx')), 'unreadable_file');
    expect(missing.message).toContain('找不到');
    const dir = path.join(tmp, '实施方案');
    mkdirSync(dir);
    const isDir = await expectAppError(readOutlineFile(dir), 'unreadable_file');
    expect(isDir.message).toContain('文件夹');
  });

  it('rejects files larger than maxBytes before reading them', async () => {
    const err = await expectAppError(readOutlineFile(fixturePath('caoxian.pdf'), { maxBytes: 1024 }), 'too_large');
    expect(err.message).toContain('MB');
    await expectAppError(readOutlineBuffer(fixture('caoxian.docx'), 'caoxian.docx', { maxBytes: 100 }), 'too_large');
    // The default limit is 50 MiB: a 710 KB PDF is fine.
    await expect(readOutlineFile(fixturePath('yancheng.doc'))).resolves.toMatchObject({ format: 'doc' });
  });

  it('rejects a password-protected .docx (an OLE file holding EncryptedPackage)', async () => {
    const err = await expectAppError(readOutlineBuffer(oleWithStreams('EncryptionInfo', 'EncryptedPackage'), '加密.docx'), 'unreadable_file');
    expect(err.message).toContain('密码');
  });

  it('rejects a corrupt .doc: truncated, and garbage behind a valid header', async () => {
    const doc = fixture('yancheng.doc');
    await expectAppError(readOutlineBuffer(doc.subarray(0, 1500), 'cut.doc'), 'unreadable_file');
    await expectAppError(readOutlineBuffer(oleWithStreams('WordDocument', '1Table'), 'junk.doc'), 'unreadable_file');
    await expectAppError(readOutlineBuffer(Buffer.from('这不是 Word 文件'), 'fake.doc'), 'unreadable_file');
  });

  it('rejects a corrupt .pdf: no header, and a header followed by garbage', async () => {
    await expectAppError(readOutlineBuffer(Buffer.from('not a pdf at all'), 'a.pdf'), 'unreadable_file');
    await expectAppError(readOutlineBuffer(Buffer.from('%PDF-1.7\n\x00\x01\x02 garbage garbage\n%%EOF', 'latin1'), 'b.pdf'), 'unreadable_file');
  });

  it('says a PDF without a text layer is a scan that must be converted first', async () => {
    const err = await expectAppError(readOutlineBuffer(buildPdf([SCAN_PAGE, SCAN_PAGE, SCAN_PAGE]), '扫描件.pdf'), 'unreadable_file');
    expect(err.message).toContain('扫描件');
    expect(err.message).toMatch(/Word|文本/);
  });

  it('reads a small PDF with a text layer and rebuilds its lines', async () => {
    const doc = await readOutlineBuffer(buildPdf([textPage(['1. Define the duties of government.', '2. Deepen the reform of approvals.'])]), 'en.pdf');
    expect(doc.text.split('\n')).toEqual(['1. Define the duties of government.', '2. Deepen the reform of approvals.']);
  });
});

describe('no raw exception escapes', () => {
  const isReadResult = (r: unknown) => typeof (r as { text?: unknown }).text === 'string';

  async function outcome(bytes: Uint8Array, name: string): Promise<'ok' | 'app-error'> {
    try {
      const r = await readOutlineBuffer(bytes, name);
      expect(isReadResult(r)).toBe(true);
      return 'ok';
    } catch (e) {
      if (e instanceof AppError) return 'app-error';
      throw new Error(`raw ${String(e)} escaped for ${name}`);
    }
  }

  it('random bytes under any supported name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 2048 }),
        fc.constantFrom('a.txt', 'a.docx', 'a.doc', 'a.pdf', 'a.html', 'a', 'a.xls'),
        async (bytes, name) => {
          await outcome(bytes, name);
        },
      ),
      { numRuns: 150 },
    );
  });

  for (const [name, runs] of [['caoxian.docx', 40], ['yancheng.doc', 40], ['caoxian.html', 20], ['yancheng-gb18030.txt', 20], ['caoxian.pdf', 6]] as const) {
    it(`truncated or byte-flipped copies of ${name}`, async () => {
      const original = fixture(name);
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: original.length - 1 }),
          fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
          fc.boolean(),
          async (cut, flips, truncate) => {
            const bytes = Buffer.from(truncate ? original.subarray(0, cut) : original);
            for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
            await outcome(bytes, name);
          },
        ),
        { numRuns: runs },
      );
    });
  }
});
