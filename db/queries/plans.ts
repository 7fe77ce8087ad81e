// Plans: an imported outline written as sections, measures and unit links in one transaction.
import type { Db } from '../open';
import { newId } from '../../shared/ids';
import { deadlineDate } from '../../shared/deadline-date';
import type { ParsedDocument } from '../../shared/outline/types';
import type { PlanSummary } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { resolveDepartment } from './departments';
import { record, type Change } from '../sync/index';

export interface ImportSource {
  fileName: string;
  sha256: string;
  format: string;
  documentIndex: number;
}

export interface ImportResult {
  planId: string;
  measureCount: number;
  sectionCount: number;
}

/** The years a plan covers, read from its title: "(2016-2020年)" → 2016–2020, "2021年…计划" → 2021. */
export function planYears(title: string | null): { period: string | null; firstYear: number | null; lastYear: number | null } {
  if (!title) return { period: null, firstYear: null, lastYear: null };
  const range = /(\d{4})\s*[-—–~至到]+\s*(\d{4})/.exec(title);
  if (range) return { period: `${range[1]}—${range[2]}年`, firstYear: Number(range[1]), lastYear: Number(range[2]) };
  const one = /(\d{4})年/.exec(title);
  if (one) return { period: `${one[1]}年`, firstYear: Number(one[1]), lastYear: Number(one[1]) };
  return { period: null, firstYear: null, lastYear: null };
}

export function findPlanBySource(db: Db, sha256: string, documentIndex: number): PlanSummary | null {
  const row = db.prepare(`${PLAN_SELECT} WHERE p.source_sha256 = ? AND p.document_index = ?`).get(sha256, documentIndex) as
    | PlanRow
    | undefined;
  return row ? toPlan(row) : null;
}

/** Writes one parsed document as a plan. Everything or nothing: the caller's data stays as it was on error. */
export function importDocument(db: Db, doc: ParsedDocument, source: ImportSource, userId: string): ImportResult {
  if (doc.items.length === 0) {
    throw new AppError('no_measures', '该文档中没有识别出任何工作措施,未导入。请确认选择的是实施方案、纲要或工作计划本身。');
  }
  const existing = findPlanBySource(db, source.sha256, source.documentIndex);
  if (existing) {
    throw new AppError(
      'duplicate_import',
      `该文件已于 ${existing.importedAt.slice(0, 10)} 导入为“${existing.title}”,无需重复导入。`,
    );
  }
  const run = db.transaction((): ImportResult => {
    const planId = newId();
    const title = doc.title ?? source.fileName.replace(/\.[^.]+$/, '');
    const years = planYears(title);
    const changes: Change[] = [];
    const set = (entity: string, entityId: string, measureId: string | null, fields: Record<string, unknown>): void => {
      for (const [field, value] of Object.entries(fields)) changes.push({ entity, entityId, field, value, measureId });
    };
    set('plan', planId, null, {
      source_sha256: source.sha256, document_index: source.documentIndex, title, issuer: null, period: years.period, intro: doc.intro,
      deadline: doc.deadline, source_name: source.fileName, source_format: source.format,
    });
    const sectionIds = new Map<string, string>();
    const links = new Set<string>();
    doc.sections.forEach((s, ord) => {
      const id = newId();
      const parent = sectionIds.get(JSON.stringify(s.path.slice(0, -1))) ?? null;
      set('section', id, null, { plan_id: planId, parent_id: parent, path: s.path, label: s.label, heading: s.heading, context: s.context, preamble: s.preamble, ord });
      sectionIds.set(JSON.stringify(s.path), id);
    });
    doc.items.forEach((m, ord) => {
      const id = newId();
      const sectionId = sectionIds.get(JSON.stringify(m.path.slice(0, -1))) ?? null;
      set('measure', id, id, {
        plan_id: planId, section_id: sectionId, path: m.path, number: m.path[m.path.length - 1] ?? String(ord + 1), title: m.title, text: m.text,
        deadline: m.deadline, deadline_date: deadlineDate(m.deadline, years.lastYear ?? undefined), targets: m.targets, ord,
      });
      const link = (role: 'lead' | 'responsible') => (u: string, i: number): void => {
        const key = `${id}|${role}|${resolveDepartment(db, u, userId)}`;
        // The same unit twice in one list keeps its first place.
        if (!links.has(key)) set('measure_department', key, id, { as_written: u, ord: i });
        links.add(key);
      };
      m.lead.forEach(link('lead'));
      m.responsible.forEach(link('responsible'));
    });
    record(db, userId, changes);
    return { planId, measureCount: doc.items.length, sectionCount: doc.sections.length };
  });
  return run();
}

interface PlanRow {
  id: string;
  title: string;
  issuer: string | null;
  period: string | null;
  deadline: string | null;
  source_name: string;
  source_sha256: string;
  source_format: string;
  imported_at: string;
  imported_by: string;
  imported_by_name: string | null;
  measure_count: number;
}

const PLAN_SELECT = `SELECT p.id, p.title, p.issuer, p.period, p.deadline, p.source_name, p.source_sha256, p.source_format,
  p.imported_at, p.imported_by, u.name AS imported_by_name,
  (SELECT count(*) FROM measures m WHERE m.plan_id = p.id) AS measure_count
  FROM plans p LEFT JOIN users u ON u.id = p.imported_by`;

function toPlan(r: PlanRow): PlanSummary {
  return {
    id: r.id,
    title: r.title,
    issuer: r.issuer,
    period: r.period,
    deadline: r.deadline,
    sourceName: r.source_name,
    sourceSha256: r.source_sha256,
    sourceFormat: r.source_format,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    importedByName: r.imported_by_name,
    measureCount: r.measure_count,
  };
}

export function hasPlans(db: Db): boolean {
  return db.prepare('SELECT 1 FROM plans LIMIT 1').get() !== undefined;
}

export function listPlans(db: Db): PlanSummary[] {
  return (db.prepare(`${PLAN_SELECT} ORDER BY p.imported_at`).all() as PlanRow[]).map(toPlan);
}
