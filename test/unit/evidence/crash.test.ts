import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openStore, closeStore } from '../../../db/open';
import { blobPath, openEvidenceStore, tmpDir, verifyStore } from '../../../db/evidence-store/index';
import { tempDir } from '../../helpers/temp';
import { ROOT } from '../../helpers/cli';
import { filesUnder, removeStoreDir, seedLedger, writeFileOfSize } from './helpers';

// tsx's own CLI runs the script in a grandchild, which a SIGKILL would not reach: load tsx in-process instead.
const tsxLoader = ['--import', 'tsx'];
const childScript = path.join(ROOT, 'test', 'unit', 'evidence', 'attach-child.ts');

let dir: string;
beforeEach(() => {
  dir = tempDir('fazhi-evcrash-');
});
afterEach(() => removeStoreDir(dir));

/** Runs the child attach and SIGKILLs it once its progress reaches `killAt`; SIGSTOPs itself first when `stop`. */
function attachAndKill(data: string, measureId: string, userId: string, file: string, killAt: number, stop: boolean): Promise<{ killed: boolean; last: string }> {
  const child = spawn(process.execPath, [...tsxLoader, childScript, data, measureId, userId, file, ...(stop ? [String(killAt)] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let last = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      const lines = c.toString().trim().split('\n');
      last = lines.at(-1) ?? last;
      if (last !== 'done' && Number(last) >= killAt * 100 && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, last });
      else if (code === 0) resolve({ killed: false, last });
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

describe('an attach killed mid-copy', () => {
  it('leaves no row without a file and no file the integrity check reports', async () => {
    const data = path.join(dir, 'data');
    const l = seedLedger(data);
    const measureId = l.measureIds[0]!;
    const userId = l.userId;
    closeStore(l.db);
    const big = path.join(dir, 'big.bin');
    writeFileOfSize(big, 256 * 1024 * 1024, 3);

    const runs: { killed: boolean; last: string }[] = [];
    // First a kill known to land mid-copy (the child stops itself at 40%), then kills at free-running moments.
    runs.push(await attachAndKill(data, measureId, userId, big, 0.4, true));
    expect(runs[0]!.killed).toBe(true);
    expect(filesUnder(tmpDir(data)).length).toBe(1);
    for (const at of [0.05, 0.7, 0.99]) runs.push(await attachAndKill(data, measureId, userId, big, at, false));

    const db = openStore(data);
    try {
      openEvidenceStore(data);
      expect(filesUnder(tmpDir(data))).toEqual([]);
      const report = await verifyStore(db, data);
      expect(report.ok).toBe(true);
      expect(report.problems).toEqual([]);
      const rows = db.prepare('SELECT sha256, size FROM evidence').all() as { sha256: string; size: number }[];
      for (const r of rows) expect(fs.statSync(blobPath(data, r.sha256)).size).toBe(r.size);
      // Runs that finished left exactly one row (the same file is stored once).
      expect(rows.length).toBe(runs.some((r) => !r.killed) ? 1 : rows.length);
      expect(rows.length).toBeLessThanOrEqual(1);
    } finally {
      closeStore(db);
    }
  }, 120_000);
});
