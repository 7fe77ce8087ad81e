// The MIME type of a stored file from its first bytes and its name, and the kind the screens filter by.
import type { EvidenceKindName } from '../../shared/api/evidence';

const BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
};

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => head[at + i] === b);
}

function sniff(head: Uint8Array): string | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

function extensionOf(name: string): string {
  const m = /\.([^./\\]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** Content beats the name for the types we preview (a PDF named .jpg is still a PDF); else the extension. */
export function detectMime(name: string, head: Uint8Array): string {
  const ext = BY_EXT[extensionOf(name)];
  const sniffed = sniff(head);
  if (sniffed) return sniffed;
  if (ext === 'application/pdf' || (ext?.startsWith('image/') && ext !== 'image/bmp' && ext !== 'image/tiff')) {
    // The name promises a previewable type the bytes do not carry: offer it for download only.
    return 'application/octet-stream';
  }
  return ext ?? 'application/octet-stream';
}

export function kindOf(mime: string): EvidenceKindName {
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'text/plain' || mime === 'text/csv') return 'text';
  if (/msword|ms-excel|ms-powerpoint|officedocument|ms-works|ofd/.test(mime)) return 'office';
  return 'other';
}

/** Types the host may serve under their own Content-Type; anything else (HTML, SVG, scripts) only as a download. */
const INLINE_SAFE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'application/pdf', 'text/plain', 'text/csv']);

export function servedType(mime: string): { contentType: string; inline: boolean } {
  if (!INLINE_SAFE.has(mime)) return { contentType: 'application/octet-stream', inline: false };
  // Text is served without a charset: the viewer decodes it itself (UTF-8, else GB18030).
  return { contentType: mime === 'text/csv' ? 'text/plain' : mime, inline: true };
}
