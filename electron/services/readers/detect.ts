// Decides which reader a file needs: magic bytes first (names lie: .doc files are often RTF or HTML), extension second.
import { ACCEPTED, unreadable, unsupported } from './errors';

export type OutlineFormat = 'txt' | 'docx' | 'doc' | 'pdf' | 'html';

const TO_DOCX = '请用 Word 或 WPS 打开后“另存为” .docx 格式,再导入。';
const COPY_TO_WORD = '请把实施方案正文复制到 Word 中保存为 .docx 后再导入。';
const UNZIP_FIRST = '请先解压,再导入其中的 .docx、.doc、.pdf、.html 或 .txt 实施方案。';
const NOT_DOCX = '无法读取该 Word 文件:文件已损坏或不是真正的 Word 文档。请用 Word 或 WPS 打开确认,另存为新的 .docx 后再导入。';

/** Lower-cased extension with its dot (".docx"), or "" when the name has none. */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  return bytes.every((b, i) => buf[at + i] === b);
}

function asciiHead(buf: Uint8Array, n: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset, Math.min(n, buf.length)).toString('latin1');
}

function contains(buf: Uint8Array, needle: string, encoding: 'latin1' | 'utf16le' = 'latin1'): boolean {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.length).includes(Buffer.from(needle, encoding));
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** True for bytes that open like an HTML page (after a BOM and blank space), the way browsers sniff. */
function looksLikeHtml(buf: Uint8Array): boolean {
  const head = asciiHead(buf, 1024).replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (/^<!doctype\s+html/.test(head) || /^<html[\s>]/.test(head)) return true;
  // XHTML and Word's "save as web page" start with an XML declaration or a comment before <html>.
  return /^(<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)+(<!doctype\s+html|<html[\s>])/.test(head);
}

function detectZip(buf: Uint8Array, ext: string): OutlineFormat {
  // Entry names are stored uncompressed in the local and central headers, so a byte search finds them.
  if (contains(buf, 'word/')) return 'docx';
  const detail = `zip without word/ part, ext=${ext}`;
  if (contains(buf, 'xl/')) throw unsupported(ext, detail, 'Excel 表格', COPY_TO_WORD);
  if (contains(buf, 'ppt/')) throw unsupported(ext, detail, 'PowerPoint 演示文稿', COPY_TO_WORD);
  if (contains(buf, 'application/vnd.oasis.opendocument.text')) {
    throw unsupported(ext, detail, 'OpenDocument 文档', TO_DOCX);
  }
  if (ext === '.docx' || ext === '.docm' || ext === '.dotx') {
    throw unreadable(NOT_DOCX, detail);
  }
  throw unsupported(ext, detail, '压缩包', UNZIP_FIRST);
}

function detectOle(buf: Uint8Array, ext: string): OutlineFormat {
  // Stream names in the OLE directory are UTF-16LE; they tell a Word file from Excel, PowerPoint or an encrypted .docx.
  if (contains(buf, 'EncryptedPackage', 'utf16le')) {
    throw unreadable('该 Word 文件设置了打开密码,无法读取。请在 Word 或 WPS 中取消密码(文件 → 信息 → 保护文档)后另存,再导入。', 'OLE with EncryptedPackage stream (password-protected OOXML)');
  }
  if (contains(buf, 'WordDocument', 'utf16le')) return 'doc';
  const detail = `OLE compound file without WordDocument stream, ext=${ext}`;
  if (contains(buf, 'Workbook', 'utf16le') || contains(buf, 'Book', 'utf16le')) {
    throw unsupported(ext, detail, 'Excel 表格', COPY_TO_WORD);
  }
  if (contains(buf, 'PowerPoint Document', 'utf16le')) {
    throw unsupported(ext, detail, 'PowerPoint 演示文稿', COPY_TO_WORD);
  }
  if (ext === '.doc') {
    throw unreadable('无法读取该 Word 文件:文件已损坏或不是 Word 97-2003 文档。请用 Word 或 WPS 打开确认,另存为 .docx 后再导入。', detail);
  }
  throw unsupported(ext, detail);
}

/** Picks the reader for these bytes; throws AppError('unsupported_file' | 'unreadable_file') when none fits. */
export function detectFormat(buf: Uint8Array, fileName: string): OutlineFormat {
  const ext = extensionOf(fileName);
  const head = asciiHead(buf, 1024);

  // PDF allows junk before the header (some scanners and mail gateways add it), so look within the first KiB.
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(buf, ZIP) || startsWith(buf, ZIP_EMPTY)) return detectZip(buf, ext);
  if (startsWith(buf, OLE)) return detectOle(buf, ext);
  if (head.startsWith('{\\rtf')) throw unsupported(ext, 'RTF magic', 'RTF 文档', TO_DOCX);

  const image =
    startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(buf, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP');
  if (image) {
    throw unsupported(ext, 'image magic', undefined, `${ACCEPTED}如果手头只有扫描图片,请先用文字识别(OCR)转换为 Word 或文本。`);
  }
  const archive = head.startsWith('Rar!') || startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || startsWith(buf, [0x1f, 0x8b]);
  if (archive) throw unsupported(ext, 'archive magic', '压缩包', UNZIP_FIRST);
  if (/^MIME-Version:/i.test(head.trimStart()) || ext === '.mht' || ext === '.mhtml') {
    throw unsupported(ext, 'MHTML web archive', '网页存档', '请在浏览器中把网页另存为“网页,仅 HTML”(.html),或复制正文保存为 .txt 后再导入。');
  }
  // Systems that "export to Word" often write HTML with a .doc name; Word opens it, so must we.
  if (looksLikeHtml(buf)) return 'html';

  switch (ext) {
    case '.html':
    case '.htm':
    case '.xhtml':
    case '.shtml':
      return 'html';
    case '.txt':
    case '.text':
    case '':
      // A name without extension is most often text pasted and saved by hand; the text reader rejects binary.
      return 'txt';
    case '.pdf':
      throw unreadable('无法读取该 PDF 文件:文件已损坏或不完整。请重新下载或重新导出 PDF 后再导入。', 'no %PDF- header');
    case '.docx':
    case '.docm':
      throw unreadable(NOT_DOCX, 'no zip header');
    case '.doc':
      throw unreadable('无法读取该 Word 文件:文件已损坏或不是真正的 Word 文档。请用 Word 或 WPS 打开确认,另存为 .docx 后再导入。', 'no OLE header');
    default:
      throw unsupported(ext, `no known magic, ext=${ext}`);
  }
}
