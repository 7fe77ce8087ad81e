// Report drafts in the store: every write is recorded through the exchange core's record() as field changes of
// three registered entities (deterministic ids), so drafts travel between PCs and merge like any other change.
import type { Db } from '../open';
import { record } from '../sync/record';
import { registerEntity } from '../sync/registry';
import { nowIso } from '../../shared/ids';
import { EMPTY_HEADER, type DraftBlock, type DraftHeader } from '../../shared/report/draft';
import type { ReportScope } from '../../shared/report/types';

export const DRAFT = 'report_draft';
export const DRAFT_BLOCK = 'report_draft_block';
export const DRAFT_VERSION = 'report_draft_version';

/** One field of one row: an exchange Change of a draft entity. */
export interface DraftChange {
  entity: typeof DRAFT | typeof DRAFT_BLOCK | typeof DRAFT_VERSION;
  entityId: string;
  field: string;
  value: unknown;
}

const DRAFT_FIELDS: Record<string, string> = { kind: 'kind', period: 'period', scope: 'scope', header: 'header', deleted: 'deleted' };
const BLOCK_FIELDS: Record<string, string> = { draftId: 'draft_id', key: 'key', ord: 'ord', kind: 'kind', text: 'text', source: 'source', deleted: 'deleted' };

function column(fields: Record<string, string>, entity: string, field: string): string {
  const c = fields[field];
  if (!c) throw new Error(`${entity}: unknown field ${field}`);
  return c;
}

/** JSON fields are stored as text; booleans as 0/1. */
function sqlValue(v: unknown): string | number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v ?? null);
}

/** Appliers: a row is created by its first field write, with defaults for the rest (exchange rule). */
export const draftAppliers: Record<DraftChange['entity'], (db: Db, entityId: string, field: string, value: unknown) => void> = {
  [DRAFT](db, id, field, value) {
    const col = column(DRAFT_FIELDS, DRAFT, field);
    const now = nowIso();
    db.prepare(`INSERT INTO report_drafts (id, updated_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING`).run(id, now);
    db.prepare(`UPDATE report_drafts SET ${col} = ?, updated_at = ? WHERE id = ?`).run(sqlValue(value), now, id);
  },
  [DRAFT_BLOCK](db, id, field, value) {
    const col = column(BLOCK_FIELDS, DRAFT_BLOCK, field);
    const now = nowIso();
    db.prepare(`INSERT INTO report_draft_blocks (id, updated_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING`).run(id, now);
    db.prepare(`UPDATE report_draft_blocks SET ${col} = ?, updated_at = ? WHERE id = ?`).run(sqlValue(value), now, id);
  },
  [DRAFT_VERSION](db, id, field, value) {
    if (field !== 'snapshot') throw new Error(`${DRAFT_VERSION}: unknown field ${field}`);
    const v = value as { draftId: string; savedAt: string; savedBy: string | null; header: DraftHeader; blocks: DraftBlock[] };
    db.prepare(
      `INSERT INTO report_draft_versions (id, draft_id, saved_at, saved_by, header, blocks) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET header = excluded.header, blocks = excluded.blocks`,
    ).run(id, v.draftId, v.savedAt, v.savedBy, JSON.stringify(v.header), JSON.stringify(v.blocks));
  },
};

/** The draft entities, registered with the exchange core (db/sync/entities/index.ts). Drafts belong to no measure. */
export function registerReportDraftEntities(): void {
  for (const name of [DRAFT, DRAFT_BLOCK, DRAFT_VERSION] as const) registerEntity({ name, apply: draftAppliers[name], measureOf: () => null });
}

/** The one write of drafts, inside the caller's transaction: stamped, chained, stored and applied by record(). */
export function writeDraftChanges(db: Db, userId: string, changes: DraftChange[]): void {
  record(db, userId, changes.map((c) => ({ ...c, measureId: null })));
}

export interface DraftRow {
  id: string;
  kind: string;
  period: string;
  scope: ReportScope;
  header: DraftHeader;
  updatedAt: string;
}

export interface DraftBlockRow extends DraftBlock {
  id: string;
  ord: number;
  source: string;
}

export function getDraft(db: Db, id: string): DraftRow | null {
  const r = db.prepare('SELECT id, kind, period, scope, header, updated_at FROM report_drafts WHERE id = ? AND deleted = 0').get(id) as
    | { id: string; kind: string; period: string; scope: string; header: string; updated_at: string }
    | undefined;
  if (!r) return null;
  return { id: r.id, kind: r.kind, period: r.period, scope: JSON.parse(r.scope) as ReportScope, header: { ...EMPTY_HEADER, ...(JSON.parse(r.header) as Partial<DraftHeader>) }, updatedAt: r.updated_at };
}

export function draftBlocks(db: Db, draftId: string): DraftBlockRow[] {
  return db
    .prepare('SELECT id, key, ord, kind, text, source FROM report_draft_blocks WHERE draft_id = ? AND deleted = 0 ORDER BY ord, key')
    .all(draftId) as DraftBlockRow[];
}

export function draftVersions(db: Db, draftId: string): { version: number; savedAt: string; savedBy: string | null }[] {
  const rows = db
    .prepare('SELECT v.saved_at, u.name AS saved_by FROM report_draft_versions v LEFT JOIN users u ON u.id = v.saved_by WHERE v.draft_id = ? ORDER BY v.saved_at, v.id')
    .all(draftId) as { saved_at: string; saved_by: string | null }[];
  return rows.map((r, i) => ({ version: i + 1, savedAt: r.saved_at, savedBy: r.saved_by })).reverse();
}

export function draftVersionBlocks(db: Db, draftId: string, version: number): DraftBlock[] | null {
  const r = db.prepare('SELECT blocks FROM report_draft_versions WHERE draft_id = ? ORDER BY saved_at, id LIMIT 1 OFFSET ?').get(draftId, version - 1) as { blocks: string } | undefined;
  return r ? (JSON.parse(r.blocks) as DraftBlock[]) : null;
}
