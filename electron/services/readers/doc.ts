// Reads legacy Word 97-2003 .doc (OLE compound file) through word-extractor.
import WordExtractor from 'word-extractor';
import { describe, unreadable } from './errors';
import { normaliseLineEnds } from './encoding';

export async function readDoc(buf: Uint8Array): Promise<string> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(buf.buffer, buf.byteOffset, buf.length));
    // filterUnicode:false keeps “”, — and full-width forms; the default turns them into ASCII and changes the text.
    body = (doc.getBody as (o?: { filterUnicode?: boolean }) => string).call(doc, { filterUnicode: false });
  } catch (e) {
    throw unreadable(
      '无法读取该 Word 文件:文件已损坏、设置了密码,或是 Word 95 等更早的格式。请用 Word 或 WPS 打开后“另存为” .docx,再导入。',
      `word-extractor: ${describe(e)}`,
    );
  }
  // Table cells end in a cell mark that becomes \t, so every row would end in a stray tab.
  return normaliseLineEnds(body)
    .replace(/\t+$/gm, '')
    .replace(/\u2011/g, '-');
}
