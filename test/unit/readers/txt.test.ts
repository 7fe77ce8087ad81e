// Text files in every encoding and line-end convention offices produce decode to the same string.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutlineBuffer, readOutlineFile } from '../../../electron/services/readers';
import { decodeText, normaliseLineEnds } from '../../../electron/services/readers/encoding';
import { expectAppError, fixture, seedText } from './helpers';
import { removeDir, tempDir } from '../../helpers/temp';

const seed = seedText('003_244a23676422eee3.txt').replace(/\r\n?/g, '\n');

function utf16(text: string, be: boolean, bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (be) le.swap16();
  return le;
}

describe('plain-text variants', () => {
  const tmp = tempDir('fazhi-readers-');
  afterAll(() => removeDir(tmp));

  const variants: [string, Buffer, string][] = [
    ['utf8.txt', Buffer.from(seed, 'utf8'), 'utf-8'],
    ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]), 'utf-8'],
    ['utf8-crlf.txt', Buffer.from(seed.replace(/\n/g, '\r\n'), 'utf8'), 'utf-8'],
    ['utf8-cr.txt', Buffer.from(seed.replace(/\n/g, '\r'), 'utf8'), 'utf-8'],
    ['utf16le-bom.txt', utf16(seed.replace(/\n/g, '\r\n'), false, true), 'utf-16le'],
    ['utf16be-bom.txt', utf16(seed.replace(/\n/g, '\r\n'), true, true), 'utf-16be'],
    ['utf16le-nobom.txt', utf16(seed, false, false), 'utf-16le'],
    ['utf16be-nobom.txt', utf16(seed.replace(/\n/g, '\r'), true, false), 'utf-16be'],
  ];

  for (const [name, bytes, encoding] of variants) {
    it(`decodes ${name} to the seed and reports ${encoding}`, async () => {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      const doc = await readOutlineFile(file);
      expect(doc.format).toBe('txt');
      expect(doc.encoding).toBe(encoding);
      expect(doc.text).toBe(seed);
      expect(doc.size).toBe(bytes.length);
    });
  }

  it('decodes GB18030 with CRLF, and a CR-only copy of it, to the seed', async () => {
    const crlf = fixture('yancheng-gb18030.txt');
    const crOnly = Buffer.from(crlf.toString('latin1').replace(/\r\n/g, '\r'), 'latin1');
    for (const bytes of [crlf, crOnly]) {
      const doc = await readOutlineBuffer(bytes, '计划.txt');
      expect(doc.encoding).toBe('gb18030');
      expect(doc.text).toBe(seed);
    }
  });

  it('reads GBK-only characters (outside GB2312) through the gb18030 decoder', () => {
    // 瑢 (0xAC8C in GBK) is not in GB2312; files labelled or guessed as GB2312 still contain such names.
    const bytes = Buffer.from('b8bad4f0c8cba3bacdf5ac8c0d0a', 'hex');
    expect(decodeText(bytes)).toEqual({ text: '\u8d1f\u8d23\u4eba\uff1a\u738b\u7462\n', encoding: 'gb18030' });
  });

  it('tells Big5 (traditional characters) from GBK, also for traditional text saved as GBK', () => {
    // Escapes, because the full-width colon and comma are what tell the two encodings apart.
    const text = '\u4e00\u3001\u4f9d\u6cd5\u884c\u653f\u3002\u8cac\u4efb\u55ae\u4f4d\uff1a\u6cd5\u5236\u8fa6\uff0c\u6e1b\u5c11\u5be9\u6279\u74b0\u7bc0\uff0c\u63d0\u9ad8\u6548\u7387\u3002\n';
    const big5 = Buffer.from('a440a142a8ccaa6ba6e6ac46a143b364a5f4b3e6a6eca147aa6ba8eebfeca141b4eea4d6bc66a7e5c0f4b860a141b4a3b0aaaec4b276a1430d0a', 'hex');
    const gbk = Buffer.from('d2bba1a2d2c0b7a8d0d0d5fea1a3d89fc8ce86cecebba3bab7a8d6c6de6ba3ac9c70c9d98c8fc5faad68b99da3accce1b8dfd0a7c2caa1a30d0a', 'hex');
    expect(decodeText(big5)).toEqual({ text, encoding: 'big5' });
    expect(decodeText(gbk)).toEqual({ text, encoding: 'gb18030' });
  });

  it('keeps a UTF-8 file that was cut off mid-character as UTF-8 rather than GB18030 mojibake', () => {
    const bytes = Buffer.from(seed, 'utf8');
    // Cut inside a multi-byte character: strict UTF-8 fails on the last bytes only.
    let end = 3000;
    while ((bytes[end]! & 0xc0) !== 0x80) end++;
    const d = decodeText(bytes.subarray(0, end));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.slice(0, 100)).toBe(seed.slice(0, 100));
  });

  it('normalises every kind of line end', () => {
    expect(normaliseLineEnds('a\r\nb\rc\nd\u2028e\u2029f\fg')).toBe('a\nb\nc\nd\ne\nf\ng');
  });

  it('rejects binary bytes under a .txt name as unreadable', async () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const err = await expectAppError(readOutlineBuffer(garbage, 'outline.txt'), 'unreadable_file');
    expect(err.message).toMatch(/不是文本文件/);
  });

  it('rejects high-byte noise without NULs under a .txt name', async () => {
    const noise = Buffer.alloc(2048, 0xff);
    await expectAppError(readOutlineBuffer(noise, 'outline.txt'), 'unreadable_file');
  });

  it('treats a text file of only blank lines as empty', async () => {
    await expectAppError(readOutlineBuffer(Buffer.from('\r\n  \r\n\t\n'), 'blank.txt'), 'empty_file');
    await expectAppError(readOutlineBuffer(Buffer.from([0xef, 0xbb, 0xbf]), 'bom-only.txt'), 'empty_file');
  });
});
