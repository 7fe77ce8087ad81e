// Which nodes are measures: the level of attributions, else the 1. level, else the deepest with text.

import { STRONG_PREAMBLE_RE, WEAK_PREAMBLE_RE } from './keys';
import { countHan, tcAny } from './text';
import { ancestors, type Node, type Tree } from './tree';
import { hasAttribution } from './units';

/** A node's own text: its line and the paragraphs up to the next label. */
function ownText(n: Node): string {
  if (n.row) return n.row.cells.map((c) => `${c.header}：${c.text}`).join('\n');
  return [n.lineText, ...n.paras].join('\n');
}

function rowHasUnits(n: Node): boolean {
  return n.row?.cells.some((c) => (c.role === 'lead' || c.role === 'resp') && c.text !== '') ?? false;
}

export interface MeasurePlan {
  level: number | null;
  /** Nodes whose own text names units. */
  attributed: Set<Node>;
  isMeasure(n: Node): boolean;
}

/**
 * The level of the measure an attribution belongs to. A 责任单位: line after sub-items (1)(2)
 * hangs off the last sub-item but names the units of the measure above it, so the search climbs
 * while the node closes its parent and is the parent's only attributed node, but never above
 * the 1. level, and without one only for key lines and never to the top level.
 */
function ownerLevel(n: Node, count: Map<Node, number>, arabic: number | null): number {
  const fromKeyLines = arabic === null && !hasAttribution(n.lineText);
  let owner = n;
  for (;;) {
    const p = owner.parent;
    if (!p || p.children[p.children.length - 1] !== owner || (count.get(p) ?? 0) !== 1) break;
    if (arabic !== null ? owner.level <= arabic : !fromKeyLines || p.level < 1) break;
    owner = p;
  }
  return owner.level;
}

/** The most frequent level; ties go to the 1. level, else to the deeper one. */
function mode(levels: number[], arabic: number | null): number {
  const freq = new Map<number, number>();
  for (const l of levels) freq.set(l, (freq.get(l) ?? 0) + 1);
  let best = levels[0]!;
  for (const [l, f] of freq) {
    const bf = freq.get(best) ?? 0;
    if (f > bf || (f === bf && (l === arabic || (best !== arabic && l > best)))) best = l;
  }
  return best;
}

const REPORT_TITLE_RE = new RegExp(`(?:${tcAny(['报告', '总结', '汇报', '发言', '讲话', '情况'])})$`);
const REPORT_HEADING_RE = new RegExp(
  tcAny(['情况', '存在问题', '存在的问题', '下一步', '打算', '主要做法', '工作成效', '取得成效', '主要成效', '工作成绩', '经验做法']),
);

/** Reports and speeches share the outline's numbering, but their sections are not measures. */
function isReportLike(tree: Tree, title: string | null): boolean {
  if (title && REPORT_TITLE_RE.test(title)) return true;
  return tree.roots.some((r) => REPORT_HEADING_RE.test(r.heading));
}

function deepestSubstantive(nodes: Node[]): number | null {
  const stats = new Map<number, { all: number; full: number }>();
  for (const n of nodes) {
    if (n.row || n.level < 1) continue;
    const s = stats.get(n.level) ?? { all: 0, full: 0 };
    s.all++;
    if (countHan([n.body, ...n.paras].join('')) >= 15) s.full++;
    stats.set(n.level, s);
  }
  let best: number | null = null;
  for (const [level, s] of stats) if (s.full >= s.all / 2 && (best === null || level > best)) best = level;
  return best;
}

/** Decides the measure level of a document and which nodes are measures. */
export function planMeasures(tree: Tree, title: string | null): MeasurePlan {
  const { nodes } = tree;
  const attributed = new Set<Node>();
  for (const n of nodes) if (n.row ? rowHasUnits(n) : hasAttribution(ownText(n))) attributed.add(n);
  // Attributed nodes per subtree, children before parents (nodes are in document order).
  const count = new Map<Node, number>();
  const rowBelow = new Set<Node>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    let c = attributed.has(n) ? 1 : 0;
    for (const ch of n.children) {
      c += count.get(ch) ?? 0;
      if (ch.row || rowBelow.has(ch)) rowBelow.add(n);
    }
    count.set(n, c);
  }
  const hasRows = nodes.some((n) => n.row);
  const arabicLevel = nodes.find((n) => n.style === 'arabic')?.level ?? null;
  const owners: number[] = [];
  for (const n of attributed) if (!n.row) owners.push(ownerLevel(n, count, arabicLevel));
  let level: number | null = null;
  if (owners.length) level = mode(owners, arabicLevel);
  else if (arabicLevel !== null) level = arabicLevel;
  else if (!hasRows && !isReportLike(tree, title)) level = deepestSubstantive(nodes);
  const anyAttribution = attributed.size > 0;
  const firstInWeak = new Map<Node, number>();

  const isMeasure = (n: Node): boolean => {
    if (n.row) return true;
    if (level === null || rowBelow.has(n) || n.level < level) return false;
    const up = ancestors(n);
    if (n.level > level) return attributed.has(n) && !up.some((a) => a.level === level);
    const subtreeAttributed = (count.get(n) ?? 0) > 0;
    if ([n, ...up].some((a) => STRONG_PREAMBLE_RE.test(a.heading))) return subtreeAttributed;
    const weak = up.find((a) => WEAK_PREAMBLE_RE.test(a.heading));
    if (!weak) return true;
    if (anyAttribution) return subtreeAttributed;
    // Numbering that runs on from the tasks (39–42 after 38) marks measures; a list that
    // restarts at 1 under 工作要求 is a list of requirements.
    if (!firstInWeak.has(weak)) firstInWeak.set(weak, firstAtLevel(weak, level)?.number ?? 1);
    return (firstInWeak.get(weak) ?? 1) > 1;
  };
  return { level, attributed, isMeasure };
}

function firstAtLevel(n: Node, level: number): Node | null {
  for (const c of n.children) {
    if (c.level === level) return c;
    const d = firstAtLevel(c, level);
    if (d) return d;
  }
  return null;
}
