// Migration 0003's data step: every existing row becomes the ops that make it, and the old change log is folded in as ops.
import type { Db } from '../open';
import { canonicalJson } from '../../shared/sync/types';
import { formatHlc, send, type Hlc } from '../../shared/sync/hlc';
import { opHash, type HashFn } from '../../shared/sync/audit-hash';

interface Pending {
  at: string;
  rank: number;
  author: string;
  entity: string;
  entityId: string;
  field: string;
  value: unknown;
  measureId: string | null;
  oldValue: string | null;
}

type Row = Record<string, unknown>;

function rows(db: Db, sql: string): Row[] {
  return db.prepare(sql).all() as Row[];
}

const json = (s: unknown): unknown => JSON.parse(String(s)) as unknown;
const bool = (n: unknown): boolean => n === 1;

export function foldLegacy(db: Db, replicaId: string, hash: HashFn): void {
  const out: Pending[] = [];
  const put = (at: unknown, rank: number, author: unknown, entity: string, entityId: unknown, measureId: unknown, fields: Record<string, unknown>): void => {
    for (const [field, value] of Object.entries(fields)) {
      out.push({ at: String(at), rank, author: String(author ?? ''), entity, entityId: String(entityId), field, value, measureId: measureId === null ? null : String(measureId), oldValue: null });
    }
  };
  for (const d of rows(db, 'SELECT * FROM departments')) put(d.created_at, 0, '', 'department', d.id, null, { name: d.name, canonical_key: d.canonical_key, collective: bool(d.collective) });
  for (const a of rows(db, 'SELECT a.alias, a.department_id, d.created_at FROM department_aliases a JOIN departments d ON d.id = a.department_id')) {
    put(a.created_at, 1, '', 'department_alias', a.alias, null, { department_id: a.department_id });
  }
  for (const u of rows(db, 'SELECT * FROM users')) put(u.created_at, 2, u.id, 'user', u.id, null, { name: u.name, role: u.role, department_id: u.department_id, is_system: bool(u.is_system) });
  for (const p of rows(db, 'SELECT * FROM plans')) {
    put(p.imported_at, 3, p.imported_by, 'plan', p.id, null, {
      title: p.title, issuer: p.issuer, period: p.period, intro: p.intro, deadline: p.deadline, source_name: p.source_name,
      source_sha256: p.source_sha256, source_format: p.source_format, document_index: p.document_index,
    });
  }
  for (const s of rows(db, 'SELECT s.*, p.imported_at, p.imported_by FROM sections s JOIN plans p ON p.id = s.plan_id ORDER BY s.plan_id, s.ord')) {
    put(s.imported_at, 4, s.imported_by, 'section', s.id, null, {
      plan_id: s.plan_id, parent_id: s.parent_id, path: json(s.path), label: s.label, heading: s.heading, context: s.context, preamble: bool(s.preamble), ord: s.ord,
    });
  }
  for (const m of rows(db, 'SELECT m.*, p.imported_by FROM measures m JOIN plans p ON p.id = m.plan_id ORDER BY m.plan_id, m.ord')) {
    put(m.created_at, 5, m.imported_by, 'measure', m.id, m.id, {
      plan_id: m.plan_id, section_id: m.section_id, path: json(m.path), number: m.number, title: m.title, text: m.text,
      deadline: m.deadline, deadline_date: m.deadline_date, targets: json(m.targets), ord: m.ord,
    });
  }
  for (const l of rows(db, 'SELECT l.*, m.created_at, p.imported_by FROM measure_departments l JOIN measures m ON m.id = l.measure_id JOIN plans p ON p.id = m.plan_id')) {
    put(l.created_at, 6, l.imported_by, 'measure_department', `${String(l.measure_id)}|${String(l.role)}|${String(l.department_id)}`, l.measure_id, { as_written: l.as_written, ord: l.ord });
  }
  foldProgress(db, out);
  foldEvidence(db, out, put);

  const order = out.map((p, i) => ({ p, i }));
  order.sort((a, b) => (a.p.at < b.p.at ? -1 : a.p.at > b.p.at ? 1 : a.p.rank - b.p.rank || a.i - b.i));
  const ledgerId = (db.prepare('SELECT ledger_id FROM ledger').get() as { ledger_id: string }).ledger_id;
  const insert = db.prepare(
    `INSERT INTO ops (ledger_id, replica_id, hlc, author, entity, entity_id, field, value, measure_id, old_value, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let clock: Hlc = { millis: 0, counter: 0, node: replicaId };
  let prev = '';
  for (const { p } of order) {
    const t = Date.parse(p.at);
    clock = send(clock, Number.isNaN(t) ? clock.millis : t);
    const op = { ledgerId, replicaId, hlc: formatHlc(clock), author: p.author, entity: p.entity, entityId: p.entityId, field: p.field, value: canonicalJson(p.value), measureId: p.measureId, oldValue: p.oldValue };
    const h = opHash(hash, prev, op);
    insert.run(op.ledgerId, op.replicaId, op.hlc, op.author, op.entity, op.entityId, op.field, op.value, op.measureId, op.oldValue, prev, h);
    prev = h;
  }
}

/** Progress history was logged field by field: those rows are its ops; fields never logged get one op from the row. */
function foldProgress(db: Db, out: Pending[]): void {
  const seen = new Set<string>();
  const logged = rows(
    db,
    `SELECT c.at, c.user_id, c.action, c.measure_id, c.field, c.old_value, c.new_value, r.new_id FROM change_log c
     JOIN temp.rekeyed r ON r.entity = 'progress' AND r.old_id = c.entity_id WHERE c.entity = 'progress' ORDER BY c.at, c.rowid`,
  );
  for (const c of logged) {
    const field = String(c.field).split(':')[0]!;
    if (field !== 'status' && field !== 'narrative') continue;
    seen.add(`${String(c.new_id)}\u0000${field}`);
    const old = c.action === 'create' ? null : canonicalJson(c.old_value ?? '');
    out.push({ at: String(c.at), rank: 7, author: String(c.user_id ?? ''), entity: 'progress', entityId: String(c.new_id), field, value: c.new_value ?? '', measureId: String(c.measure_id), oldValue: old });
  }
  for (const p of rows(db, 'SELECT * FROM progress')) {
    for (const field of ['status', 'narrative'] as const) {
      if (seen.has(`${String(p.id)}\u0000${field}`)) continue;
      out.push({ at: String(p.updated_at), rank: 7, author: String(p.updated_by), entity: 'progress', entityId: String(p.id), field, value: p[field], measureId: String(p.measure_id), oldValue: null });
    }
  }
}

const EVIDENCE_FIELDS: Record<string, string> = { description: 'description', docNumber: 'doc_number', docDate: 'doc_date', period: 'period_id' };

/** Evidence present now gets its fields as ops; logged edits and removals (with the removed file's id rebuilt from its label) follow. */
function foldEvidence(db: Db, out: Pending[], put: (at: unknown, rank: number, author: unknown, entity: string, entityId: unknown, measureId: unknown, fields: Record<string, unknown>) => void): void {
  for (const e of rows(db, 'SELECT * FROM evidence')) {
    put(e.added_at, 8, e.added_by, 'evidence', e.id, e.measure_id, {
      name: e.name, size: e.size, mime: e.mime, description: e.description, doc_number: e.doc_number, doc_date: e.doc_date, period_id: e.period_id,
    });
  }
  const ids = new Map((rows(db, "SELECT old_id, new_id FROM temp.rekeyed WHERE entity = 'evidence'")).map((r) => [String(r.old_id), String(r.new_id)]));
  const logged = rows(db, "SELECT rowid, * FROM change_log WHERE entity = 'evidence' ORDER BY at, rowid");
  // A removed file's id: measure | quarter | hash, read from its removal entry ("name(SHA-256 hex)" under "evidence:quarter").
  for (const c of logged) {
    if (c.action !== 'delete') continue;
    const sha = /SHA-256 ([0-9a-f]{64})/.exec(String(c.old_value ?? ''))?.[1];
    const period = String(c.field ?? '').split(':')[1];
    if (sha && period) ids.set(String(c.entity_id), `${String(c.measure_id)}|${period}|${sha}`);
  }
  for (const c of logged) {
    const id = ids.get(String(c.entity_id));
    if (!id) continue;
    const label = /^(.*)\(SHA-256 [0-9a-f]{64}\)$/.exec(String(c.action === 'delete' ? c.old_value : c.new_value ?? ''));
    if (c.action === 'create') {
      // Files still attached already have their fields above; a removed one keeps its name for history.
      if (!db.prepare('SELECT 1 FROM evidence WHERE id = ?').get(id) && label) out.push({ at: String(c.at), rank: 8, author: String(c.user_id ?? ''), entity: 'evidence', entityId: id, field: 'name', value: label[1], measureId: String(c.measure_id), oldValue: null });
    } else if (c.action === 'delete') {
      out.push({ at: String(c.at), rank: 9, author: String(c.user_id ?? ''), entity: 'evidence', entityId: id, field: 'deleted', value: true, measureId: String(c.measure_id), oldValue: canonicalJson(false) });
    } else {
      const field = EVIDENCE_FIELDS[String(c.field ?? '').split(':')[0]!.replace(/^evidence\./, '')];
      if (field) out.push({ at: String(c.at), rank: 9, author: String(c.user_id ?? ''), entity: 'evidence', entityId: id, field, value: c.new_value ?? null, measureId: String(c.measure_id), oldValue: canonicalJson(c.old_value ?? null) });
    }
  }
}
