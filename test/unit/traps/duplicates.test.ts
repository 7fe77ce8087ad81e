// The same outline in another format is recognised by its measures; another district's outline is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openStore, closeStore, type Db } from '../../../db/open';
import { importDocument, listPlans } from '../../../db/queries/plans';
import { findSimilarPlan } from '../../../db/queries/plan-lifecycle';
import { createUser } from '../../../db/queries/users';
import { readOutlineFile } from '../../../electron/services/readers/index';
import { defaultDocumentIndex } from '../../../electron/services/templates';
import { parseOutline } from '../../../shared/outline/index';
import type { ParsedDocument } from '../../../shared/outline/types';
import { cli, fixture } from '../../helpers/cli';
import { removeDir, tempDir } from '../../helpers/temp';

const SHARED = '/work/shared/fixtures';
const sharedOr = (name: string): string => {
  const p = path.join(SHARED, name);
  return fs.existsSync(p) ? p : fixture(name);
};

async function outline(file: string): Promise<{ doc: ParsedDocument; sha256: string; format: string; fileName: string; index: number }> {
  const read = await readOutlineFile(file);
  const o = parseOutline(read.text);
  const index = defaultDocumentIndex(o);
  return { doc: o.documents[index]!, sha256: read.sha256, format: read.format, fileName: read.fileName, index };
}

let dir: string;
let db: Db;
let userId: string;
beforeAll(async () => {
  dir = tempDir();
  db = openStore(dir);
  userId = createUser(db, { name: '李四', role: 'supervisor', departmentId: null }).id;
  const docx = await outline(fixture('caoxian.docx'));
  importDocument(db, docx.doc, { ...docx, documentIndex: docx.index }, userId);
  const doc = await outline(fixture('yancheng.doc'));
  importDocument(db, doc.doc, { ...doc, documentIndex: doc.index }, userId);
});
afterAll(() => {
  closeStore(db);
  removeDir(dir);
});

describe('content-based duplicates', () => {
  it.each([
    ['caoxian.pdf', '曹县法治政府建设实施纲要'],
    ['caoxian.html', '曹县法治政府建设实施纲要'],
    ['001_9b9a54170b52034a.txt', '曹县法治政府建设实施纲要'],
    ['yancheng-gb18030.txt', '2021年全区法治政府建设重点工作计划'],
    ['003_244a23676422eee3.txt', '2021年全区法治政府建设重点工作计划'],
  ])('recognises %s as the plan already imported from another format', async (name, title) => {
    const o = await outline(sharedOr(name));
    expect(findSimilarPlan(db, o.doc)?.title).toBe(title);
    const before = listPlans(db).length;
    expect(() => importDocument(db, o.doc, { ...o, documentIndex: o.index }, userId)).toThrowError(new RegExp(`“${title}”`));
    expect(listPlans(db)).toHaveLength(before);
  });

  it("does not take another district's outline for one of these", async () => {
    const o = await outline(fixture('000_0de7c43a80d3d30b.txt'));
    expect(o.doc.title).toContain('大渡口区');
    expect(findSimilarPlan(db, o.doc)).toBeNull();
  });

  it('imports anyway when asked', async () => {
    const o = await outline(fixture('caoxian.html'));
    const before = listPlans(db).length;
    importDocument(db, o.doc, { ...o, documentIndex: o.index }, userId, { anyway: true });
    expect(listPlans(db)).toHaveLength(before + 1);
  });
});

describe('cli import of a duplicate', () => {
  it('refuses with a non-zero exit naming the plan, and imports with --anyway', () => {
    const data = path.join(dir, 'cli');
    expect(cli(['import', fixture('caoxian.docx'), '--data-dir', data]).status).toBe(0);
    const refused = cli(['import', fixture('caoxian.pdf'), '--data-dir', data]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('“曹县法治政府建设实施纲要”');
    const anyway = cli(['import', fixture('caoxian.pdf'), '--anyway', '--data-dir', data]);
    expect(anyway.status, anyway.stderr).toBe(0);
    const list = cli(['measures', '--data-dir', data]);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(74);
  }, 240_000);
});
