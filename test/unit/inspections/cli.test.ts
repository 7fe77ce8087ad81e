// The inspection command line in a child process: create, verdict, sign, verify (non-zero once changed), export, rectifications.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { openStore, closeStore } from '../../../db/open';
import { createUser } from '../../../db/queries/users';
import { buildLedger } from '../reports/fixture';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';
import { photoFile } from './helpers';

describe('review commands', () => {
  const dataDir = tempDir('fazhi-insp-cli-');
  const db = openStore(dataDir);
  const { ids } = buildLedger(db);
  createUser(db, { name: '王组长', role: 'inspector', departmentId: null });
  closeStore(db);
  afterAll(() => removeStoreDir(dataDir));
  const run = (...args: string[]) => cli([...args, '--data-dir', dataDir]);
  const json = <T>(...args: string[]): T => {
    const r = run(...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  let reviewId = '';
  const measure = ids.get('推行行政执法三项制度')!;

  it('creates a review scoped to a department and prints it with its id', () => {
    const r = json<{ id: string; name: string; leadName: string; counts: { total: number } }>('review', 'create', '--name', '区司法局专项督察', '--department', '区司法局', '--period', '2024-Q3');
    expect(r).toMatchObject({ name: '区司法局专项督察', leadName: '王组长' });
    // 区司法局 leads or shares 7 of the 9 measures of the two plans.
    expect(r.counts.total).toBe(7);
    reviewId = r.id;
  });

  it('records a verdict with findings and a rectification, attaches a photo, signs and verifies', () => {
    const item = json<{ verdict: string; finding: string; rectification: { departmentName: string; dueOn: string } }>(
      'review', 'verdict', '--review', reviewId, '--measure', measure, '--verdict', '不符合', '--finding', '执法公示信息不全', '--rectify', '补全执法公示信息', '--rectify-department', '区司法局', '--rectify-by', '2025-03-31',
    );
    expect(item).toMatchObject({ verdict: '不符合', finding: '执法公示信息不全', rectification: { departmentName: '区司法局', dueOn: '2025-03-31' } });
    const dir = tempDir();
    json('review', 'attach', '--review', reviewId, '--measure', measure, photoFile(dir));
    fs.rmSync(dir, { recursive: true });
    expect(json<{ status: string }>('review', 'sign', '--review', reviewId).status).toBe('已签署');
    expect(json<{ ok: boolean }>('review', 'verify', '--review', reviewId).ok).toBe(true);
    const refused = run('review', 'verdict', '--review', reviewId, '--measure', measure, '--verdict', '符合');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/已签署/);
  });

  it('lists the open rectification and exports the feedback document', async () => {
    const open = json<{ measureId: string; requirement: string }[]>('rectifications', '--open');
    expect(open).toEqual([expect.objectContaining({ measureId: measure, requirement: '补全执法公示信息' })]);
    const out = path.join(dataDir, 'out', '反馈.docx');
    expect(json<{ out: string }>('review', 'export', '--review', reviewId, '--format', 'docx', '--out', out).out).toBe(out);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('补全执法公示信息');
    expect(xml).toContain('执法公示信息不全');
    expect(Object.keys(zip.files).some((n) => n.startsWith('word/media/'))).toBe(true);
  });

  it('verify exits non-zero once a covered finding changed', () => {
    const raw = openStore(dataDir);
    raw.prepare('UPDATE review_verdicts SET finding = ? WHERE review_id = ?').run('执法公示信息齐全', reviewId);
    closeStore(raw);
    const r = run('review', 'verify', '--review', reviewId);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, changedMeasures: [measure] });
  });
});
