// Report drafts: generate from the ledger, open with what changed since, save edits (one change per edited block) as a version, regenerate on request.
import type { Db } from '../../../db/open';
import { DRAFT, DRAFT_BLOCK, DRAFT_VERSION, draftBlocks, draftVersions, getDraft, writeDraftChanges, type DraftBlockRow, type DraftChange, type DraftRow } from '../../../db/queries/report-drafts';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../../shared/ids';
import { blockId, draftId, EMPTY_HEADER, type DraftBlock, type DraftHeader, type DraftView } from '../../../shared/report/draft';
import { generatedBlocks, reportDeadline } from '../../../shared/report/model';
import { headlineFigures } from '../../../shared/report/narrative';
import type { ReportData, ReportScope } from '../../../shared/report/types';
import { reportData, type ReportRequest } from './produce';

/** The kinds whose text is prose a supervisor rewrites; the others are tables of the ledger itself. */
export const DRAFT_KINDS = ['annual'] as const;

type DraftRequest = Pick<ReportRequest, 'period' | 'kind' | 'scope' | 'issuer' | 'date'>;

function fresh(data: ReportData, req: DraftRequest, header: DraftHeader): DraftBlock[] {
  return generatedBlocks(data, { kind: req.kind, issuer: header.issuer || req.issuer });
}

function scopeOf(s: ReportScope | undefined): ReportScope {
  return { ...(s?.planIds?.length ? { planIds: s.planIds } : {}), ...(s?.sectionIds?.length ? { sectionIds: s.sectionIds } : {}), ...(s?.departmentIds?.length ? { departmentIds: s.departmentIds } : {}) };
}

function blockChanges(id: string, b: DraftBlock, ord: number): DraftChange[] {
  const e = blockId(id, b.key);
  return [
    { entity: DRAFT_BLOCK, entityId: e, field: 'draftId', value: id },
    { entity: DRAFT_BLOCK, entityId: e, field: 'key', value: b.key },
    { entity: DRAFT_BLOCK, entityId: e, field: 'ord', value: ord },
    { entity: DRAFT_BLOCK, entityId: e, field: 'kind', value: b.kind },
    { entity: DRAFT_BLOCK, entityId: e, field: 'source', value: b.text },
    { entity: DRAFT_BLOCK, entityId: e, field: 'text', value: b.text },
  ];
}

/** Blocks the ledger now generates that the draft lacks, placed after the block that precedes them. */
function newBlockChanges(id: string, stored: DraftBlockRow[], gen: DraftBlock[]): DraftChange[] {
  const ords = new Map(stored.map((b) => [b.key, b.ord]));
  const changes: DraftChange[] = [];
  let prev = 0;
  gen.forEach((b) => {
    const have = ords.get(b.key);
    if (have !== undefined) {
      prev = have;
      return;
    }
    // Between the previous block and the next stored one, so a later regeneration keeps the order.
    const next = Math.min(...stored.filter((s) => s.ord > prev).map((s) => s.ord), prev + 2);
    prev = (prev + next) / 2;
    ords.set(b.key, prev);
    changes.push(...blockChanges(id, b, prev));
  });
  return changes;
}

function view(db: Db, draft: DraftRow, data: ReportData, gen: DraftBlock[]): DraftView {
  const byKey = new Map(gen.map((b) => [b.key, b.text]));
  // From the measures' year narratives (running totals already superseded) and their targets, not our own sums.
  const texts = [...gen.filter((b) => /^(?:m|lead|gap|plan):/.test(b.key)).map((b) => b.text), ...Object.values(data.targets).flat()];
  return {
    id: draft.id,
    kind: draft.kind,
    period: draft.period,
    title: '',
    header: draft.header,
    blocks: draftBlocks(db, draft.id).map((b) => {
      const now = byKey.get(b.key) ?? null;
      return { key: b.key, kind: b.kind, text: b.text, edited: b.text !== b.source, stale: now !== b.source, fresh: now };
    }),
    versions: draftVersions(db, draft.id),
    headlines: headlineFigures(texts),
    updatedAt: draft.updatedAt,
  };
}

function requestOf(d: DraftRow): DraftRequest {
  return { kind: d.kind as DraftRequest['kind'], period: d.period, scope: d.scope };
}

function mustGet(db: Db, id: string): DraftRow {
  const d = getDraft(db, id);
  if (!d) throw new AppError('not_found', '找不到该报告草稿,它可能已被删除。请重新生成草稿。');
  return d;
}

/** Opens the draft of a report, making it from the ledger the first time; blocks the ledger now adds are added. */
export function openDraft(db: Db, userId: string, req: DraftRequest): DraftView {
  if (!(DRAFT_KINDS as readonly string[]).includes(req.kind)) throw new AppError('validation', '只有年度报告可以生成草稿编辑。季度报告和台账请直接导出。');
  const scope = scopeOf(req.scope);
  const id = draftId(req.kind, req.period, scope);
  const data = reportData(db, { ...req, scope });
  return db.transaction(() => {
    let draft = getDraft(db, id);
    const header: DraftHeader = draft?.header ?? { ...EMPTY_HEADER, issuer: req.issuer ?? '', date: req.date ?? reportDeadline(data, req.kind) };
    const gen = fresh(data, req, header);
    const changes: DraftChange[] = [];
    if (!draft) {
      changes.push(
        { entity: DRAFT, entityId: id, field: 'kind', value: req.kind },
        { entity: DRAFT, entityId: id, field: 'period', value: data.period.id },
        { entity: DRAFT, entityId: id, field: 'scope', value: scope },
        { entity: DRAFT, entityId: id, field: 'header', value: header },
      );
      gen.forEach((b, i) => changes.push(...blockChanges(id, b, i + 1)));
    } else changes.push(...newBlockChanges(id, draftBlocks(db, id), gen));
    if (changes.length) writeDraftChanges(db, userId, changes);
    draft = mustGet(db, id);
    return view(db, draft, data, gen);
  })();
}

export interface SaveDraftArgs {
  draftId: string;
  header: DraftHeader;
  blocks: { key: string; text: string }[];
}

/** Saves the edited text: one change per block whose text changed, the header if changed, and a version. */
export function saveDraft(db: Db, userId: string, a: SaveDraftArgs): DraftView {
  const draft = mustGet(db, a.draftId);
  const data = reportData(db, requestOf(draft));
  return db.transaction(() => {
    const stored = new Map(draftBlocks(db, a.draftId).map((b) => [b.key, b]));
    const changes: DraftChange[] = [];
    for (const b of a.blocks) {
      const s = stored.get(b.key);
      if (!s) throw new AppError('validation', '草稿中没有这一段,可能已在其他电脑上删除。请重新打开草稿后再保存。');
      if (s.text !== b.text) changes.push({ entity: DRAFT_BLOCK, entityId: blockId(a.draftId, b.key), field: 'text', value: b.text });
    }
    const header = { ...EMPTY_HEADER, ...a.header };
    if (JSON.stringify(header) !== JSON.stringify(draft.header)) changes.push({ entity: DRAFT, entityId: a.draftId, field: 'header', value: header });
    writeDraftChanges(db, userId, changes);
    const savedAt = nowIso();
    const blocks = draftBlocks(db, a.draftId).map(({ key, kind, text }) => ({ key, kind, text }));
    writeDraftChanges(db, userId, [{ entity: DRAFT_VERSION, entityId: `${a.draftId}@${savedAt}@${userId}`, field: 'snapshot', value: { draftId: a.draftId, savedAt, savedBy: userId, header, blocks } }]);
    const d = mustGet(db, a.draftId);
    return view(db, d, data, fresh(data, requestOf(d), d.header));
  })();
}

/** Rewrites blocks from the ledger; blocks with edited text are only overwritten when the supervisor said so. */
export function regenerateDraft(db: Db, userId: string, a: { draftId: string; keys: string[]; overwrite: boolean }): { draft: DraftView; needsConfirm: string[] } {
  const draft = mustGet(db, a.draftId);
  const data = reportData(db, requestOf(draft));
  const gen = fresh(data, requestOf(draft), draft.header);
  const byKey = new Map(gen.map((b) => [b.key, b.text]));
  return db.transaction(() => {
    const stored = draftBlocks(db, a.draftId).filter((b) => a.keys.includes(b.key));
    const edited = stored.filter((b) => b.text !== b.source).map((b) => b.key);
    if (edited.length && !a.overwrite) return { draft: view(db, draft, data, gen), needsConfirm: edited };
    const changes: DraftChange[] = [];
    for (const b of stored) {
      const now = byKey.get(b.key);
      const e = blockId(a.draftId, b.key);
      // A block the ledger no longer writes goes away as a tombstone, never a DELETE.
      if (now === undefined) changes.push({ entity: DRAFT_BLOCK, entityId: e, field: 'deleted', value: true });
      else changes.push({ entity: DRAFT_BLOCK, entityId: e, field: 'source', value: now }, { entity: DRAFT_BLOCK, entityId: e, field: 'text', value: now });
    }
    writeDraftChanges(db, userId, changes);
    return { draft: view(db, mustGet(db, a.draftId), data, gen), needsConfirm: [] };
  })();
}

/** What an export of the draft uses in place of the generated text. */
export function draftForExport(db: Db, id: string): { request: DraftRequest; header: DraftHeader; blocks: DraftBlock[] } {
  const d = mustGet(db, id);
  return { request: requestOf(d), header: d.header, blocks: draftBlocks(db, id).map(({ key, kind, text }) => ({ key, kind, text })) };
}
