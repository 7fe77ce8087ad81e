import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, fixture } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir } from '../evidence/helpers';

let dir: string;
let office: string;
let dept: string;
beforeAll(() => {
  dir = tempDir('fazhi-pkgcli-');
  office = path.join(dir, 'office');
  dept = path.join(dir, 'dept');
});
afterAll(() => removeStoreDir(dir));

function ok(args: string[]): Record<string, unknown> {
  const r = cli(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('package and receipt commands', () => {
  it('export a department’s quarter encrypted, set up its PC, record there, return, import, receipts', () => {
    expect(cli(['import', fixture('caoxian.docx'), '--data-dir', office]).status).toBe(0);
    const measures = JSON.parse(cli(['measures', '--data-dir', office]).stdout) as { id: string; lead: string[] }[];
    const m = measures.find((x) => x.lead.length > 0)!;
    const department = m.lead[0]!;
    const pass = path.join(dir, 'pass.txt');
    fs.writeFileSync(pass, '口令 2024\n');
    const slice = path.join(dir, 'slice.fzpkg');

    const exported = ok(['package', 'export', '--out', slice, '--department', department, '--period', '2024-Q3', '--passphrase-file', pass, '--data-dir', office]);
    expect(exported).toMatchObject({ kind: 'slice', encrypted: true });
    expect(fs.statSync(slice).size).toBe(exported.size);

    const verified = ok(['package', 'verify', slice, '--passphrase-file', pass, '--data-dir', office]);
    expect(verified).toMatchObject({ ok: true, kind: 'slice', encrypted: true, slice: { departments: [department], periods: ['2024-Q3'] } });

    const wrong = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrong, 'nope');
    const bad = cli(['package', 'import', slice, '--passphrase-file', wrong, '--data-dir', dept]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/口令不正确/);
    expect(bad.stdout).toBe('');

    const imported = ok(['package', 'import', slice, '--passphrase-file', pass, '--data-dir', dept]);
    expect(imported).toMatchObject({ clone: true, refused: 0 });
    expect(fs.existsSync(imported.receiptFile as string)).toBe(true);

    // The working copy has an administrator: progress works there.
    ok(['progress', '--measure', m.id, '--period', '2024-Q3', '--status', '已完成', '--note', '部门已完成', '--data-dir', dept]);

    const back = path.join(dir, 'return.fzpkg');
    const ret = ok(['package', 'export', '--out', back, '--return-to', verified.senderReplicaId as string, '--data-dir', dept]);
    expect(ret).toMatchObject({ kind: 'return', blobs: 0 });
    const merged = ok(['package', 'import', back, '--data-dir', office]);
    expect(merged).toMatchObject({ clone: false, refused: 0 });
    expect(merged.applied).toBeGreaterThan(0);
    const after = JSON.parse(cli(['search', '部门已完成', '--data-dir', office]).stdout) as { id: string }[];
    expect(after.map((x) => x.id)).toContain(m.id);

    const receipt = ok(['receipt', 'import', imported.receiptFile as string, '--data-dir', office]);
    expect(receipt).toMatchObject({ packageId: exported.packageId, new: true });

    const again = cli(['package', 'import', back, '--data-dir', office]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已导入过/);

    const wrongKind = cli(['receipt', 'import', back, '--data-dir', office]);
    expect(wrongKind.status).toBe(1);
    expect(wrongKind.stderr).toMatch(/不是回执/);
  }, 180_000);
});
