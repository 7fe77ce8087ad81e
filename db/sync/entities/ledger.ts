// How the ledger's own entities (departments, users, plans, sections, measures, unit links, progress, evidence) apply their ops.
import type { Db } from '../../open';
import { registerEntity } from '../registry';
import { stmt } from '../stmt';
import { winningOp } from '../ops-store';
import { touchedInBatch } from '../record';
import { bool, jsonText, parts, tableEntity } from './table';
import { indexText } from '../../queries/search';
import { ensurePeriod } from '../../queries/periods';

const col = (column: string, fallback: unknown = null, toDb?: (v: unknown) => unknown) => ({ column, fallback, toDb });
const byId = (id: string): Record<string, string> => ({ id });

/** A measure's updated time moves forward with its progress and evidence (max, so the order ops arrive in does not matter). */
function touchMeasure(db: Db, measureId: string, at: string): void {
  stmt(db, 'UPDATE measures SET updated_at = max(updated_at, ?) WHERE id = ?').run(at, measureId);
}

/** The measure's search text: title, text and the units as the document wrote them. */
export function reindexMeasure(db: Db, measureId: string): void {
  const m = stmt(db, 'SELECT title, text FROM measures WHERE id = ?').get(measureId) as { title: string; text: string } | undefined;
  if (!m) return;
  const units = (stmt(db, 'SELECT as_written FROM measure_departments WHERE measure_id = ? ORDER BY role, ord').all(measureId) as { as_written: string }[]).map((u) => u.as_written);
  indexText(db, `measure:${measureId}`, measureId, `${m.title}\n${m.text}\n${units.join(' ')}`);
}

export function registerLedgerEntities(): void {
  registerEntity(
    tableEntity({
      name: 'department',
      table: 'departments',
      key: byId,
      tombstone: 'none',
      fields: { name: col('name', ''), canonical_key: col('canonical_key', ''), collective: col('collective', false, bool), merged_into: col('merged_into') },
      stamp: (s) => ({ created_at: s.createdAt }),
    }),
  );
  registerEntity(
    tableEntity({ name: 'department_alias', table: 'department_aliases', key: (alias) => ({ alias }), tombstone: 'none', fields: { department_id: col('department_id', '') } }),
  );
  registerEntity(
    tableEntity({
      name: 'user',
      table: 'users',
      key: byId,
      tombstone: 'none',
      fields: { name: col('name', ''), role: col('role', 'clerk'), department_id: col('department_id'), is_system: col('is_system', false, bool), password_hash: col('password_hash') },
      stamp: (s) => ({ created_at: s.createdAt }),
    }),
  );
  registerEntity(
    tableEntity({
      name: 'plan',
      table: 'plans',
      key: byId,
      tombstone: 'none',
      fields: {
        source_sha256: col('source_sha256', ''),
        document_index: col('document_index', 0),
        title: col('title', ''),
        issuer: col('issuer'),
        period: col('period'),
        intro: col('intro', ''),
        deadline: col('deadline'),
        source_name: col('source_name', ''),
        source_format: col('source_format', ''),
        // A deleted plan keeps every row; readers filter on the column (see plan-lifecycle).
        deleted: col('deleted', false, bool),
        deleted_at: col('deleted_at'),
        deleted_by: col('deleted_by'),
      },
      stamp: (s) => ({ imported_at: s.createdAt, imported_by: s.createdBy }),
    }),
  );
  registerEntity(
    tableEntity({
      name: 'section',
      table: 'sections',
      key: byId,
      tombstone: 'none',
      fields: {
        plan_id: col('plan_id', ''),
        parent_id: col('parent_id'),
        path: col('path', [], jsonText),
        label: col('label', ''),
        heading: col('heading', ''),
        context: col('context', ''),
        preamble: col('preamble', false, bool),
        ord: col('ord', 0),
      },
    }),
  );
  registerEntity(
    tableEntity({
      name: 'measure',
      table: 'measures',
      key: byId,
      tombstone: 'column',
      fields: {
        plan_id: col('plan_id', ''),
        section_id: col('section_id'),
        path: col('path', [], jsonText),
        number: col('number', ''),
        title: col('title', ''),
        text: col('text', ''),
        deadline: col('deadline'),
        deadline_date: col('deadline_date'),
        targets: col('targets', [], jsonText),
        ord: col('ord', 0),
        deleted: col('deleted', false, bool),
      },
      stamp: (s, db, key) => {
        const cur = stmt(db, 'SELECT updated_at FROM measures WHERE id = ?').get(key.id) as { updated_at: string } | undefined;
        return { created_at: s.createdAt, updated_at: cur && cur.updated_at > s.updatedAt ? cur.updated_at : s.updatedAt };
      },
      measureOf: (_db, id) => id,
      derive: reindexMeasure,
    }),
  );
  registerEntity(
    tableEntity({
      name: 'measure_department',
      table: 'measure_departments',
      key: (id) => {
        const [measure_id, role, department_id] = parts(id, 3) as [string, string, string];
        return { measure_id, role, department_id };
      },
      tombstone: 'row',
      fields: { as_written: col('as_written', ''), ord: col('ord', 0) },
      measureOf: (_db, id) => parts(id, 3)[0]!,
      derive: (db, id) => {
        const measureId = parts(id, 3)[0]!;
        // An import touches the measure too, and its own derive indexes it once.
        if (!touchedInBatch(db, 'measure', measureId)) reindexMeasure(db, measureId);
      },
    }),
  );
  registerEntity(
    tableEntity({
      name: 'progress',
      table: 'progress',
      key: (id) => {
        const [measure_id, period_id] = parts(id, 2) as [string, string];
        return { id, measure_id, period_id };
      },
      tombstone: 'none',
      fields: { status: col('status', '未开始'), narrative: col('narrative', '') },
      stamp: (s, db, key) => {
        ensurePeriod(db, key.period_id!);
        return { updated_by: s.updatedBy, updated_at: s.updatedAt };
      },
      measureOf: (_db, id) => parts(id, 2)[0]!,
      derive: (db, id) => {
        const p = stmt(db, 'SELECT measure_id, narrative, updated_at FROM progress WHERE id = ?').get(id) as { measure_id: string; narrative: string; updated_at: string } | undefined;
        if (!p) return;
        indexText(db, `progress:${id}`, p.measure_id, p.narrative);
        touchMeasure(db, p.measure_id, p.updated_at);
      },
    }),
  );
  registerEntity(
    tableEntity({
      name: 'evidence',
      table: 'evidence',
      key: (id) => {
        const [measure_id, , sha256] = parts(id, 3) as [string, string, string];
        return { id, measure_id, sha256 };
      },
      tombstone: 'row',
      fields: {
        period_id: col('period_id', ''),
        name: col('name', ''),
        size: col('size', 0),
        mime: col('mime', 'application/octet-stream'),
        description: col('description', ''),
        doc_number: col('doc_number'),
        doc_date: col('doc_date'),
        // Replacing a file names its successor here; the old row stays, so it travels and stays downloadable.
        superseded_by: col('superseded_by'),
      },
      stamp: (s) => ({ added_by: s.createdBy, added_at: s.createdAt }),
      measureOf: (_db, id) => parts(id, 3)[0]!,
      derive: (db, id) => {
        // A removed file's quarter stays listed, as on the replica that removed it (its own attach listed it): from the log.
        const e = stmt(db, 'SELECT period_id FROM evidence WHERE id = ?').get(id) as { period_id: string } | undefined;
        const logged = e ? undefined : winningOp(db, 'evidence', id, 'period_id');
        const period = e?.period_id ?? (logged ? (JSON.parse(logged.value) as unknown) : null);
        if (typeof period === 'string' && period) ensurePeriod(db, period);
        // Removing a file touches its measure too: the newest op of the file, present or not.
        const last = stmt(db, "SELECT max(hlc) AS h FROM ops WHERE entity = 'evidence' AND entity_id = ?").get(id) as { h: string };
        touchMeasure(db, parts(id, 3)[0]!, last.h.slice(0, 24));
      },
    }),
  );
}
