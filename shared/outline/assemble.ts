// Turns a document's tree into sections, measures, intro, closing text and deadline.

import { deadlineClause, documentDeadline, measureDeadline } from './deadline';
import { KEY_LINE_RE, PREAMBLE_WORD_RE, WEAK_PREAMBLE_RE } from './keys';
import { planMeasures, type MeasurePlan } from './measures';
import { findUnits, hasAttribution, markedLeads, splitUnits, stripAttribution } from './units';
import { findTargets } from './targets';
import { countHan, firstSentence, tc, tcAny, tidy } from './text';
import { ancestors, descendants, type Node, type Tree } from './tree';
import type { ParsedDocument, ParsedMeasure, ParsedSection } from './types';

const CLOSING_RE = new RegExp(
  `${tc('本')}(?:${tcAny(['实施方案', '方案', '纲要', '计划', '要点', '意见', '规划', '安排', '办法', '通知'])})|` +
    `^(?:${tcAny(['各级各部门', '各地各部门', '各级各单位', '各部门各单位', '各单位各部门', '以上', '上述'])})|` +
    `^(?:${tcAny(['全区', '全县', '全市', '全镇', '全街道'])})${tc('各')}|${tc('原则上')}`,
);

const RESP_HEADER_RE = new RegExp(tc('责任'));

/** Paragraphs after the last measure that close the document rather than continue the measure. */
function splitClosing(tree: Tree, plan: MeasurePlan): string[] {
  const last = tree.nodes[tree.nodes.length - 1];
  if (!last) return [];
  // A row's measure is its cells: prose after the last row is the document's closing.
  if (last.row) return last.paras.splice(0);
  const inMeasure = [last, ...ancestors(last)].find((n) => plan.isMeasure(n));
  if (!inMeasure) return [];
  // Where every measure ends with its units, a paragraph after the units is no longer the measure.
  const measuresEndWithUnits = plan.attributed.size > 0;
  let unitsBefore = measuresEndWithUnits && hasAttribution(last.lineText);
  for (let i = 0; i < last.paras.length; i++) {
    const p = last.paras[i]!;
    if (KEY_LINE_RE.test(p) || deadlineClause(p.replace(/[。.]$/, ''))) {
      unitsBefore = measuresEndWithUnits;
      continue;
    }
    if (CLOSING_RE.test(p) || unitsBefore) return last.paras.splice(i);
    unitsBefore = measuresEndWithUnits && hasAttribution(p);
  }
  return [];
}

// "以上任务均须于…前完成": a sentence after a section's last measure speaks for the section.
const SECTION_CLOSING_RE = new RegExp(`^(?:${tcAny(['以上', '上述', '本部分', '本节', '本项', '此部分', '该部分'])})`);
const FOR_ALL_RE = new RegExp(tcAny(['均', '全部', '各项', '所有']));

/** Moves a section's closing sentence from its last measure back to the section. */
function returnSectionClosings(measures: Node[]): void {
  for (const n of measures) {
    const parent = n.parent;
    if (n.row || !parent || parent.children[parent.children.length - 1] !== n) continue;
    const at = n.paras.findIndex((p) => SECTION_CLOSING_RE.test(p) && documentDeadline(p) !== null);
    if (at >= 0) parent.paras.push(...n.paras.splice(at));
  }
}

/** The deadline a section sets for all its measures, from its nearest section that sets one. */
function sectionDeadline(n: Node, cache: Map<Node, string | null>): string | null {
  for (const a of ancestors(n)) {
    if (!cache.has(a)) {
      // "二、规范执法行为（全年）": a deadline in brackets closing the heading.
      const tail = /[(（]([^()（）]{1,24})[)）]\s*$/.exec(a.heading)?.[1] ?? '';
      // Only a sentence that speaks for every task of the section ("本部分任务…", "…均于…前完成").
      const forAll = tidy([a.lineText, ...a.paras].join('\n')).split(/[。！？\n]/).filter((x) => SECTION_CLOSING_RE.test(x) || FOR_ALL_RE.test(x));
      cache.set(a, documentDeadline(forAll.join('\n')) ?? deadlineClause(tail));
    }
    const d = cache.get(a);
    if (d) return d;
  }
  return null;
}

function pathOf(n: Node): string[] {
  return [...ancestors(n).reverse().map((a) => a.label), n.label];
}

function measureText(n: Node): string {
  const parts = [n.lineText, ...n.goals, ...n.paras];
  for (const d of descendants(n)) parts.push(`${d.raw}${d.lineText}`, ...d.goals, ...d.paras);
  return parts.filter((p) => p.trim()).join('\n');
}

function toMeasure(n: Node, fallback: string | null): ParsedMeasure {
  const path = pathOf(n);
  if (n.row) {
    const cell = (role: string): string => n.row!.cells.filter((c) => c.role === role).map((c) => c.text).join('、');
    const task = tidy(cell('task') || (n.row.cells[0]?.text ?? ''));
    const extra = n.row.cells.filter((c) => c.role !== 'task' && c.text).map((c) => `${tidy(c.header)}：${tidy(c.text)}`);
    const text = [task, ...extra].join('\n');
    let { lead, responsible } = markedLeads(splitUnits(cell('lead')), splitUnits(cell('resp')));
    // One column headed "牵头单位/责任单位": the first named unit leads.
    if (!n.row.cells.some((c) => c.role === 'resp') && lead.length > 1 && RESP_HEADER_RE.test(n.row.cells.find((c) => c.role === 'lead')?.header ?? '')) {
      responsible = lead.slice(1);
      lead = lead.slice(0, 1);
    }
    const keyed = cell('deadline') || null;
    return {
      path,
      title: firstSentence(stripAttribution(task.slice(0, 1000))),
      text,
      lead,
      responsible,
      deadline: measureDeadline(task, keyed ? tidy(keyed) : null) ?? fallback,
      targets: findTargets(task),
    };
  }
  const raw = measureText(n);
  const text = tidy(raw);
  const units = findUnits(raw);
  // The title comes from the first paragraph; bounding it keeps odd input linear.
  const first = (raw.split('\n', 1)[0] ?? '').slice(0, 1000);
  return {
    path,
    title: firstSentence(tidy(stripAttribution(first))) || firstSentence(text),
    text,
    lead: units.lead,
    responsible: units.responsible,
    deadline: measureDeadline(text, units.deadline) ?? fallback,
    targets: findTargets(text),
  };
}

function toSection(n: Node, preamble: boolean): ParsedSection {
  return {
    path: pathOf(n),
    label: n.label,
    heading: tidy(n.heading),
    context: tidy([n.body, ...n.goals, ...n.paras].filter((p) => p.trim()).join('\n')),
    preamble,
  };
}

// "第十条 本办法自印发之日起施行" / "本制度由…负责解释": articles that say how the document applies, not what to do.
const FINAL_PROVISION_RE = new RegExp(`^${tc('本')}[^，,。]{1,8}(?:${tc('自')}[^。]{1,20}(?:${tcAny(['起施行', '起执行', '起实施', '起试行'])})|${tc('由')}[^。]{1,20}${tc('负责解释')})`);

function isFinalProvision(n: Node): boolean {
  return !n.row && n.children.length === 0 && n.paras.length === 0 && FINAL_PROVISION_RE.test(n.lineText.trim());
}

/** Assembles one parsed document from its title and tree. */
export function assemble(tree: Tree, title: string | null): ParsedDocument {
  const plan = planMeasures(tree, title);
  const closing = splitClosing(tree, plan);
  const measureNodes: Node[] = [];
  const sectionNodes: { node: Node; preamble: boolean }[] = [];
  const hasMeasureBelow = new Set<Node>();
  const walk = (n: Node, preambleAbove: boolean): void => {
    if (plan.isMeasure(n) && isFinalProvision(n)) return;
    if (plan.isMeasure(n)) {
      measureNodes.push(n);
      for (const a of ancestors(n)) hasMeasureBelow.add(a);
      return;
    }
    const entry = { node: n, preamble: preambleAbove || PREAMBLE_WORD_RE.test(n.heading) };
    sectionNodes.push(entry);
    for (const c of n.children) walk(c, entry.preamble);
  };
  for (const r of tree.roots) walk(r, false);
  returnSectionClosings(measureNodes);
  const sections = sectionNodes.map(({ node, preamble }) => toSection(node, preamble && !hasMeasureBelow.has(node)));

  // The closing paragraph sets the deadline for all; failing that, a closing section may.
  const weakContexts = sections.filter((s) => s.preamble && WEAK_PREAMBLE_RE.test(s.heading)).map((s) => s.context);
  const intro = tree.intro.filter((p) => countHan(p) >= 4).map(tidy).join('\n');
  const docDeadline = documentDeadline(tidy(closing.join('\n'))) ?? documentDeadline(weakContexts.join('\n')) ?? documentDeadline(intro);

  const cache = new Map<Node, string | null>();
  const items = measureNodes.map((n) => toMeasure(n, sectionDeadline(n, cache) ?? docDeadline));
  return { title, intro, deadline: docDeadline, sections, items };
}
