import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore } from '../../../db/open';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, seedLedger } from './helpers';
import type { AttachResult, VerifyReport } from '../../../shared/api/evidence';

let dir: string;
let data: string;
let measureId: string;
beforeEach(() => {
  dir = tempDir('fazhi-evcli-');
  data = path.join(dir, 'data');
  const l = seedLedger(data);
  measureId = l.measureIds[0]!;
  closeStore(l.db);
});
afterEach(() => removeStoreDir(dir));

describe('cli attach and verify', () => {
  it('attaches files, verifies clean, then reports a changed file with a non-zero exit', () => {
    const a = path.join(dir, '通知.txt');
    const b = path.join(dir, 'NUL.txt');
    fs.writeFileSync(a, '关于开展法治督察的通知');
    fs.writeFileSync(b, '会议纪要');
    const empty = path.join(dir, '空白.pdf');
    fs.writeFileSync(empty, '');
    const refused = cli(['attach', '--measure', measureId, '--period', '2024-Q3', a, empty, '--data-dir', data]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/“空白\.pdf”是空文件/);
    const r = cli(['attach', '--measure', measureId, '--period', '2024-Q3', '--doc-number', '某文〔2024〕2号', a, b, '--data-dir', data]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as AttachResult;
    expect(out.items.map((i) => i.name)).toEqual(['通知.txt', 'NUL.txt']);

    const ok = cli(['verify', '--data-dir', data]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, checkedFiles: 2 });

    const sha = out.items[0]!.sha256;
    const file = path.join(data, 'evidence', sha.slice(0, 2), sha);
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    const bad = cli(['verify', '--data-dir', data]);
    expect(bad.status).toBe(1);
    const report = JSON.parse(bad.stdout) as VerifyReport;
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ sha256: sha, state: 'changed', uses: [{ name: '通知.txt', measureId }] });
    expect(bad.stderr).toContain('通知.txt');
  });

  it('refuses a folder, a missing file and a bad quarter with Chinese messages and exit 1', () => {
    const folder = cli(['attach', '--measure', measureId, '--period', '2024-Q3', dir, '--data-dir', data]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/文件夹/);
    expect(cli(['attach', '--measure', measureId, '--period', '2024-Q3', path.join(dir, 'nope.pdf'), '--data-dir', data]).stderr).toMatch(/找不到文件/);
    expect(cli(['attach', '--measure', measureId, '--period', '2024Q3', path.join(dir, 'x'), '--data-dir', data]).stderr).toMatch(/季度/);
    const big = path.join(dir, 'big.bin');
    fs.writeFileSync(big, Buffer.alloc(2000));
    const limited = cli(['attach', '--measure', measureId, '--period', '2024-Q3', big, '--data-dir', data], { FAZHI_MAX_EVIDENCE_BYTES: '1000' });
    expect(limited.status).toBe(1);
    expect(limited.stderr).toMatch(/超过了单个佐证材料/);
    expect(filesUnder(path.join(data, 'evidence'))).toEqual([]);
  });
});
