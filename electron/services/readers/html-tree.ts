// A linear HTML tree builder for the reader: node-html-parser's tag rules, without its quadratic steps.
//
// node-html-parser makes each text node with its parent already set and then appends it, and
// appending first removes a node from its parent by filtering all of that parent's children: a
// page on one enormous line (thousands of siblings in one <p>) costs the square of its siblings.
// It also lower-cases the whole page again for every <script> or <style>. This keeps its rules
// (which tags close which, void tags, raw-text elements) so pages read as before, and does each
// step once. Entities are decoded with the same decoder node-html-parser uses (its TextNode).
import { TextNode } from 'node-html-parser';

export interface Element {
  /** Lower-case tag name; '' for the root. */
  tag: string;
  /** The attribute source as written, read only when an attribute is asked for. */
  rawAttrs: string;
  /** Text (raw, entities not yet decoded) and elements, in document order. */
  children: (Element | string)[];
}

// The markup pattern and tag tables of node-html-parser 7.1 (dist/nodes/html.js), with the tag-name class shortened to what pages use.
const MARKUP = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][-.:0-9_a-zA-Z@\xB7\xC0-\xD6\xD8-\xF6\u00F8-\u03A1\u03A3-\u03D9\u03DB-\u03EF\u03F7-\u03FF\u0400-\u04FF\u0500-\u052F\u1D00-\u1D2B\u1D6B-\u1D77\u1D79-\u1D9A\u1E00-\u1E9B\u1F00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2126\u212A-\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA78E\uA790-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB5F\uAB64-\uAB65\uFB00-\uFB06\uFB13-\uFB17\uFF21-\uFF3A\uFF41-\uFF5A\x37F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*)((?:\s+[^>]*?(?:(?:'[^']*')|(?:"[^"]*"))?)*)\s*(\/?)>/gu;

const set = (...tags: string[]) => new Set(tags);
const CLOSED_BY_OPENING: Record<string, Set<string>> = {
  li: set('li'),
  p: set('p', 'div'),
  b: set('div'),
  td: set('td', 'th'),
  th: set('td', 'th'),
  h1: set('h1'),
  h2: set('h2'),
  h3: set('h3'),
  h4: set('h4'),
  h5: set('h5'),
  h6: set('h6'),
};
const CLOSED_BY_CLOSING: Record<string, Set<string>> = {
  li: set('ul', 'ol'),
  a: set('div'),
  b: set('div'),
  i: set('div'),
  p: set('div'),
  td: set('tr', 'table'),
  th: set('tr', 'table'),
};
/** A <p> is closed by its container's end tag, except these. */
const P_NOT_CLOSED_BY = set('a', 'audio', 'del', 'ins', 'map', 'noscript', 'video');
const VOID = set('area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr');
/** Their content is not HTML: skipped whole up to the end tag, and dropped. */
const RAW_TEXT = set('script', 'style', 'noscript');

/** Builds the tree in one pass over the source; the stack is an array, so nesting depth costs no recursion. */
export function buildTree(source: string): Element {
  const root: Element = { tag: '', rawAttrs: '', children: [] };
  const stack: Element[] = [root];
  let current = root;
  const pop = (): void => {
    stack.pop();
    current = stack[stack.length - 1]!;
  };
  let lastText = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(source); m; m = MARKUP.exec(source)) {
    const start = m.index;
    if (start > lastText) current.children.push(source.slice(lastText, start));
    lastText = MARKUP.lastIndex;
    if (m[0][1] === '!') continue; // a comment
    let closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const selfClosing = m[4] === '/';
    if (!closing) {
      if (!selfClosing && CLOSED_BY_OPENING[current.tag]?.has(tag)) pop();
      const el: Element = { tag, rawAttrs: (m[3] ?? '').slice(1), children: [] };
      current.children.push(el);
      stack.push(el);
      current = el;
      if (RAW_TEXT.has(tag)) {
        // One search from here to the nearest end tag: each part of the page is searched once.
        const end = new RegExp(`</${tag}>`, 'gi');
        end.lastIndex = MARKUP.lastIndex;
        const found = end.exec(source);
        if (!found) {
          lastText = MARKUP.lastIndex = source.length;
          break;
        }
        lastText = MARKUP.lastIndex = found.index + found[0].length;
        closing = true;
      }
    }
    if (closing || selfClosing || VOID.has(tag)) {
      for (;;) {
        if (current.tag === tag) {
          pop();
          break;
        }
        if (CLOSED_BY_CLOSING[current.tag]?.has(tag)) {
          pop();
          continue;
        }
        if (current.tag === 'p' && stack.length > 1 && stack[stack.length - 2]!.tag === tag && !P_NOT_CLOSED_BY.has(tag)) {
          pop();
          continue;
        }
        // An end tag that matches nothing open is ignored.
        break;
      }
    }
  }
  if (lastText < source.length) current.children.push(source.slice(lastText));
  return root;
}

const ATTR = /([a-zA-Z()[\]#@$.?:][a-zA-Z0-9-._:()[\]#]*)(?:\s*=\s*((?:'[^']*')|(?:"[^"]*")|\S+))?/g;

/** An attribute's value (entities decoded), '' for one written without a value, undefined when absent; the first of repeated names wins. */
export function attribute(el: Element, name: string): string | undefined {
  if (!el.rawAttrs) return undefined;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(el.rawAttrs); m; m = ATTR.exec(el.rawAttrs)) {
    if (m[1]!.toLowerCase() !== name) continue;
    let v = m[2] ?? '';
    if (v[0] === '"' || v[0] === "'") v = v.slice(1, -1);
    return decodeEntities(v);
  }
  return undefined;
}

/** Named and numeric character references, as node-html-parser decodes a text node's content. */
export function decodeEntities(raw: string): string {
  return raw.includes('&') ? new TextNode(raw).text : raw;
}
