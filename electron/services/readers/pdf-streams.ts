// Measures what a PDF's compressed streams inflate to, before pdf.js decodes them: a 1 MB file can hold gigabytes.
import { constants, inflateSync } from 'node:zlib';
import { LIMITS, limitExceeded } from './limits';

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** Inflated size of a zlib stream (nested zlib layers included), or throws the limit error past `max`. */
function inflatedSize(data: Buffer, max: number, layer = 0): number {
  let out: Buffer;
  try {
    out = inflateSync(data, { maxOutputLength: max + 1, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw limitExceeded('streams', `stream inflates past ${max} B`);
    }
    return data.length; // not zlib after all, or damaged: pdf.js will report it if it matters
  }
  if (out.length > max) throw limitExceeded('streams', `stream inflates past ${max} B`);
  // Filters can be chained (/Filter [/FlateDecode /FlateDecode]); a bomb inside a bomb must be seen too.
  if (layer < 3 && out.length > 2 && out[0] === 0x78 && (out[0]! * 256 + out[1]!) % 31 === 0) {
    return Math.max(out.length, inflatedSize(out, max, layer + 1));
  }
  return out.length;
}

/** True when the dictionary just before `at` describes an image: images are not decoded when text is extracted. */
function isImage(buf: Buffer, at: number): boolean {
  const before = buf.subarray(Math.max(0, at - 2048), at).toString('latin1');
  // Only this object's dictionary: from its "obj" keyword on, so a previous image does not count.
  const obj = before.lastIndexOf('obj');
  return /\/Subtype\s*\/Image/.test(obj >= 0 ? before.slice(obj) : before);
}

/** Throws limitExceeded('streams') when one stream or all streams together inflate past the limits. */
export function checkPdfStreams(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let total = 0;
  let i = buf.indexOf(STREAM);
  while (i >= 0) {
    // "endstream" also contains "stream"; only a keyword followed by an end of line opens data.
    let start = i + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a && buf[start - 1] !== 0x0d) {
      i = buf.indexOf(STREAM, i + STREAM.length);
      continue;
    }
    if (buf[start] === 0x0a) start++;
    let end = buf.indexOf(END, start);
    if (end < 0) end = buf.length;
    if (buf[start] === 0x78 && !isImage(buf, i)) {
      total += inflatedSize(buf.subarray(start, end), LIMITS.maxPdfStreamBytes);
      if (total > LIMITS.maxPdfDecodedBytes) throw limitExceeded('streams', `streams inflate past ${LIMITS.maxPdfDecodedBytes} B in total`);
    }
    i = buf.indexOf(STREAM, end + END.length);
  }
}
