// Evidence rows: which stored file backs which measure for which quarter, with what the clerk said about it.
import type { Db } from '../open';
import { AppError } from '../../shared/errors';
import { quarterOfDate } from '../../shared/periods';
import type { EvidenceItem, EvidenceKindName, EvidenceSort, MissingEvidenceRow, VerifyProblem } from '../../shared/api/evidence';
import { kindOf } from '../evidence-store/mime';
import { ensurePeriod } from './periods';
import { record, type Change } from '../sync/index';
import { listMeasures, measureExists } from './measures';

export interface NewEvidence {
  measureId: string;
  /** The quarter the clerk attached it under; the document date's quarter wins when given. */
  periodId: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  description?: string | undefined;
  docNumber?: string | undefined;
  docDate?: string | undefined;
}

/** The quarter evidence counts for: a review dated 30 June and attached on 8 July belongs to Q2. */
export function evidenceQuarter(periodId: string, docDate: string | null | undefined): string {
  return docDate ? quarterOfDate(docDate).id : periodId;
}

interface EvidenceDbRow {
  id: string;
  measure_id: string;
  period_id: string;
  sha256: string;
  name: string;
  size: number;
  mime: string;
  description: string;
  doc_number: string | null;
  doc_date: string | null;
  added_by: string;
  added_by_name: string | null;
  added_at: string;
  measure_number: string;
  measure_title: string;
  plan_id: string;
  plan_title: string;
  section_id: string | null;
}

const SELECT = `SELECT e.id, e.measure_id, e.period_id, e.sha256, e.name, e.size, e.mime, e.description, e.doc_number, e.doc_date,
  e.added_by, u.name AS added_by_name, e.added_at, m.number AS measure_number, m.title AS measure_title, m.plan_id,
  p.title AS plan_title, m.section_id
  FROM evidence e JOIN measures m ON m.id = e.measure_id JOIN plans p ON p.id = m.plan_id LEFT JOIN users u ON u.id = e.added_by`;

function toItem(r: EvidenceDbRow): EvidenceItem {
  return {
    id: r.id,
    measureId: r.measure_id,
    periodId: r.period_id,
    sha256: r.sha256,
    name: r.name,
    size: r.size,
    mime: r.mime,
    kind: kindOf(r.mime),
    description: r.description,
    docNumber: r.doc_number,
    docDate: r.doc_date,
    addedBy: r.added_by,
    addedByName: r.added_by_name,
    addedAt: r.added_at,
    measureNumber: r.measure_number,
    measureTitle: r.measure_title,
    planId: r.plan_id,
    planTitle: r.plan_title,
    sectionId: r.section_id,
  };
}

export function getEvidence(db: Db, id: string): EvidenceItem {
  const r = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EvidenceDbRow | undefined;
  if (!r) throw new AppError('not_found', '找不到这份佐证材料,它可能已被移除。请刷新后重试。');
  return toItem(r);
}

/** Checked before any bytes are copied, and again for each row inside the transaction that writes it. */
export function requireMeasure(db: Db, measureId: string): void {
  if (!measureExists(db, measureId)) throw new AppError('not_found', '找不到这项措施,无法添加佐证材料。请刷新后重试。');
}

/** A file's id on a record: measure | quarter | hash, the same on every PC that attaches it (evidence never conflicts). */
export function evidenceId(measureId: string, periodId: string, sha256: string): string {
  return `${measureId}|${periodId}|${sha256}`;
}

function evidenceChanges(id: string, measureId: string, fields: Record<string, unknown>): Change[] {
  return Object.entries(fields).map(([field, value]) => ({ entity: 'evidence', entityId: id, field, value, measureId }));
}

/** Writes the rows of stored files in one transaction; a file the record already has is reported, not doubled. */
export function insertEvidence(db: Db, rows: readonly NewEvidence[], userId: string): { items: EvidenceItem[]; duplicates: string[] } {
  return db.transaction(() => {
    const ids: string[] = [];
    const duplicates: string[] = [];
    const attached = db.prepare('SELECT 1 FROM evidence WHERE measure_id = ? AND period_id = ? AND sha256 = ?');
    const removedBefore = db.prepare("SELECT 1 FROM ops WHERE entity = 'evidence' AND entity_id = ? AND field = 'deleted' LIMIT 1");
    for (const r of rows) {
      requireMeasure(db, r.measureId);
      const period = evidenceQuarter(r.periodId, r.docDate);
      ensurePeriod(db, period);
      if (attached.get(r.measureId, period, r.sha256)) {
        duplicates.push(r.name);
        continue;
      }
      const id = evidenceId(r.measureId, period, r.sha256);
      // A file taken off this record earlier comes back under the same id.
      const again = removedBefore.get(id) ? { deleted: false } : {};
      record(db, userId, evidenceChanges(id, r.measureId, {
        ...again, period_id: period, name: r.name, size: r.size, mime: r.mime, description: r.description ?? '', doc_number: r.docNumber || null, doc_date: r.docDate || null,
      }));
      ids.push(id);
    }
    return { items: ids.map((id) => getEvidence(db, id)), duplicates };
  })();
}

export interface EvidenceFilter {
  measureId?: string | undefined;
  periodId?: string | undefined;
  planId?: string | undefined;
  sectionId?: string | undefined;
  departmentId?: string | undefined;
  kind?: EvidenceKindName | undefined;
  sort?: EvidenceSort | undefined;
}

const ORDER: Record<EvidenceSort, string> = {
  'date-desc': "coalesce(e.doc_date, substr(e.added_at, 1, 10)) DESC, e.added_at DESC",
  'date-asc': "coalesce(e.doc_date, substr(e.added_at, 1, 10)) ASC, e.added_at ASC",
  'size-desc': 'e.size DESC, e.added_at DESC',
  'size-asc': 'e.size ASC, e.added_at DESC',
};

export function listEvidence(db: Db, f: EvidenceFilter = {}): EvidenceItem[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.measureId) {
    where.push('e.measure_id = @measureId');
    params.measureId = f.measureId;
  }
  if (f.periodId) {
    where.push('e.period_id = @periodId');
    params.periodId = f.periodId;
  }
  if (f.planId) {
    where.push('m.plan_id = @planId');
    params.planId = f.planId;
  }
  if (f.sectionId) {
    where.push(`m.section_id IN (WITH RECURSIVE sub(id) AS (SELECT @sectionId UNION ALL
      SELECT s.id FROM sections s JOIN sub ON s.parent_id = sub.id) SELECT id FROM sub)`);
    params.sectionId = f.sectionId;
  }
  if (f.departmentId) {
    where.push('EXISTS (SELECT 1 FROM measure_departments md WHERE md.measure_id = m.id AND md.department_id = @departmentId)');
    params.departmentId = f.departmentId;
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${ORDER[f.sort ?? 'date-desc']}`;
  const items = (db.prepare(sql).all(params) as EvidenceDbRow[]).map(toItem);
  return f.kind ? items.filter((i) => i.kind === f.kind) : items;
}

export interface EvidenceUpdate {
  id: string;
  description?: string | undefined;
  docNumber?: string | undefined;
  docDate?: string | undefined;
}

/** Changes what the clerk said about a file; a new document date may move it to another quarter. */
export function updateEvidence(db: Db, u: EvidenceUpdate, userId: string): EvidenceItem {
  return db.transaction(() => {
    const old = getEvidence(db, u.id);
    const next = {
      description: u.description ?? old.description,
      docNumber: u.docNumber === undefined ? old.docNumber : u.docNumber || null,
      docDate: u.docDate === undefined ? old.docDate : u.docDate || null,
    };
    const period = evidenceQuarter(old.periodId, next.docDate);
    const clash = db.prepare('SELECT 1 FROM evidence WHERE measure_id = ? AND period_id = ? AND sha256 = ? AND id <> ?').get(old.measureId, period, old.sha256, old.id);
    if (clash) throw new AppError('conflict', '该季度已附有同一份文件,无需重复添加。');
    ensurePeriod(db, period);
    record(db, userId, evidenceChanges(old.id, old.measureId, { description: next.description, doc_number: next.docNumber, doc_date: next.docDate, period_id: period }));
    return getEvidence(db, old.id);
  })();
}

/** Takes a file off a record (a tombstone op, in the measure's history); the stored file waits for the clean-up. */
export function removeEvidence(db: Db, id: string, userId: string): EvidenceItem {
  return db.transaction(() => {
    const old = getEvidence(db, id);
    record(db, userId, evidenceChanges(id, old.measureId, { deleted: true }));
    return old;
  })();
}

/** Measures with no evidence for the quarter (缺佐证); those marked 不适用 need none. */
export function missingEvidence(db: Db, a: { periodId: string; planId?: string | undefined; departmentId?: string | undefined }): MissingEvidenceRow[] {
  const have = new Set((db.prepare('SELECT DISTINCT measure_id FROM evidence WHERE period_id = ?').all(a.periodId) as { measure_id: string }[]).map((r) => r.measure_id));
  const plans = new Map((db.prepare('SELECT id, title FROM plans').all() as { id: string; title: string }[]).map((p) => [p.id, p.title]));
  return listMeasures(db, { periodId: a.periodId, planId: a.planId, departmentId: a.departmentId })
    .filter((m) => !have.has(m.id) && m.status !== '不适用')
    .map((m) => ({
      id: m.id,
      planId: m.planId,
      planTitle: plans.get(m.planId) ?? '',
      sectionId: m.sectionId,
      number: m.number,
      title: m.title,
      status: m.status,
      lead: m.lead.map((u) => u.name),
    }));
}

/** Every stored file some record refers to, with its size. */
export function referencedBlobs(db: Db): { sha256: string; size: number }[] {
  return db.prepare('SELECT sha256, max(size) AS size FROM evidence GROUP BY sha256 ORDER BY sha256').all() as { sha256: string; size: number }[];
}

export function isReferenced(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}

/** The records using each file, for reporting a damaged one by name and measure. */
export function usesOf(db: Db, sha256: string): VerifyProblem['uses'] {
  return (
    db
      .prepare(
        `SELECT e.id, e.name, e.measure_id, m.number, m.title, e.period_id FROM evidence e JOIN measures m ON m.id = e.measure_id
         WHERE e.sha256 = ? ORDER BY e.added_at`,
      )
      .all(sha256) as { id: string; name: string; measure_id: string; number: string; title: string; period_id: string }[]
  ).map((r) => ({ evidenceId: r.id, name: r.name, measureId: r.measure_id, measureNumber: r.number, measureTitle: r.title, periodId: r.period_id }));
}

/** What the serving route needs of a known hash, or null for a hash no record has. */
export function servedFile(db: Db, sha256: string): { name: string; mime: string; size: number } | null {
  return (db.prepare('SELECT name, mime, size FROM evidence WHERE sha256 = ? ORDER BY added_at LIMIT 1').get(sha256) as
    | { name: string; mime: string; size: number }
    | undefined) ?? null;
}
