// A measure's history, read from the ops: who changed which field when, old and new value, in the shape the History pane shows.
import type { Db } from '../open';
import type { ChangeEntry } from '../../shared/model';
import { hlcTime } from '../../shared/sync/hlc';

interface OpRow {
  hlc: string;
  replica_id: string;
  author: string;
  user_name: string | null;
  entity: string;
  entity_id: string;
  field: string;
  value: string;
  old_value: string | null;
}

const EVIDENCE_FIELDS: Record<string, string> = { description: 'description', doc_number: 'docNumber', doc_date: 'docDate', period_id: 'period' };

const text = (json: string | null): string | null => {
  if (json === null) return null;
  const v = JSON.parse(json) as unknown;
  return v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
};

const label = (name: string, sha256: string): string => `${name}(SHA-256 ${sha256})`;

type Shown = Pick<ChangeEntry, 'action' | 'field' | 'oldValue' | 'newValue'>;

/**
 * How an op reads in history; null for ops that only set up a row (a measure's fields at
 * import, a file's size and type): the file's name stands for its attachment.
 */
function shown(r: OpRow, evidenceName: (id: string) => string): Shown | null {
  const action = r.old_value === null ? 'create' : 'update';
  if (r.entity === 'progress') return { action, field: `${r.field}:${r.entity_id.split('|')[1] ?? ''}`, oldValue: text(r.old_value), newValue: text(r.value) };
  if (r.entity === 'evidence') {
    const [, period = '', sha = ''] = r.entity_id.split('|');
    const file = label(evidenceName(r.entity_id), sha);
    if (r.field === 'name' && r.old_value === null) return { action: 'create', field: `evidence:${period}`, oldValue: null, newValue: file };
    if (r.field === 'deleted') return r.value === 'true' ? { action: 'delete', field: `evidence:${period}`, oldValue: file, newValue: null } : { action: 'create', field: `evidence:${period}`, oldValue: null, newValue: file };
    const sub = EVIDENCE_FIELDS[r.field];
    if (sub && r.old_value !== null) return { action, field: `evidence.${sub}:${evidenceName(r.entity_id)}`, oldValue: text(r.old_value), newValue: text(r.value) };
    return null;
  }
  if (r.field === 'deleted') return { action: r.value === 'true' ? 'delete' : 'create', field: r.entity, oldValue: null, newValue: null };
  return r.old_value === null ? null : { action, field: r.field, oldValue: text(r.old_value), newValue: text(r.value) };
}

export function measureHistory(db: Db, measureId: string): ChangeEntry[] {
  const rows = db
    .prepare(
      `SELECT o.hlc, o.replica_id, o.author, u.name AS user_name, o.entity, o.entity_id, o.field, o.value, o.old_value
       FROM ops o LEFT JOIN users u ON u.id = o.author WHERE o.measure_id = ? ORDER BY o.hlc DESC`,
    )
    .all(measureId) as OpRow[];
  const names = new Map<string, string>();
  // Newest first: the first name met is the file's current name.
  for (const r of rows) if (r.entity === 'evidence' && r.field === 'name' && !names.has(r.entity_id)) names.set(r.entity_id, text(r.value) ?? '');
  const out: ChangeEntry[] = [];
  for (const r of rows) {
    const s = shown(r, (id) => names.get(id) ?? '');
    if (!s) continue;
    out.push({ id: `${r.replica_id}@${r.hlc}`, at: hlcTime(r.hlc), userId: r.author || null, userName: r.user_name, entity: r.entity, entityId: r.entity_id, ...s });
  }
  return out;
}
