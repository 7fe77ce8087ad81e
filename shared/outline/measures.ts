// Which nodes are measures: attributed units, else the deepest numbered unit; containers hold them.

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
  /** Nodes whose own text names units. */
  attributed: Set<Node>;
  isMeasure(n: Node): boolean;
}

/**
 * The node an attribution belongs to. A 责任单位: line after sub-items (1)(2) hangs off the
 * last sub-item but names the units of the measure above it, so the search climbs while the
 * node closes its parent and is the parent's only attributed node, never above the 1. level
 * and, without one, only for key lines and never to the top level.
 */
function owner(n: Node, count: Map<Node, number>, arabic: number | null): Node {
  const fromKeyLines = arabic === null && !hasAttribution(n.lineText);
  let o = n;
  for (;;) {
    const p = o.parent;
    if (!p || p.children[p.children.length - 1] !== o || (count.get(p) ?? 0) !== 1) break;
    // A sole sub-item (a list of one) is the measure itself, its units with it.
    if (p.children.length === 1) break;
    if (arabic !== null ? o.level <= arabic : !fromKeyLines || p.level < 1) break;
    o = p;
  }
  return o;
}

/** The most frequent level; ties go to the 1. level, else to the deeper one. */
function mode(levels: number[], arabic: number | null): number | null {
  const freq = new Map<number, number>();
  for (const l of levels) freq.set(l, (freq.get(l) ?? 0) + 1);
  let best: number | null = null;
  for (const [l, f] of freq) {
    const bf = best === null ? 0 : (freq.get(best) ?? 0);
    if (best === null || f > bf || (f === bf && (l === arabic || (best !== arabic && l > best)))) best = l;
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
  return tree.roots.some((r) => isTopHeading(r) && REPORT_HEADING_RE.test(r.heading));
}

/** Top-level 一、 and 第一部分 headings are sections unless they name their units. */
function isTopHeading(n: Node): boolean {
  return n.level === 0 && (n.style === 'cn' || n.style === 'part' || n.style === 'chapter-section');
}

/** Sub-items that are clauses of one sentence ("（1）公开征求意见；（2）…。") belong to their parent. */
function hasClauseChildren(n: Node): boolean {
  const kids = n.children;
  if (kids.length < 2 || kids.some((k) => k.children.length)) return false;
  return kids.slice(0, -1).every((k) => /[；;]$/.test([k.lineText, ...k.paras].join('').trim()));
}

/**
 * A flat list of 一、 items, each a task with its own text ("一、健全机制。镇党委定期…"), names its
 * measures at the top level even without units; a notice's few 一、创建范围 sections do not.
 */
function flatTopTasks(tree: Tree): boolean {
  const { roots, nodes } = tree;
  if (roots.length < 4 || nodes.length !== roots.length || roots.some((r) => !isTopHeading(r) || STRONG_PREAMBLE_RE.test(r.heading))) return false;
  const full = roots.filter((r) => r.body && countHan([r.body, ...r.paras].join('')) >= 15).length;
  return full >= roots.length * 0.75;
}

/** Decides which nodes are measures. */
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
  const arabicLevel = nodes.find((n) => n.style === 'arabic')?.level ?? null;
  const owners = new Set<Node>();
  for (const n of attributed) if (!n.row) owners.add(owner(n, count, arabicLevel));
  const ownerBelow = new Set<Node>();
  for (const o of owners) for (const a of ancestors(o)) ownerBelow.add(a);
  const level = mode([...owners].map((o) => o.level), arabicLevel);
  const report = owners.size === 0 && isReportLike(tree, title);
  const topTasks = owners.size === 0 && !report && flatTopTasks(tree);
  const measures = new Set<Node>();
  const firsts = new Map<Node, Map<string, number>>();
  const firstIn = (weak: Node, n: Node): number => {
    const byStyle = firsts.get(weak) ?? new Map<string, number>();
    firsts.set(weak, byStyle);
    if (!byStyle.has(n.style)) byStyle.set(n.style, firstNumber(weak, n));
    return byStyle.get(n.style) ?? 1;
  };

  // Where owners exist, a measure is an owner or a unit at the owners' level (its units unsaid);
  // elsewhere it is the deepest numbered unit: a node with numbered children is their container.
  const candidate = (n: Node): boolean => {
    if (ownerBelow.has(n)) return false;
    if (owners.has(n)) return true;
    if (level !== null && n.level === level) return true;
    if (level !== null && n.level > level && ancestors(n).some((a) => a.level === level)) return false;
    return (!n.children.length || hasClauseChildren(n)) && !report && (topTasks || !isTopHeading(n));
  };

  const visit = (n: Node, strong: boolean, weak: Node | null): void => {
    if (n.row) {
      measures.add(n);
      return;
    }
    const isStrong = strong || STRONG_PREAMBLE_RE.test(n.heading);
    const isWeak = weak ?? (WEAK_PREAMBLE_RE.test(n.heading) ? n : null);
    if (!rowBelow.has(n) && candidate(n)) {
      const inPreamble = isStrong || (isWeak !== null && isWeak !== n);
      if (!inPreamble || owners.has(n) || (count.get(n) ?? 0) > 0) {
        measures.add(n);
        return;
      }
      // Numbering that runs on from the tasks (39–42 after 38) marks measures; a list that
      // restarts at 1 under 工作要求 is a list of requirements.
      // Articles (第十五条) number on through every chapter, so their numbers say nothing here.
      if (!isStrong && isWeak && owners.size === 0 && n.style !== 'article' && firstIn(isWeak, n) > 1) {
        measures.add(n);
        return;
      }
    }
    for (const c of n.children) visit(c, isStrong, isWeak);
  };
  for (const r of tree.roots) visit(r, false, null);
  return { attributed, isMeasure: (n) => measures.has(n) };
}

/** The number of the first node of `n`'s style under the weak-preamble section `top`. */
function firstNumber(top: Node, n: Node): number {
  const walk = (x: Node): Node | null => {
    for (const c of x.children) {
      if (c.style === n.style) return c;
      const d = walk(c);
      if (d) return d;
    }
    return null;
  };
  return walk(top)?.number ?? 1;
}
