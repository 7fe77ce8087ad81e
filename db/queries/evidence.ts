// Evidence rows: which stored file backs which measure for which quarter, with what the clerk said about it.
import type { Db } from '../open';
import { AppError } from '../../shared/errors';
import { quarterOfDate } from '../../shared/periods';
import type { EvidenceItem, EvidencePick, EvidenceKindName, EvidenceSort, MissingEvidenceRow, VerifyProblem } from '../../shared/api/evidence';
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
  superseded_by: string | null;
}

/**
 * A row is an earlier version only while its successor is there: taking the newer file off brings
 * the older one back, and a successor that has not arrived yet from another PC hides nothing.
 */
const SUCCESSOR = 'EXISTS (SELECT 1 FROM evidence n WHERE n.id = e.superseded_by)';
/** SQL condition (alias e) for the files that count: current versions only. */
export const CURRENT_EVIDENCE = `(e.superseded_by IS NULL OR NOT ${SUCCESSOR})`;

const SELECT = `SELECT e.id, e.measure_id, e.period_id, e.sha256, e.name, e.size, e.mime, e.description, e.doc_number, e.doc_date,
  e.added_by, u.name AS added_by_name, e.added_at, m.number AS measure_number, m.title AS measure_title, m.plan_id,
  p.title AS plan_title, m.section_id, CASE WHEN e.superseded_by IS NOT NULL AND ${SUCCESSOR} THEN e.superseded_by END AS superseded_by
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
    supersededBy: r.superseded_by,
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
/** An empty file proves nothing: it is never evidence, so it can never clear 缺佐证. */
export function emptyEvidenceError(name: string): AppError {
  return new AppError('empty_file', `文件“${name}”是空文件(0 字节),不能作为佐证材料,未保存。请确认选对了文件、扫描或导出已经完成,再重新添加。`);
}

/**
 * The file a replacement may take the place of: a current version on the same measure. Checked before
 * any bytes are copied, and again inside the transaction that records the replacement.
 */
export function requireReplaceable(db: Db, replaces: string, measureId: string): EvidenceItem {
  const old = getEvidence(db, replaces);
  if (old.measureId !== measureId) throw new AppError('validation', `“${old.name}”属于另一项措施,只能在它所在的措施下用新版本替换。`);
  if (old.supersededBy) {
    const next = getEvidence(db, old.supersededBy);
    throw new AppError('conflict', `“${old.name}”已被新版本“${next.name}”替换。请刷新后替换最新的版本。`);
  }
  return old;
}

/**
 * Writes the rows of stored files in one transaction; a file the record already has is reported, not doubled.
 * With `replaces`, the one new file becomes the current version and the old row stays as its earlier version.
 */
export function insertEvidence(db: Db, rows: readonly NewEvidence[], userId: string, replaces?: string): { items: EvidenceItem[]; duplicates: string[] } {
  return db.transaction(() => {
    const ids: string[] = [];
    const duplicates: string[] = [];
    const old = replaces ? requireReplaceable(db, replaces, rows[0]?.measureId ?? '') : null;
    if (old && rows.length !== 1) throw new AppError('validation', '一次只能用一个文件替换一份佐证材料。请只选择一个文件。');
    const attached = db.prepare('SELECT 1 FROM evidence WHERE measure_id = ? AND period_id = ? AND sha256 = ?');
    const removedBefore = db.prepare("SELECT 1 FROM ops WHERE entity = 'evidence' AND entity_id = ? AND field = 'deleted' LIMIT 1");
    let successor: string | null = null;
    for (const r of rows) {
      if (r.size === 0) throw emptyEvidenceError(r.name);
      requireMeasure(db, r.measureId);
      const period = evidenceQuarter(r.periodId, r.docDate);
      ensurePeriod(db, period);
      const id = evidenceId(r.measureId, period, r.sha256);
      successor = id;
      if (old && id === old.id) throw new AppError('conflict', `所选文件与“${old.name}”内容完全相同,无需替换。请选择修改后的新版本。`);
      if (attached.get(r.measureId, period, r.sha256)) {
        duplicates.push(r.name);
        // Chosen as the replacement, the file the quarter already holds becomes the current one even when it was an
        // earlier version (of this file or another): left superseded, it and the file it replaces would both be hidden.
        if (old && getEvidence(db, id).supersededBy) record(db, userId, evidenceChanges(id, r.measureId, { superseded_by: null }));
        continue;
      }
      // A file taken off this record earlier comes back under the same id.
      const again = removedBefore.get(id) ? { deleted: false } : {};
      // A newer version says what the old one said unless the clerk says otherwise.
      const description = r.description || (old?.description ?? '');
      record(db, userId, evidenceChanges(id, r.measureId, {
        ...again, period_id: period, name: r.name, size: r.size, mime: r.mime, description, doc_number: r.docNumber || null, doc_date: r.docDate || null,
      }));
      ids.push(id);
    }
    if (old && successor) record(db, userId, evidenceChanges(old.id, old.measureId, { superseded_by: successor }));
    return { items: ids.map((id) => getEvidence(db, id)), duplicates };
  })();
}

/** The earlier versions of a file, newest first: the chain of rows each replaced by the next. */
export function evidenceHistory(db: Db, id: string): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const seen = new Set<string>([id]);
  const before = db.prepare(`${SELECT} WHERE e.superseded_by = ? ORDER BY e.added_at DESC`);
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const r of before.all(f) as EvidenceDbRow[]) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push(toItem(r));
        next.push(r.id);
      }
    }
    frontier = next;
  }
  return out;
}

export interface EvidenceFilter {
  measureId?: string | undefined;
  periodId?: string | undefined;
  planId?: string | undefined;
  sectionId?: string | undefined;
  departmentId?: string | undefined;
  kind?: EvidenceKindName | undefined;
  sort?: EvidenceSort | undefined;
  /** Earlier versions of replaced files too (a measure's panel lists them in its history fold). */
  withHistory?: boolean | undefined;
}

const ORDER: Record<EvidenceSort, string> = {
  'date-desc': "coalesce(e.doc_date, substr(e.added_at, 1, 10)) DESC, e.added_at DESC",
  'date-asc': "coalesce(e.doc_date, substr(e.added_at, 1, 10)) ASC, e.added_at ASC",
  'size-desc': 'e.size DESC, e.added_at DESC',
  'size-asc': 'e.size ASC, e.added_at DESC',
};

export function listEvidence(db: Db, f: EvidenceFilter = {}): EvidenceItem[] {
  const where: string[] = ['p.deleted = 0'];
  if (!f.withHistory) where.push(CURRENT_EVIDENCE);
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
  const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${ORDER[f.sort ?? 'date-desc']}`;
  const items = (db.prepare(sql).all(params) as EvidenceDbRow[]).map(toItem);
  return f.kind ? items.filter((i) => i.kind === f.kind) : items;
}

/** A date as a clerk types it (2024年9月30日, 2024.9.30, 2024/9) in the stored form (2024-09-30, 2024-09); other words unchanged. */
export function dateTerm(term: string): string {
  const m = /^(\d{4})\s*[年./-]\s*(\d{1,2})(?:\s*[月./-]\s*(?:(\d{1,2})\s*日?)?)?$/.exec(term);
  if (!m) return term;
  const mm = m[2]!.padStart(2, '0');
  return m[3] ? `${m[1]}-${mm}-${m[3].padStart(2, '0')}` : `${m[1]}-${mm}`;
}

const likeEscape = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Files already in the store a clerk may attach to another record, found by name, 文号 or date
 * (every word must match one of them); one entry per file, its newest record first.
 */
export function pickEvidence(db: Db, a: { query: string; excludeMeasureId?: string | undefined; limit?: number | undefined }): EvidencePick[] {
  const terms = a.query.trim().split(/\s+/).filter(Boolean).slice(0, 8).map(dateTerm);
  const params: Record<string, unknown> = { exclude: a.excludeMeasureId ?? null };
  const where = ['p.deleted = 0', CURRENT_EVIDENCE, '(@exclude IS NULL OR e.sha256 NOT IN (SELECT x.sha256 FROM evidence x WHERE x.measure_id = @exclude))'];
  terms.forEach((t, i) => {
    params[`t${i}`] = likeEscape(t);
    where.push(`(e.name LIKE @t${i} ESCAPE '\\' OR coalesce(e.doc_number, '') LIKE @t${i} ESCAPE '\\' OR coalesce(e.doc_date, '') LIKE @t${i} ESCAPE '\\'
      OR e.description LIKE @t${i} ESCAPE '\\')`);
  });
  const rows = db.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${ORDER['date-desc']}`).all(params) as EvidenceDbRow[];
  const byFile = new Map<string, EvidencePick>();
  for (const r of rows) {
    const seen = byFile.get(r.sha256);
    if (seen) seen.uses++;
    else byFile.set(r.sha256, { ...toItem(r), uses: 1 });
  }
  return [...byFile.values()].slice(0, a.limit ?? 50);
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
  const have = new Set((db.prepare(`SELECT DISTINCT measure_id FROM evidence e WHERE period_id = ? AND ${CURRENT_EVIDENCE}`).all(a.periodId) as { measure_id: string }[]).map((r) => r.measure_id));
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
