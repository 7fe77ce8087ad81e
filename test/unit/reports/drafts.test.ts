// Report drafts on a store on disk: generated once, edits saved as one change per block and as versions, marked when the ledger moves, never overwritten unasked.
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import Database from 'better-sqlite3';
import { closeStore, openStore, storePath } from '../../../db/open';
import { migrate } from '../../../db/migrate';
import { migrations } from '../../../db/migrations/index';
import { buildYear } from './annual-fixture';
import { openDraft, regenerateDraft, saveDraft, draftForExport } from '../../../electron/services/reports/drafts';
import { produceReport } from '../../../electron/services/reports/produce';
import { setProgress } from '../../../db/queries/progress';
import { systemUser } from '../../../db/queries/users';
import { draftAppliers, type DraftChange } from '../../../db/queries/report-drafts';
import * as drafts from '../../../db/queries/report-drafts';
import { removeDir, tempDir } from '../../helpers/temp';
import { vi } from 'vitest';

const dir = tempDir('fazhi-drafts-');
afterAll(() => removeDir(dir));

describe('report drafts', () => {
  const { db, ids } = buildYear(openStore(dir));
  const user = systemUser(db).id;
  const req = { period: '2024', kind: 'annual' as const, issuer: '某区人民政府' };

  it('is generated once from the ledger, with the reporting deadline as its date', () => {
    const d = openDraft(db, user, req);
    expect(d.id).toBe('annual|2024|||');
    expect(d.blocks.map((b) => b.kind).filter((k) => k === 'h1')).toHaveLength(5);
    expect(d.blocks.every((b) => !b.edited && !b.stale)).toBe(true);
    expect(d.header.date).toBe('2025-03-31');
    expect(d.versions).toEqual([]);
    // Headline figures come from the notes and the targets.
    expect(d.headlines).toEqual(expect.arrayContaining(['全年办结行政复议案件148件', '纠错率13.7%', '纠错率不低于10%']));
    expect(d.headlines.filter((h) => h.includes('累计'))).toEqual([]);
    expect(openDraft(db, user, req).blocks).toEqual(d.blocks);
  });

  it('saves one change per edited block, the header, and a version; reopening shows the edits', () => {
    const d = openDraft(db, user, req);
    const heading = d.blocks.find((b) => b.kind === 'h2')!;
    const para = d.blocks.find((b) => b.key === `m:${ids.get('全面推行权责清单制度')}`)!;
    const spy = vi.spyOn(drafts, 'writeDraftChanges');
    const saved = saveDraft(db, user, {
      draftId: d.id,
      header: { ...d.header, signer: '张明', docNumber: '某府文〔2025〕3号' },
      blocks: d.blocks.map((b) => ({ key: b.key, text: b.key === heading.key ? '(一)政府职能依法全面履行' : b.key === para.key ? `${b.text}群众办事更加便捷。` : b.text })),
    });
    const written = spy.mock.calls.flatMap((c) => c[2] as DraftChange[]);
    spy.mockRestore();
    expect(written.filter((c) => c.entity === 'report_draft_block')).toEqual([
      { entity: 'report_draft_block', entityId: `${d.id}#${heading.key}`, field: 'text', value: '(一)政府职能依法全面履行' },
      { entity: 'report_draft_block', entityId: `${d.id}#${para.key}`, field: 'text', value: `${para.text}群众办事更加便捷。` },
    ]);
    expect(written.filter((c) => c.entity === 'report_draft')).toHaveLength(1);
    expect(written.filter((c) => c.entity === 'report_draft_version')).toHaveLength(1);
    expect(saved.versions).toHaveLength(1);
    const again = openDraft(db, user, req);
    expect(again.blocks.find((b) => b.key === heading.key)).toMatchObject({ text: '(一)政府职能依法全面履行', edited: true, stale: false });
    expect(again.header.signer).toBe('张明');
  });

  it('marks a block when its ledger data changes, and asks before overwriting edited text', () => {
    const standard = `m:${ids.get('推进政务服务标准化')}`;
    const cases = `m:${ids.get('全面推行权责清单制度')}`;
    setProgress(db, { measureId: ids.get('推进政务服务标准化')!, periodId: '2024-Q4', status: '已完成', narrative: '全年编制办事指南700项,全部事项完成标准化。', userId: user });
    setProgress(db, { measureId: ids.get('全面推行权责清单制度')!, periodId: '2024-Q4', status: '已完成', narrative: '权责清单动态调整两次。', userId: user });
    const d = openDraft(db, user, req);
    expect(d.blocks.find((b) => b.key === standard)).toMatchObject({ stale: true, edited: false });
    expect(d.blocks.find((b) => b.key === cases)).toMatchObject({ stale: true, edited: true });
    // Not edited: rewritten at once.
    const r1 = regenerateDraft(db, user, { draftId: d.id, keys: [standard], overwrite: false });
    expect(r1.needsConfirm).toEqual([]);
    expect(r1.draft.blocks.find((b) => b.key === standard)!.text).toContain('全部事项完成标准化');
    // Edited: nothing changes until the supervisor confirms.
    const r2 = regenerateDraft(db, user, { draftId: d.id, keys: [cases], overwrite: false });
    expect(r2.needsConfirm).toEqual([cases]);
    expect(r2.draft.blocks.find((b) => b.key === cases)!.text).toContain('群众办事更加便捷。');
    const r3 = regenerateDraft(db, user, { draftId: d.id, keys: [cases], overwrite: true });
    expect(r3.draft.blocks.find((b) => b.key === cases)).toMatchObject({ edited: false, stale: false });
  });

  it('exports the edited draft with its header', async () => {
    const d = openDraft(db, user, req);
    const { request, header, blocks } = draftForExport(db, d.id);
    const produced = await produceReport(db, { ...request, format: 'docx', header, blocks });
    const xml = await (await JSZip.loadAsync(produced.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('（一）政府职能依法全面履行');
    expect(xml).toContain('某府文〔2025〕3号');
    expect(xml).toContain('张明');
    expect(xml).toContain('2025年3月31日');
  });

  it('travels as exchange operations: one op per edited block, deterministic entity ids', () => {
    const ops = db.prepare("SELECT entity, entity_id, field FROM ops WHERE entity LIKE 'report_draft%' AND field = 'text' ORDER BY seq").all() as { entity: string; entity_id: string; field: string }[];
    expect(ops.length).toBeGreaterThan(0);
    expect(ops.every((o) => o.entity_id.startsWith('annual|2024|||#'))).toBe(true);
  });

  it('applies field changes in any order: a block created by its text alone gets defaults', () => {
    draftAppliers.report_draft_block(db, 'x|y#z', 'text', '先到的文字');
    expect(db.prepare("SELECT text, source, kind, deleted FROM report_draft_blocks WHERE id = 'x|y#z'").get()).toEqual({ text: '先到的文字', source: '', kind: 'p', deleted: 0 });
  });

  it('the report-drafts migration adds the draft tables to a version-3 store that holds a ledger', () => {
    closeStore(db);
    const d2 = tempDir('fazhi-m3-');
    const raw = new Database(storePath(d2));
    migrate(raw, migrations.slice(0, 3));
    raw.prepare("INSERT INTO users (id, name, role, created_at) VALUES ('u', '王芳', 'supervisor', '2024-01-01')").run();
    raw.close();
    const store = openStore(d2);
    expect(store.pragma('user_version', { simple: true })).toBe(migrations.length);
    const strict = store.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name LIKE 'report_draft%'").all() as { name: string }[];
    expect(strict.map((t) => t.name).sort()).toEqual(['report_draft_blocks', 'report_draft_versions', 'report_drafts']);
    expect(store.prepare('SELECT name FROM users').get()).toEqual({ name: '王芳' });
    closeStore(store);
    removeDir(d2);
  });
});
