// Clerks optionally limited to their own department's measures: a store setting the supervisor sets
// (an op that travels), enforced on the Node side of every progress and evidence write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createContext, type AppContext } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { grantPath } from '../../../electron/services/file-grants';
import { createUser } from '../../../db/queries/users';
import { importDocument } from '../../../db/queries/plans';
import { listMeasures } from '../../../db/queries/measures';
import { listDepartments } from '../../../db/queries/departments';
import { attachPaths } from '../../../db/evidence-store/index';
import { removeStoreDir } from '../evidence/helpers';
import { sampleDocument } from '../../helpers/sample-doc';
import { tempDir } from '../../helpers/temp';
import type { CallName } from '../../../shared/api/contract';
import type { MeasureDetail } from '../../../shared/model';

let dir: string;
let ctx: AppContext;
const users: Record<string, string> = {};
/** Measures by title word: 审批 (lead 区行政审批局, with the collective 区各部门), 清单 (区委编办), 信访 (区信访办, as 区信访办公室 resolves, with 区各有关部门). */
const measures: Record<string, string> = {};
/** One evidence row per measure, for edits and removals. */
const evidence: Record<string, string> = {};
let file: string;

beforeAll(async () => {
  dir = tempDir('fazhi-scope-');
  ctx = createContext(path.join(dir, 'data'));
  users.supervisor = createUser(ctx.db, { name: '法制科', role: 'supervisor', departmentId: null }).id;
  importDocument(ctx.db, sampleDocument(), { fileName: '方案.docx', sha256: 'd'.repeat(64), format: 'docx', documentIndex: 0 }, users.supervisor);
  const dept = (name: string) => listDepartments(ctx.db).find((d) => d.name === name)!;
  expect(dept('区各部门').collective).toBe(true);
  users.approval = createUser(ctx.db, { name: '审批局办事员', role: 'clerk', departmentId: dept('区行政审批局').id }).id;
  users.petition = createUser(ctx.db, { name: '信访办办事员', role: 'clerk', departmentId: dept('区信访办').id }).id;
  // A clerk filed under a collective unit belongs to no one department: the collective name never lets them in.
  users.collective = createUser(ctx.db, { name: '挂在统称下的办事员', role: 'clerk', departmentId: dept('区各部门').id }).id;
  users.none = createUser(ctx.db, { name: '无部门办事员', role: 'clerk', departmentId: null }).id;
  users.inspector = createUser(ctx.db, { name: '督察员', role: 'inspector', departmentId: null }).id;
  for (const m of listMeasures(ctx.db, { periodId: '2024-Q3' })) {
    const key = ['审批', '清单', '复议', '信访'].find((k) => m.title.includes(k))!;
    measures[key] = m.id;
  }
  file = path.join(dir, '会议纪要.txt');
  fs.writeFileSync(file, '专题会议纪要');
  for (const key of Object.keys(measures)) await ensureEvidence(key);
});

/** The measure's evidence row, attached again by the supervisor when an earlier row of the table removed it. */
async function ensureEvidence(key: string): Promise<void> {
  if (evidence[key] && ctx.db.prepare('SELECT 1 FROM evidence WHERE id = ?').get(evidence[key])) return;
  const p = path.join(dir, `${key}.txt`);
  fs.writeFileSync(p, `${key} 的材料`);
  evidence[key] = (await attachPaths(ctx.db, ctx.dataDir, { measureId: measures[key]!, periodId: '2024-Q3', userId: users.supervisor! }, [{ path: p }])).items[0]!.id;
}
afterAll(() => {
  ctx.close();
  removeStoreDir(dir);
});

type Who = 'approval' | 'petition' | 'collective' | 'none' | 'supervisor' | 'inspector';
const CALLS: CallName[] = ['progress.set', 'evidence.attachPaths', 'evidence.update', 'evidence.remove'];

function args(call: CallName, key: string): unknown {
  switch (call) {
    case 'progress.set':
      return { measureId: measures[key], periodId: '2024-Q3', status: '推进中', narrative: `${key} 的进展` };
    case 'evidence.attachPaths':
      grantPath(file);
      return { measureId: measures[key], periodId: '2024-Q3', files: [{ path: file }] };
    case 'evidence.update':
      return { id: evidence[key], description: '已核对' };
    default:
      return { id: evidence[key] };
  }
}

/** The rule in words: a clerk's own department must be named on the measure as a unit of its own. */
function allowed(limited: boolean, who: Who, key: string): boolean {
  if (!limited || who === 'supervisor') return true;
  return (who === 'approval' && key === '审批') || (who === 'petition' && key === '信访');
}

async function attempt(who: Who, call: CallName, key: string): Promise<{ ok: boolean; message: string }> {
  ctx.userId = users[who]!;
  const r = await dispatch(ctx, handlers, call, args(call, key) as never);
  return { ok: r.ok, message: r.ok ? '' : r.error.message };
}

async function setLimit(on: boolean, as = users.supervisor!): Promise<{ ok: boolean; value?: unknown }> {
  ctx.userId = as;
  const r = await dispatch(ctx, handlers, 'users.limitClerks', { ownDepartmentOnly: on });
  return r.ok ? { ok: true, value: r.value } : { ok: false };
}

describe('clerks limited to their own department', () => {
  it('only a supervisor sets the limit, and it is recorded as an op', async () => {
    expect((await setLimit(true, users.approval)).ok).toBe(false);
    expect((await setLimit(true, users.inspector)).ok).toBe(false);
    expect(await setLimit(true)).toMatchObject({ ok: true, value: { clerksOwnDepartmentOnly: true } });
    const op = ctx.db.prepare("SELECT author, value FROM ops WHERE entity = 'setting' AND entity_id = 'clerks_own_department_only' ORDER BY hlc DESC LIMIT 1").get() as { author: string; value: string };
    expect(op).toEqual({ author: users.supervisor, value: 'true' });
    expect(await setLimit(false)).toMatchObject({ ok: true, value: { clerksOwnDepartmentOnly: false } });
  });

  const table = [false, true].flatMap((limited) =>
    (['approval', 'petition', 'collective', 'none', 'supervisor'] as Who[]).flatMap((who) =>
      CALLS.flatMap((call) => ['审批', '清单', '信访'].map((key) => [limited ? '限本部门' : '不限', who, call, key] as const)),
    ),
  );
  it.each(table)('%s: %s %s on %s', async (mode, who, call, key) => {
    const limited = mode === '限本部门';
    await setLimit(limited);
    await ensureEvidence(key);
    const r = await attempt(who, call, key);
    if (allowed(limited, who, key)) {
      expect(r).toEqual({ ok: true, message: '' });
    } else {
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(who === 'none' ? /还没有所属部门/ : /不由您所在的部门承担.*只能填报本部门/);
    }
  });

  it('also holds for target figures and answers to rectifications, checked before anything else is', async () => {
    await setLimit(true);
    const call = async (who: Who, name: CallName, a: unknown) => {
      ctx.userId = users[who]!;
      const r = await dispatch(ctx, handlers, name, a as never);
      return r.ok ? { ok: true, code: '', message: '' } : { ok: false, code: r.error.code, message: r.error.message };
    };
    const target = (key: string) => ({ measureId: measures[key], periodId: '2024-Q3', targetIndex: 0, actual: '95%' });
    const answer = (key: string) => ({ id: `不存在的督察|${measures[key]}`, response: '已整改到位' });
    expect(await call('approval', 'targets.set', target('清单'))).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/不由您所在的部门承担.*指标完成值/) as unknown });
    expect(await call('approval', 'rectifications.respond', answer('清单'))).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/不由您所在的部门承担.*整改落实情况/) as unknown });
    // Their own measure gets past the rule to the call's own checks (no such target, no such rectification here).
    expect((await call('approval', 'targets.set', target('审批'))).code).not.toBe('forbidden');
    expect((await call('approval', 'rectifications.respond', answer('审批'))).code).not.toBe('forbidden');
    expect((await call('supervisor', 'targets.set', target('清单'))).code).not.toBe('forbidden');
    await setLimit(false);
    expect((await call('approval', 'targets.set', target('清单'))).code).not.toBe('forbidden');
  });

  // The detail pane shows the recording parts read-only exactly where a save would be refused.
  const seen = [false, true].flatMap((limited) =>
    (['approval', 'petition', 'collective', 'none', 'supervisor', 'inspector'] as const).flatMap((who) => ['审批', '清单', '信访'].map((key) => [limited ? '限本部门' : '不限', who, key] as const)),
  );
  it.each(seen)('%s: the measure as %s sees %s says whether they may record, and why not', async (mode, who, key) => {
    const limited = mode === '限本部门';
    await setLimit(limited);
    ctx.userId = users[who]!;
    const r = await dispatch(ctx, handlers, 'measures.get', { id: measures[key]!, periodId: '2024-Q3' });
    if (!r.ok) throw new Error(r.error.message);
    const view = r.value as MeasureDetail;
    const may = who === 'inspector' ? false : allowed(limited, who, key);
    if (may) expect(view.recordRefusal).toBeNull();
    else expect(view.recordRefusal).toMatch(who === 'inspector' ? /您的角色[(（]督察员[)）]不能在此填报/ : who === 'none' ? /还没有所属部门/ : /不由您所在的部门承担/);
    // Where the pane says yes, the save it offers goes through; where it says no, the same save is refused.
    if (who !== 'inspector') expect((await attempt(who, 'progress.set', key)).ok).toBe(may);
  });

  // The ledger-wide evidence list offers editing and removing a file exactly where the store would do it.
  it.each(seen)('%s: the evidence list as %s sees it says whether they may change the file on %s', async (mode, who, key) => {
    const limited = mode === '限本部门';
    await setLimit(limited);
    await ensureEvidence(key);
    ctx.userId = users[who]!;
    const r = await dispatch(ctx, handlers, 'evidence.list', {});
    if (!r.ok) throw new Error(r.error.message);
    const item = (r.value as { id: string; mayChange: boolean }[]).find((i) => i.id === evidence[key]);
    const may = who === 'inspector' ? false : allowed(limited, who, key);
    expect(item?.mayChange).toBe(may);
    expect((await attempt(who, 'evidence.update', key)).ok).toBe(may);
  });
});
