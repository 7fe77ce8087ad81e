import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { cli, fixture, ROOT } from '../../helpers/cli';
import { removeDir, tempDir } from '../../helpers/temp';

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir();
  data = path.join(dir, 'data');
});
afterEach(() => removeDir(dir));

interface ParseOut {
  documents: { title: string | null; items: { path: string[]; title: string; text: string; lead: string[]; responsible: string[]; deadline: string | null; targets: string[] }[] }[];
}

describe('cli parse', () => {
  it('prints exactly the promised JSON shape through `npm run -s cli`', () => {
    const r = spawnSync('npm', ['run', '-s', 'cli', '--', 'parse', fixture('003_244a23676422eee3.txt')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as ParseOut;
    expect(Object.keys(out)).toEqual(['documents']);
    expect(Object.keys(out.documents[0]!)).toEqual(['title', 'items']);
    const items = out.documents.flatMap((d) => d.items);
    expect(items).toHaveLength(23);
    expect(Object.keys(items[0]!)).toEqual(['path', 'title', 'text', 'lead', 'responsible', 'deadline', 'targets']);
    expect(items[0]!.path).toEqual(['二', '(一)', '1']);
    expect(items[0]!.title).toBe('深化“放管服”改革');
    for (const m of items) {
      expect(m.lead.length).toBeGreaterThan(0);
      expect(m.responsible.length).toBeGreaterThan(0);
    }
  });

  it('gives 42 measures in the outline of the compilation and no page numbers', () => {
    const r = cli(['parse', fixture('000_0de7c43a80d3d30b.txt')]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as ParseOut;
    const doc = out.documents.find((d) => d.title === '大渡口区法治政府建设实施方案(2017—2020年)');
    expect(doc?.items).toHaveLength(42);
    expect(doc!.items.map((m) => m.path.at(-1))).toEqual(Array.from({ length: 42 }, (_, i) => String(i + 1)));
    expect(JSON.stringify(doc)).not.toMatch(/—\s*\d+\s*—/);
  });

  it('reports a bad file in Chinese on stderr with a non-zero exit', () => {
    const png = path.join(dir, 'scan.png');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const r = cli(['parse', png]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    const missing = cli(['parse', path.join(dir, 'nope.docx')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('cli import, measures, progress, search', () => {
  it('imports a seed, lists, records progress, searches; re-import is refused and changes nothing', () => {
    const imp = cli(['import', fixture('001_9b9a54170b52034a.txt'), '--data-dir', data]);
    expect(imp.status, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ measureCount: 37 });

    const list = JSON.parse(cli(['measures', '--data-dir', data]).stdout) as { id: string; plan: string; path: string[]; title: string; lead: string[]; responsible: string[]; deadline: string | null }[];
    expect(list).toHaveLength(37);
    expect(Object.keys(list[0]!)).toEqual(expect.arrayContaining(['id', 'plan', 'path', 'title', 'lead', 'responsible', 'deadline']));
    expect(list[0]!.lead).toEqual(['县编办']);

    const again = cli(['import', fixture('001_9b9a54170b52034a.txt'), '--data-dir', data]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/已于.*导入/);
    expect(JSON.parse(cli(['measures', '--data-dir', data]).stdout)).toHaveLength(37);

    const target = list.find((m) => m.title.includes('复议')) ?? list[0]!;
    const p = cli(['progress', '--measure', target.id, '--period', '2024-Q3', '--status', '已完成', '--note', '全年办结信访复议案件', '--data-dir', data]);
    expect(p.status, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout)).toMatchObject({ status: '已完成', periodId: '2024-Q3', narrative: '全年办结信访复议案件' });

    const found = JSON.parse(cli(['search', '复议', '--data-dir', data]).stdout) as { id: string }[];
    expect(found.map((m) => m.id)).toContain(target.id);
    const none = JSON.parse(cli(['search', '量子计算', '--data-dir', data]).stdout) as unknown[];
    expect(none).toEqual([]);
  });

  it('refuses bad progress arguments without touching the store', () => {
    cli(['import', fixture('003_244a23676422eee3.txt'), '--data-dir', data]);
    const counts = () => {
      const db = new Database(path.join(data, 'ledger.sqlite'), { readonly: true });
      const n = db.prepare("SELECT (SELECT count(*) FROM progress) AS p, (SELECT count(*) FROM ops WHERE entity = 'progress') AS c, (SELECT count(*) FROM periods) AS q").get();
      db.close();
      return n;
    };
    const before = counts();
    for (const args of [
      ['--measure', 'nope', '--period', '2024-Q3', '--status', '已完成'],
      ['--measure', 'x', '--period', '2024-Q7', '--status', '已完成'],
      ['--measure', 'x', '--period', '2024-Q3', '--status', 'done'],
    ]) {
      const r = cli(['progress', ...args, '--data-dir', data]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    }
    const measures = JSON.parse(cli(['measures', '--data-dir', data]).stdout) as unknown[];
    expect(measures).toHaveLength(23);
    expect(counts()).toEqual(before);
  });

  it('takes the data folder from FAZHI_DATA_DIR', () => {
    const r = cli(['import', fixture('003_244a23676422eee3.txt')], { FAZHI_DATA_DIR: data });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(data, 'ledger.sqlite'))).toBe(true);
  });

  it('prints usage and exits non-zero for an unknown command', () => {
    const r = cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/未知命令/);
  });
});
