// Roles on the Node side of every call (every call × every role), passwords, and who the change log records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, type CallName } from '../../../shared/api/contract';
import { CALL_ROLES, roleMayCall } from '../../../shared/api/roles';
import { ROLES, type Role } from '../../../shared/model';
import { createContext, type AppContext } from '../../../electron/services/context';
import { requireAccess } from '../../../electron/services/access';
import { dispatch } from '../../../electron/services/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { createUser } from '../../../db/queries/users';
import { importDocument } from '../../../db/queries/plans';
import { listMeasures } from '../../../db/queries/measures';
import { checkPassword, hashPassword } from '../../../db/queries/auth';
import { sampleDocument } from '../../helpers/sample-doc';
import { removeDir, tempDir } from '../../helpers/temp';

/** The policy in words, written apart from CALL_ROLES so the map is checked against it, not against itself. */
const RECORDING: CallName[] = [
  'progress.set', 'evidence.attachPaths', 'evidence.reuse', 'evidence.update', 'evidence.remove', 'import.preview', 'import.commit', 'import.template',
  'plans.delete', 'rectifications.respond', 'targets.set',
];
const SUPERVISOR_ONLY: CallName[] = [
  'evidence.cleanup', 'users.requirePasswords', 'users.limitClerks', 'users.create',
  // The outline and its departments are the supervisors' (法制机构) to reshape.
  'measures.edit', 'measures.split', 'measures.merge', 'measures.add', 'measures.delete',
  'departments.rename', 'departments.setCollective', 'departments.merge', 'import.revisionPreview', 'import.commitRevision',
  'plans.restore', 'rectifications.close', 'conflicts.resolve', 'drafts.save', 'drafts.regenerate', 'backup.restore', 'backup.setFolder',
];
/** Inspectors' own work: supervisors may do it too, clerks never judge their own measures. */
const REVIEWING: CallName[] = ['reviews.create', 'reviews.verdict', 'reviews.linkFiles', 'reviews.unlinkFile', 'reviews.sign', 'reviews.revise'];
const NO_USER_NEEDED: CallName[] = ['session.get', 'session.switchUser', 'departments.list'];

function expected(name: CallName, role: Role): boolean {
  if (NO_USER_NEEDED.includes(name)) return true;
  if (SUPERVISOR_ONLY.includes(name)) return role === 'supervisor';
  // Inspectors review; they never change clerks' records.
  if (RECORDING.includes(name)) return role !== 'inspector';
  if (REVIEWING.includes(name)) return role !== 'clerk';
  return true; // reading, reports, jobs, verifying, one's own password
}

let dir: string;
let ctx: AppContext;
const ids = {} as Record<Role, string>;
let measureId: string;

beforeAll(() => {
  dir = tempDir();
  ctx = createContext(dir);
  for (const role of ROLES) ids[role] = createUser(ctx.db, { name: `用户${role}`, role, departmentId: null }).id;
  importDocument(ctx.db, sampleDocument(), { fileName: '方案.docx', sha256: 'c'.repeat(64), format: 'docx', documentIndex: 0 }, ids.supervisor);
  measureId = listMeasures(ctx.db, { periodId: '2024-Q3' })[0]!.id;
});
afterAll(() => {
  ctx.close();
  removeDir(dir);
});

describe('every call × every role', () => {
  const table = callNames.flatMap((name) => ROLES.map((role) => [name, role] as const));
  it.each(table)('%s as %s', (name, role) => {
    ctx.userId = ids[role];
    const allowed = expected(name, role);
    if (allowed) expect(() => requireAccess(ctx, name)).not.toThrow();
    else expect(() => requireAccess(ctx, name)).toThrow(/角色/);
    // What a screen offers (roleMayCall) is what the store then allows.
    expect(roleMayCall(role, name)).toBe(allowed);
  });

  it('every call has an entry, and nothing but a signed-in user passes a role check', () => {
    expect(Object.keys(CALL_ROLES).sort()).toEqual([...callNames].sort());
    ctx.userId = null;
    for (const name of callNames) {
      if (CALL_ROLES[name] === 'anyone') continue;
      expect(() => requireAccess(ctx, name), name).toThrow(/用户/);
    }
  });

  it('the dispatcher enforces it: an inspector cannot set progress, a clerk can, and the op records the signed-in user', async () => {
    ctx.userId = ids.inspector;
    const denied = await dispatch(ctx, handlers, 'progress.set', { measureId, periodId: '2024-Q3', status: '已完成', narrative: '督察员不应能写' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(denied.ok ? '' : denied.error.message).toMatch(/督察员/);
    ctx.userId = ids.clerk;
    const ok = await dispatch(ctx, handlers, 'progress.set', { measureId, periodId: '2024-Q3', status: '已完成', narrative: '办事员填报' });
    expect(ok.ok).toBe(true);
    const author = ctx.db.prepare("SELECT author FROM ops WHERE entity = 'progress' AND field = 'narrative' ORDER BY rowid DESC LIMIT 1").get() as { author: string };
    expect(author.author).toBe(ids.clerk);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt, and checks', () => {
    const h = hashPassword('正确的密码123');
    expect(h).toMatch(/^scrypt\$/);
    expect(hashPassword('正确的密码123')).not.toBe(h);
    expect(checkPassword(h, '正确的密码123')).toBe(true);
    expect(checkPassword(h, '错误的密码123')).toBe(false);
  });

  it('switching to a user with a password needs it; a store can require one of everybody', async () => {
    ctx.userId = ids.supervisor;
    expect((await dispatch(ctx, handlers, 'users.setPassword', { userId: ids.clerk, password: 'clerk-pass' })).ok).toBe(true);
    const noPw = await dispatch(ctx, handlers, 'session.switchUser', { userId: ids.clerk });
    expect(noPw).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await dispatch(ctx, handlers, 'session.switchUser', { userId: ids.clerk, password: 'nope-nope' });
    expect(wrong.ok ? '' : wrong.error.message).toMatch(/密码不正确/);
    expect(ctx.userId).toBe(ids.supervisor);
    expect((await dispatch(ctx, handlers, 'session.switchUser', { userId: ids.clerk, password: 'clerk-pass' })).ok).toBe(true);
    expect(ctx.userId).toBe(ids.clerk);
    // A clerk cannot set someone else's password nor require passwords.
    expect(await dispatch(ctx, handlers, 'users.setPassword', { userId: ids.inspector, password: 'x-123456' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(ctx, handlers, 'users.requirePasswords', { required: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The supervisor requires passwords (after setting their own); the inspector has none and cannot sign in.
    ctx.userId = ids.supervisor;
    expect(await dispatch(ctx, handlers, 'users.requirePasswords', { required: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await dispatch(ctx, handlers, 'users.setPassword', { userId: ids.supervisor, password: 'super-pass' })).ok).toBe(true);
    const req = await dispatch(ctx, handlers, 'users.requirePasswords', { required: true });
    expect(req).toMatchObject({ ok: true, value: { passwordsRequired: true } });
    expect(await dispatch(ctx, handlers, 'session.switchUser', { userId: ids.inspector })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The hash travels as an op of the user entity, like any change.
    const op = ctx.db.prepare("SELECT value FROM ops WHERE entity = 'user' AND field = 'password_hash' AND entity_id = ?").get(ids.clerk) as { value: string };
    expect(op.value).toMatch(/scrypt/);
  });
});
