// A revised outline imported over an existing plan: continuing measures keep their identity (and so their progress and evidence).
import type { Db } from '../open';
import { record, type Change } from '../sync/index';
import { newId } from '../../shared/ids';
import { AppError } from '../../shared/errors';
import { deadlineDate } from '../../shared/deadline-date';
import type { ParsedDocument } from '../../shared/outline/types';
import { diffRevision, type RevisionDiff, type RevisionMeasure } from '../../shared/outline/revision';
import type { RevisionDone, RevisionPreview } from '../../shared/api/corrections';
import { planYears, type ImportSource } from './plans';
import { unitChanges } from './measure-edits';

interface Existing extends RevisionMeasure {
  id: string;
  number: string;
}

function existingMeasures(db: Db, planId: string): Existing[] {
  const rows = db.prepare('SELECT id, path, number, title, text, deadline FROM measures WHERE plan_id = ? AND deleted = 0 ORDER BY ord').all(planId) as {
    id: string;
    path: string;
    number: string;
    title: string;
    text: string;
    deadline: string | null;
  }[];
  const units = db.prepare('SELECT as_written FROM measure_departments WHERE measure_id = ? AND role = ? ORDER BY ord');
  const names = (id: string, role: string): string[] => (units.all(id, role) as { as_written: string }[]).map((u) => u.as_written);
  return rows.map((r) => ({ ...r, path: JSON.parse(r.path) as string[], lead: names(r.id, 'lead'), responsible: names(r.id, 'responsible') }));
}

function planTitle(db: Db, planId: string): string {
  const p = db.prepare('SELECT title FROM plans WHERE id = ? ').get(planId) as { title: string } | undefined;
  if (!p) throw new AppError('not_found', '找不到要修订的实施方案,它可能已被删除。请刷新后重新选择。');
  return p.title;
}

const numberOf = (path: readonly string[], fallback: number): string => path[path.length - 1] ?? String(fallback + 1);

export function previewRevision(db: Db, planId: string, doc: ParsedDocument): RevisionPreview {
  const title = planTitle(db, planId);
  const old = existingMeasures(db, planId);
  const d = diffRevision(old, doc.items);
  const count = db.prepare('SELECT (SELECT count(*) FROM progress WHERE measure_id = @id) AS records, (SELECT count(*) FROM evidence WHERE measure_id = @id) AS evidence');
  return {
    planId,
    planTitle: title,
    unchanged: d.continuing.filter((p) => p.changed.length === 0).length,
    changed: d.continuing
      .filter((p) => p.changed.length > 0)
      .map((p) => ({ measureId: old[p.old]!.id, number: old[p.old]!.number, title: old[p.old]!.title, newTitle: doc.items[p.next]!.title, changed: p.changed })),
    added: d.added.map((n) => ({ index: n, number: numberOf(doc.items[n]!.path, n), title: doc.items[n]!.title })),
    removed: d.removed.map((o) => ({ measureId: old[o]!.id, number: old[o]!.number, title: old[o]!.title, ...(count.get({ id: old[o]!.id }) as { records: number; evidence: number }) })),
  };
}

/** Sections of the revised outline, matched to the plan's by path; new ones created, changed headings updated. */
function sectionChanges(db: Db, planId: string, doc: ParsedDocument, changes: Change[]): Map<string, string> {
  const existing = new Map(
    (db.prepare('SELECT id, path, heading, context FROM sections WHERE plan_id = ?').all(planId) as { id: string; path: string; heading: string; context: string }[]).map((s) => [s.path, s]),
  );
  const ids = new Map<string, string>();
  doc.sections.forEach((s, ord) => {
    const key = JSON.stringify(s.path);
    const found = existing.get(key);
    const id = found?.id ?? newId();
    const set = (field: string, value: unknown): void => void changes.push({ entity: 'section', entityId: id, field, value, measureId: null });
    if (!found) {
      set('plan_id', planId);
      set('parent_id', ids.get(JSON.stringify(s.path.slice(0, -1))) ?? null);
      set('path', s.path);
      set('label', s.label);
      set('preamble', s.preamble);
    }
    set('heading', s.heading);
    set('context', s.context);
    set('ord', ord);
    ids.set(key, id);
  });
  return ids;
}

/**
 * Writes the revision in one transaction: the plan's source and title follow the new file,
 * continuing measures take the new text, numbers and units, new ones are added, dropped ones
 * tombstoned. Nothing of a continuing measure's progress or evidence is touched.
 */
export function applyRevision(db: Db, author: string, planId: string, doc: ParsedDocument, source: ImportSource): RevisionDone {
  return db.transaction((): RevisionDone => {
    planTitle(db, planId);
    const taken = db.prepare('SELECT id, title FROM plans WHERE source_sha256 = ? AND document_index = ? AND id <> ?').get(source.sha256, source.documentIndex, planId) as
      | { id: string; title: string }
      | undefined;
    if (taken) throw new AppError('duplicate_import', `该文件已导入为另一实施方案“${taken.title}”,不能再作为本方案的修订版导入。`);
    const old = existingMeasures(db, planId);
    const d: RevisionDiff = diffRevision(old, doc.items);
    const title = doc.title ?? planTitle(db, planId);
    const lastYear = planYears(title).lastYear ?? undefined;
    const changes: Change[] = [];
    const plan = (field: string, value: unknown): void => void changes.push({ entity: 'plan', entityId: planId, field, value, measureId: null });
    plan('title', title);
    plan('intro', doc.intro);
    plan('deadline', doc.deadline);
    plan('source_name', source.fileName);
    plan('source_sha256', source.sha256);
    plan('source_format', source.format);
    plan('document_index', source.documentIndex);
    const sections = sectionChanges(db, planId, doc, changes);

    const idFor = new Map<number, string>(d.continuing.map((p) => [p.next, old[p.old]!.id]));
    const unitLists: [string, string[], string[]][] = [];
    doc.items.forEach((m, ord) => {
      const id = idFor.get(ord) ?? newId();
      const set = (field: string, value: unknown): void => void changes.push({ entity: 'measure', entityId: id, field, value, measureId: id });
      if (!idFor.has(ord)) set('plan_id', planId);
      set('section_id', sections.get(JSON.stringify(m.path.slice(0, -1))) ?? null);
      set('path', m.path);
      set('number', numberOf(m.path, ord));
      set('title', m.title);
      set('text', m.text);
      set('deadline', m.deadline);
      set('deadline_date', deadlineDate(m.deadline, lastYear));
      set('targets', m.targets);
      set('ord', ord);
      unitLists.push([id, m.lead, m.responsible]);
    });
    for (const o of d.removed) changes.push({ entity: 'measure', entityId: old[o]!.id, field: 'deleted', value: true, measureId: old[o]!.id });
    record(db, author, changes);
    for (const [id, lead, responsible] of unitLists) record(db, author, [...unitChanges(db, author, id, 'lead', lead), ...unitChanges(db, author, id, 'responsible', responsible)]);
    return {
      planId,
      added: d.added.length,
      changed: d.continuing.filter((p) => p.changed.length > 0).length,
      removed: d.removed.length,
      unchanged: d.continuing.filter((p) => p.changed.length === 0).length,
    };
  })();
}
