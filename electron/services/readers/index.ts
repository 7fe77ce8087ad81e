// Entry point of the outline readers: any supported file (or dropped bytes) in, plain text with \n line ends out.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AppError, isAppError } from '../../../shared/errors';
import { detectFormat, type OutlineFormat } from './detect';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { normaliseLineEnds } from './encoding';
import { describe, emptyFile, tooLarge, unreadable } from './errors';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { checkText } from './limits';
import { readTxt } from './txt';
import { readXlsx } from './xlsx';

export type { OutlineFormat } from './detect';

export interface ReadDocument {
  text: string;
  format: OutlineFormat;
  /** Detected text encoding for .txt/.html ('utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'); null for binary formats. */
  encoding: string | null;
  /** Hex SHA-256 of the raw bytes, so the same file imported twice is recognised. */
  sha256: string;
  size: number;
  fileName: string;
}

export interface ReadOptions {
  /** Largest file accepted, in bytes; default 50 MiB. */
  maxBytes?: number;
  /** Told how far reading has come (0..1), for the progress bar. */
  onProgress?: (fraction: number) => void;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function readOutlineFile(path: string, opts?: ReadOptions): Promise<ReadDocument> {
  const fileName = basename(path);
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  let buf: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw unreadable(`“${fileName}”是一个文件夹,不是文件。请选择文件夹中的实施方案文件再导入。`, `EISDIR ${path}`);
    }
    if (!st.isFile()) {
      throw unreadable(`“${fileName}”不是普通文件,无法读取。请选择实施方案文件再导入。`, `not a regular file ${path}`);
    }
    // Check the size before reading so a 4 GB video dragged in by mistake is never loaded into memory.
    if (st.size > maxBytes) throw tooLarge(fileName, st.size, maxBytes);
    buf = await readFile(path);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw fileAccessError(fileName, e);
  }
  return readOutlineBuffer(buf, fileName, opts);
}

export async function readOutlineBuffer(buf: Buffer | Uint8Array, fileName: string, opts?: ReadOptions): Promise<ReadDocument> {
  try {
    return await readBytes(buf, fileName, opts?.maxBytes ?? DEFAULT_MAX_BYTES, opts?.onProgress);
  } catch (e) {
    if (isAppError(e)) throw e;
    // Whatever a library throws, the clerk gets a sentence, and the log gets the detail.
    throw unreadable(`无法读取文件“${fileName}”:文件可能已损坏。请用原来的软件打开确认,另存后再导入。`, `unexpected: ${describe(e)}`);
  }
}

async function readBytes(buf: Uint8Array, fileName: string, maxBytes: number, onProgress?: (fraction: number) => void): Promise<ReadDocument> {
  const size = buf.byteLength;
  if (size > maxBytes) throw tooLarge(fileName, size, maxBytes);
  if (size === 0) throw emptyFile(fileName, 'size=0');
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const format = detectFormat(buf, fileName);

  let text: string;
  let encoding: string | null = null;
  switch (format) {
    case 'txt': {
      const d = readTxt(buf);
      text = d.text;
      encoding = d.encoding;
      break;
    }
    case 'html': {
      const d = readHtml(buf);
      text = d.text;
      encoding = d.encoding;
      break;
    }
    case 'docx':
      text = await readDocx(buf);
      break;
    case 'doc':
      text = await readDoc(buf);
      break;
    case 'pdf':
      text = await readPdf(buf, onProgress && ((done, total) => onProgress(done / total)));
      break;
  }
  checkText(text);
  text = normaliseLineEnds(text).replace(/^\ufeff/, '');
  if (text.trim() === '') throw emptyFile(fileName, `format=${format} no text after extraction`);
  return { text, format, encoding, sha256, size, fileName };
}

/** Formats whose words the evidence preview shows (an outline is never read from them). */
export type EvidenceTextFormat = 'docx' | 'xlsx';

/** Which text preview a stored evidence file gets, by its name and its first bytes (a zip package). */
export function evidenceTextFormat(fileName: string, head?: Uint8Array): EvidenceTextFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext !== 'docx' && ext !== 'xlsx') return null;
  if (head && !(head[0] === 0x50 && head[1] === 0x4b)) return null;
  return ext;
}

/** The words of a Word or Excel evidence file, within the same limits as an outline. */
export async function readEvidenceText(buf: Uint8Array, fileName: string): Promise<string> {
  const format = evidenceTextFormat(fileName, buf);
  if (!format) throw unreadable(`“${fileName}”不是 Word(.docx)或 Excel(.xlsx)文件,无法显示文字预览。请下载后用相应软件打开。`, 'no text format');
  try {
    const text = format === 'docx' ? await readDocx(buf) : await readXlsx(buf);
    checkText(text);
    return normaliseLineEnds(text).replace(/^\ufeff/, '');
  } catch (e) {
    if (isAppError(e)) throw e;
    throw unreadable(`无法读取文件“${fileName}”:文件可能已损坏。请下载后用 Word、Excel 或 WPS 打开确认。`, `unexpected: ${describe(e)}`);
  }
}

function fileAccessError(fileName: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const detail = describe(e);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return unreadable(`找不到文件“${fileName}”:它可能已被移动、改名或删除。请重新选择文件。`, detail);
    case 'EACCES':
    case 'EPERM':
      return unreadable(`没有权限读取文件“${fileName}”。请确认该文件未被其他程序占用、且您有读取权限,或先把它复制到桌面再导入。`, detail);
    case 'EBUSY':
      return unreadable(`文件“${fileName}”正被其他程序占用。请关闭正在使用它的程序(如 Word、WPS)后再导入。`, detail);
    case 'EISDIR':
      return unreadable(`“${fileName}”是一个文件夹,不是文件。请选择文件夹中的实施方案文件再导入。`, detail);
    default:
      return unreadable(`无法读取文件“${fileName}”。请确认文件所在的U盘或网络盘仍可访问,或把文件复制到本机后再导入。`, detail);
  }
}
