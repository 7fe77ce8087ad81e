// The correction commands as administrators run them: measure edit and department merge, JSON out, Chinese errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture } from '../../helpers/cli';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
const run = (...args: string[]) => cli([...args, '--data-dir', dir]);

beforeAll(() => {
  dir = tempDir();
  expect(run('import', fixture('revisions/gongzuo-yaodian-2024.txt')).status).toBe(0);
});
afterAll(() => removeDir(dir));

describe('measure edit', () => {
  it('changes units and deadline and prints the measure', () => {
    const measures = JSON.parse(run('measures').stdout) as { id: string; title: string }[];
    const m = measures.find((x) => x.title === '加强行政复议工作')!;
    const r = run('measure', 'edit', '--measure', m.id, '--lead', '区人民法院', '--lead', '区司法局', '--deadline', '2024年12月底前');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: m.id, lead: ['区人民法院', '区司法局'], deadline: '2024年12月底前' });
    const after = JSON.parse(run('measures').stdout) as { id: string; lead: string[] }[];
    expect(after.find((x) => x.id === m.id)?.lead).toEqual(['区人民法院', '区司法局']);
  });

  it('refuses an unknown measure in Chinese, with a non-zero exit', () => {
    const r = run('measure', 'edit', '--measure', 'nope', '--title', '新标题');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/找不到这项措施/);
  });
});

describe('department merge', () => {
  it('merges 司法局 into 区司法局 and counts its measures there', () => {
    const r = run('department', 'merge', '--from', '司法局', '--into', '区司法局');
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout) as { name: string; aliases: string[]; leadCount: number };
    expect(d.name).toBe('区司法局');
    expect(d.aliases).toContain('司法局');
    expect(d.leadCount).toBe(3);
  });

  it('names a department it cannot find', () => {
    const r = run('department', 'merge', '--from', '区不存在局', '--into', '区司法局');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/找不到名为“区不存在局”的单位/);
  });
});
