// Text as XML or HTML character data or a double-quoted attribute value: the report's HTML, its SVG charts, .docx and .xlsx parts.

// Characters XML 1.0 does not allow, which pasted text can carry; a chart or a package part with one would not open.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
