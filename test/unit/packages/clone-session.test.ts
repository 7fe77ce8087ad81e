// A PC set up from the office's package holds the office's users; none of them is signed in there by itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { closeStore } from '../../../db/open';
import { createUser, listUsers } from '../../../db/queries/users';
import { exportPackage } from '../../../electron/core/packages/export';
import { importPackage } from '../../../electron/core/packages/import';
import { createContext, type AppContext } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';
import { seedOffice, type Office } from './helpers';

let dir: string;
let office: Office;
let dept: AppContext;
beforeEach(async () => {
  dir = tempDir('fazhi-clone-session-');
  office = await seedOffice(path.join(dir, 'office'));
  createUser(office.db, { name: '法治办管理员', role: 'supervisor', departmentId: null });
  const pkg = path.join(dir, 'whole.fzpkg');
  await exportPackage(office.db, office.dataDir, { kind: 'ledger' }, pkg);
  dept = createContext(path.join(dir, 'dept'));
  await importPackage(dept.db, dept.dataDir, pkg, undefined);
});
afterEach(() => {
  closeStore(office.db);
  closeStore(dept.db);
  removeStoreDir(dir);
});

describe('a department PC set up from the whole ledger', () => {
  it('signs in nobody, lets whoever sits there add themselves, and then asks a supervisor for the next user', async () => {
    expect(listUsers(dept.db).map((u) => u.name)).toEqual(['法治办管理员']);
    const call = (name: string, args: unknown) => dispatch(dept, handlers, name, args);
    const before = await call('session.get', {});
    expect(before).toMatchObject({ ok: true, value: { user: null } });
    // Nobody signed in cannot record anything.
    const refused = await call('progress.set', { measureId: office.measureIds[0]!, periodId: '2024-Q3', status: '推进中', narrative: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const made = await call('users.create', { name: '李填报', role: 'clerk', departmentName: office.department });
    expect(made).toMatchObject({ ok: true, value: { user: { name: '李填报', role: 'clerk' } } });
    // Now a user of this PC exists and is signed in: adding another is a supervisor's call again.
    expect(await call('users.create', { name: '王二', role: 'supervisor' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // After a restart, the office's administrator is still not taken for whoever sits here.
    dept.userId = null;
    expect(await call('session.get', {})).toMatchObject({ ok: true, value: { user: null } });
  });
});
