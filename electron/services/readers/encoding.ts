// Turns the bytes of a text file into a string, detecting UTF-8/UTF-16/GB18030/Big5 the way offices actually save them.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Why decoding failed: lets callers word the error (garbage vs. an encoding we cannot guess). */
export class UndecodableTextError extends Error {
  constructor(readonly reason: 'binary' | 'unknown_encoding', detail: string) {
    super(detail);
    this.name = 'UndecodableTextError';
  }
}

/** Maps a charset label from HTML/XML (gb2312, GBK, x-gbk, utf8 …) to a decoder we trust, or null. */
export function normaliseCharsetLabel(label: string): TextEncodingName | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // Every GB label decodes with gb18030: it is a strict superset, and pages labelled gb2312 routinely contain GBK-only characters.
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'csgb2312', 'chinese', 'iso-ir-58', 'windows-936', 'gb_2312-80', 'gb_2312'].includes(l)) return 'gb18030';
  if (['big5', 'big5-hkscs', 'cn-big5', 'x-x-big5', 'csbig5', 'cp950'].includes(l)) return 'big5';
  // A page cannot really be UTF-16 if we found its <meta> by scanning ASCII bytes; WHATWG treats the label as UTF-8 too.
  if (l === 'utf-16' || l === 'utf-16le' || l === 'utf-16be') return 'utf-8';
  return null;
}

/** \r\n, lone \r, Unicode line/paragraph separators and form feeds all become \n, so parsers only see one kind of line end. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085\f\v]/g, '\n');
}

function tryDecode(buf: Uint8Array, enc: TextEncodingName): string | null {
  try {
    // fatal: an invalid byte must reject the guess rather than be silently turned into U+FFFD.
    return new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM still betrays itself: ASCII digits, dots and line ends put NUL in every other byte. */
function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs === 0) return null;
  // Require a clearly one-sided pattern. The other side is not zero: common characters such as 一 (U+4E00)
  // and 开 (U+5F00) have a NUL low byte. Binary that slips through is rejected later by the junk check.
  if (odd >= 4 && odd >= even * 4 && odd >= pairs * 0.01) return 'utf-16le';
  if (even >= 4 && even >= odd * 4 && even >= pairs * 0.01) return 'utf-16be';
  return null;
}

/** Share of characters that no text editor would have written: controls, U+FFFD, private-use. */
function junkRatio(text: string): number {
  let junk = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) junk++;
  }
  return total === 0 ? 0 : junk / total;
}

const CJK_PUNCT = new Set('\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\u201c\u201d\u300a\u300b\uff08\uff09\u3010\u3011');

/** Chinese prose is dense in full-width punctuation; a wrong legacy decoding yields almost none. */
function chinesePunctuationScore(text: string): number {
  let n = 0;
  // Escapes, not literals: full-width ,;:?!() must not be confused with their ASCII look-alikes, which both decodings share.
  for (const ch of text) if (CJK_PUNCT.has(ch)) n++;
  return n;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function accept(text: string, encoding: TextEncodingName): DecodedText {
  const junk = junkRatio(text);
  if (junk > 0.02) throw new UndecodableTextError('binary', `decoded as ${encoding} but ${(junk * 100).toFixed(1)}% control/private-use characters`);
  return { text: normaliseLineEnds(stripBom(text)), encoding };
}

/**
 * Decodes text bytes. Order: BOM, a declared charset (HTML) if it decodes cleanly, UTF-16 by NUL pattern,
 * strict UTF-8, then GB18030 (with a Big5 check for traditional-character files). Throws UndecodableTextError.
 */
export function decodeText(buf: Uint8Array, declared?: TextEncodingName | null): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const t = tryDecode(buf, 'utf-8');
    if (t !== null) return accept(t, 'utf-8');
    // A BOM followed by invalid UTF-8: someone concatenated encodings; fall through to detection on the rest.
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    const t = tryDecode(buf, 'utf-16le');
    if (t !== null) return accept(t, 'utf-16le');
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const t = tryDecode(buf, 'utf-16be');
    if (t !== null) return accept(t, 'utf-16be');
  }
  if (declared) {
    const t = tryDecode(buf, declared);
    // Trust the declaration only if the bytes agree: pages labelled utf-8 but saved as GBK are common.
    if (t !== null && junkRatio(t) <= 0.02) return accept(t, declared);
  }
  const u16 = sniffUtf16(buf);
  if (u16) {
    const t = tryDecode(buf, u16);
    if (t !== null) return accept(t, u16);
  }
  if (buf.includes(0)) {
    throw new UndecodableTextError('binary', 'NUL bytes without a UTF-16 pattern');
  }
  const utf8 = tryDecode(buf, 'utf-8');
  if (utf8 !== null) return accept(utf8, 'utf-8');
  const damaged = mostlyUtf8(buf);
  if (damaged !== null) return accept(damaged, 'utf-8');
  const gb = tryDecode(buf, 'gb18030');
  const big5 = tryDecode(buf, 'big5');
  if (gb !== null && big5 !== null) {
    // Big5 bytes are almost always valid GBK too, so both decode; the right one reads like Chinese prose.
    const gbScore = chinesePunctuationScore(gb) - countPrivateUse(gb);
    const b5Score = chinesePunctuationScore(big5) - countPrivateUse(big5);
    return b5Score > gbScore ? accept(big5, 'big5') : accept(gb, 'gb18030');
  }
  if (gb !== null) return accept(gb, 'gb18030');
  if (big5 !== null) return accept(big5, 'big5');
  // Neither UTF-8 nor a Chinese legacy encoding: lots of high bytes that fit nothing is what binary looks like.
  throw new UndecodableTextError(looksBinary(buf) ? 'binary' : 'unknown_encoding', 'not valid UTF-8, GB18030 or Big5');
}

/**
 * A UTF-8 file cut short or with a stray byte would otherwise be misread as GB18030 mojibake from start to end;
 * if nearly everything is valid multi-byte UTF-8, keep it and let U+FFFD mark the damage.
 */
function mostlyUtf8(buf: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(buf);
  let bad = 0;
  let wide = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) bad++;
    else if (c >= 0x800) wide++;
  }
  return bad <= Math.max(2, wide / 1000) && wide >= bad * 50 ? text : null;
}

function countPrivateUse(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xe000 && c <= 0xf8ff) n++;
  }
  return n;
}

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) ctrl++;
  }
  return ctrl > n * 0.01;
}
