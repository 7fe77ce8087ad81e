// A small streaming XML tokenizer for Office parts: we only need tags, attributes and text, not a DOM.

export type XmlToken =
  | { kind: 'open'; name: string; attrs: string; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITY[body] ?? m;
  });
}

/** Yields tags and decoded text in document order; comments, processing instructions and DOCTYPE are dropped. */
export function* tokenizeXml(xml: string): Generator<XmlToken> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { kind: 'text', text: decodeXmlEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: decodeXmlEntities(xml.slice(i, lt)) };
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      yield { kind: 'text', text: xml.slice(lt + 9, end < 0 ? n : end) };
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    // Attribute values may contain '>', so scan quotes rather than jumping to the next '>'.
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const inner = xml.slice(lt + 1, j);
    i = j + 1;
    if (inner[0] === '/') {
      yield { kind: 'close', name: inner.slice(1).trim() };
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const m = /^[^\s/>]+/.exec(body);
    const name = m ? m[0] : '';
    yield { kind: 'open', name, attrs: body.slice(name.length), selfClosing };
  }
}

/** Value of one attribute in a raw attribute string, entities decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:^|\\s)${esc}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return decodeXmlEntities(m[2] ?? m[3] ?? '');
}

/** Namespace prefixes declared on the first element, by namespace URI, so we do not assume "w:". */
export function rootPrefixes(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const tok of tokenizeXml(xml.slice(0, 20000))) {
    if (tok.kind !== 'open') continue;
    for (const m of tok.attrs.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      out.set(m[3] ?? m[4] ?? '', m[1] ?? '');
    }
    break;
  }
  return out;
}
