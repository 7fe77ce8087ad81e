// The heading tree: paragraphs classified (label, 目标:, text, table row) and nested by level.

import { GOAL_LINE_RE, MEASURE_BLOCK_RE } from './keys';
import { firstLabel, parseLabel, splitHeading, type LabelStyle } from './labels';
import type { Para } from './paragraphs';
import { isRow, type TableRow } from './tables';

export type NodeStyle = LabelStyle | 'row';

export interface Node {
  style: NodeStyle;
  level: number;
  /** Label as it goes into `path`. */
  label: string;
  /** Label as written, for measure text that quotes sub-items. */
  raw: string;
  number: number;
  heading: string;
  /** Text on the label's line after the label. */
  lineText: string;
  /** Text on the label's line after the heading. */
  body: string;
  /** Following paragraphs until the next label. */
  paras: string[];
  /** 目标: blocks. */
  goals: string[];
  children: Node[];
  parent: Node | null;
  row: TableRow | null;
}

export interface Tree {
  /** Paragraphs before the first label. */
  intro: string[];
  /** Every node in document order. */
  nodes: Node[];
  roots: Node[];
}

type Entry =
  | { kind: 'label'; node: Node }
  | { kind: 'goal'; text: string }
  | { kind: 'text'; text: string };

function newNode(style: NodeStyle, label: string, raw: string, number: number, lineText: string): Node {
  const node: Node = {
    style, level: 0, label, raw, number, heading: '', lineText: '', body: '',
    paras: [], goals: [], children: [], parent: null, row: null,
  };
  setLine(node, lineText);
  return node;
}

function setLine(n: Node, lineText: string): void {
  const split = n.style === 'row' ? { heading: '', body: lineText, goal: '' } : splitHeading(lineText);
  n.lineText = lineText;
  n.heading = split.heading;
  n.body = split.body;
  if (split.goal) n.goals.push(split.goal);
}

function isBare(n: Node): boolean {
  return !n.row && !n.lineText.trim() && !n.paras.length && !n.goals.length;
}

/** Classifies one paragraph; "措施: 9.加强…" yields the label that follows the block keyword. */
function classify(text: string): Entry | null {
  let t = text;
  const block = MEASURE_BLOCK_RE.exec(t);
  if (block) {
    t = t.slice(block[0].length).trim();
    if (!t) return null;
  }
  if (GOAL_LINE_RE.test(t)) return { kind: 'goal', text: t };
  const l = parseLabel(t);
  if (l) return { kind: 'label', node: newNode(l.style, l.label, l.raw, l.number, l.rest) };
  return { kind: 'text', text: t };
}

function rowNode(row: TableRow): Node {
  const task = row.cells.find((c) => c.role === 'task')?.text ?? row.cells[0]?.text ?? '';
  const node = newNode('row', String(row.number), String(row.number), row.number, task);
  node.row = row;
  return node;
}

/** Where each style usually sits: 第一部分 > 第一节 > 第一条 > 一、 > (一) > 1. > (1) > 1) > ① > rows. */
const RANK: Record<NodeStyle, number> = {
  part: 0, 'chapter-section': 1, article: 2, cn: 3, 'cn-paren': 4, arabic: 5, decimal2: 5.2, decimal3: 5.4, decimal4: 5.6, 'arabic-paren': 6, 'arabic-half': 7, circled: 8, row: 9,
};

/** Orders label styles: by the usual ranking, corrected by where new lists start. */
function styleOrder(nodes: Node[]): NodeStyle[] {
  const order: NodeStyle[] = [];
  const votes = new Map<string, number>();
  let prev: Node | null = null;
  for (const n of nodes) {
    if (!order.includes(n.style)) order.push(n.style);
    // A list that starts at 1 right after a label of another style is nested under it.
    if (prev && prev.style !== n.style && n.number === 1 && n.style !== 'row' && prev.style !== 'row') {
      const k = `${prev.style}>${n.style}`;
      votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    prev = n;
  }
  const above = (a: NodeStyle, b: NodeStyle): number => (votes.get(`${a}>${b}`) ?? 0) - (votes.get(`${b}>${a}`) ?? 0);
  // An excerpt may start deep ("93." before "十二、"): first appearance says little about rank.
  order.sort((a, b) => RANK[a] - RANK[b]);
  for (let pass = 0; pass < order.length * order.length; pass++) {
    let moved = false;
    for (let i = 0; i < order.length && !moved; i++) {
      for (let j = i + 1; j < order.length && !moved; j++) {
        if (order[j] !== 'row' && above(order[j]!, order[i]!) > 0) {
          order.splice(i, 0, ...order.splice(j, 1));
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return order;
}

/** Builds the heading tree of a document body. */
export function buildTree(items: readonly (Para | TableRow)[]): Tree {
  const intro: string[] = [];
  const nodes: Node[] = [];
  const entries: Entry[] = [];
  for (const item of items) {
    const e = isRow(item) ? { kind: 'label' as const, node: rowNode(item) } : classify(item.text);
    if (!e) continue;
    entries.push(e);
    if (e.kind === 'label') nodes.push(e.node);
  }
  const order = styleOrder(nodes);
  const roots: Node[] = [];
  const stack: Node[] = [];
  const lastOfStyle = new Map<NodeStyle, number>();
  // A holder, not a `let`: TypeScript does not follow assignments made inside `attach`.
  const at: { current: Node | null } = { current: null };
  const attach = (node: Node): void => {
    while (stack.length && stack[stack.length - 1]!.level >= node.level) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    node.parent = parent;
    (parent ? parent.children : roots).push(node);
    stack.push(node);
    lastOfStyle.set(node.style, node.number);
    at.current = node;
  };
  for (const e of entries) {
    const current = at.current;
    if (e.kind !== 'label') {
      if (!current) intro.push(e.text);
      // A label alone on its line ("一、") has its heading on the next one.
      else if (e.kind === 'text' && isBare(current)) setLine(current, e.text);
      else if (e.kind === 'goal') current.goals.push(e.text);
      else current.paras.push(e.text);
      continue;
    }
    const node = e.node;
    node.level = order.indexOf(node.style);
    const first = missingFirst(node, current, lastOfStyle);
    if (first) attach(first);
    attach(node);
  }
  return { intro, nodes, roots };
}

/**
 * A list whose first item has no "1." ("深化改革…" | "2.推进…"): the text between the heading
 * and item 2 is item 1, unless item 2 continues a list that already had its 1.
 */
function missingFirst(node: Node, current: Node | null, lastOfStyle: Map<NodeStyle, number>): Node | null {
  if (node.number !== 2 || node.row || !current || current.level >= node.level || !current.paras.length) return null;
  if (lastOfStyle.get(node.style) === 1) return null;
  const label = firstLabel(node.style as LabelStyle);
  if (!label) return null;
  const paras = current.paras.splice(0);
  const first = newNode(node.style, label.label, label.raw, 1, paras[0] ?? '');
  first.paras = paras.slice(1);
  first.level = node.level;
  return first;
}

/** `n`'s parent, grandparent, … up to its root. */
export function ancestors(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

/** Every node under `n`, in document order. */
export function descendants(n: Node): Node[] {
  const out: Node[] = [];
  const walk = (x: Node): void => {
    for (const c of x.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}
