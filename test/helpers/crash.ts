// Kills a child at a random moment of one kind of work, restarts as the app does, and checks what a crash may leave.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ROOT } from './cli';
import { closeStore } from '../../db/open';
import { blobPath } from '../../db/evidence-store/index';
import { listBlobs } from '../../db/evidence-store/sweep';
import { cleanupStore } from '../../db/evidence-store/check';
import { backupFolder, readManifests, verifyBackup } from '../../db/backup/index';
import { exportsDir } from '../../electron/services/reports/exports';
import { openContext, serial } from '../../electron/services/backup';
import { hashFile } from '../../db/evidence-store/write';

export const CRASH_OPS = ['import', 'progress', 'attach', 'export', 'backup'] as const;
export type CrashOp = (typeof CRASH_OPS)[number];

const child = path.join(ROOT, 'test', 'unit', 'backup', 'crash-child.ts');

export interface CrashOutcome {
  op: CrashOp;
  killed: boolean;
  /** Commits the child reported before the kill. */
  commits: number;
  /** Files of the attach the kill interrupted, stored but not yet recorded; the clean-up takes them. */
  orphansCleaned: number;
  /** Complete exports the child had written (removed at the restart, as exports leave by download). */
  exportsChecked: number;
  backupsVerified: number;
  problems: string[];
}

function partsUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => /\.part(\.tmp)?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Starts the child, waits for its first commit, then SIGKILLs it 0–`spreadMs` later. */
async function runAndKill(op: CrashOp, dataDir: string, scratch: string, spreadMs: number, rnd: () => number): Promise<{ killed: boolean; lines: string[] }> {
  const p = spawn(process.execPath, ['--import', 'tsx', child, op, dataDir, scratch], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const closed = new Promise<void>((r) => p.once('close', () => r()));
  await new Promise<void>((resolve) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes('ok ')) {
        p.stdout!.off('data', onData);
        p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        setTimeout(() => {
          p.kill('SIGKILL');
          resolve();
        }, Math.floor(rnd() * spreadMs));
      }
    };
    p.stdout!.on('data', onData);
    void closed.then(() => resolve());
  });
  await closed;
  if (p.signalCode !== 'SIGKILL') throw new Error(`child ${op} ended by itself: ${err.slice(-2000)}`);
  return { killed: true, lines: out.split('\n').filter((l) => l.startsWith('ok ')) };
}

/** One crash of `op`: kill, restart as the app does (openContext), check, and close. */
export async function crashOnce(op: CrashOp, dataDir: string, scratch: string, rnd: () => number, spreadMs = 400): Promise<CrashOutcome> {
  const { killed, lines } = await runAndKill(op, dataDir, scratch, spreadMs, rnd);
  const last = lines.at(-1)?.split(' ') ?? [];
  const n = Number(last[1] ?? 0);
  const what = last[2] ?? '';
  const out: CrashOutcome = { op, killed, commits: lines.length, orphansCleaned: 0, exportsChecked: 0, backupsVerified: 0, problems: [] };
  const problem = (s: string) => out.problems.push(s);

  // Exports written before the kill are whole files (checked before the restart removes them).
  if (op === 'export') {
    for (const d of fs.existsSync(exportsDir(dataDir)) ? fs.readdirSync(exportsDir(dataDir)) : []) {
      for (const f of fs.readdirSync(path.join(exportsDir(dataDir), d)).filter((x) => !x.startsWith('.'))) {
        try {
          await JSZip.loadAsync(fs.readFileSync(path.join(exportsDir(dataDir), d, f)));
          out.exportsChecked++;
        } catch {
          problem(`export ${d}/${f} is not a complete .docx`);
        }
      }
    }
    if (n > 0 && out.exportsChecked === 0) problem(`no finished export although ${n} were reported`);
  }

  const ctx = await openContext(dataDir);
  try {
    await serial(async () => undefined);
    const db = ctx.db;
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') problem('integrity_check failed');
    if ((db.pragma('foreign_key_check') as unknown[]).length) problem('foreign_key_check found rows');
    switch (op) {
      case 'import': {
        const rows = db.prepare('SELECT p.id, count(m.id) AS n FROM plans p LEFT JOIN measures m ON m.plan_id = p.id GROUP BY p.id ORDER BY p.rowid').all() as { n: number }[];
        const generated = rows.filter((r) => r.n === 300).length;
        if (rows.some((r) => r.n !== 300 && r.n !== rows[0]!.n)) problem('a plan with part of its measures');
        if (generated < n) problem(`last committed import ${n} missing (have ${generated})`);
        break;
      }
      case 'progress': {
        const row = db.prepare("SELECT narrative FROM progress WHERE measure_id = ? AND period_id = '2024-Q3'").get(what) as { narrative: string } | undefined;
        const got = Number(/第(\d+)次修改/.exec(row?.narrative ?? '')?.[1] ?? 0);
        if (got < n) problem(`last committed progress ${n} missing (measure has ${row?.narrative ?? 'nothing'})`);
        break;
      }
      case 'attach':
      case 'backup': {
        if (op === 'attach' && !db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?').get(what)) problem(`last committed attach ${what} missing`);
        for (const r of db.prepare('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[]) {
          const f = blobPath(dataDir, r.sha256);
          if (!fs.existsSync(f) || (await hashFile(f)) !== r.sha256) problem(`evidence ${r.sha256} without its file`);
        }
        const referenced = new Set((db.prepare('SELECT sha256 FROM evidence').all() as { sha256: string }[]).map((r) => r.sha256));
        const orphans = (await listBlobs(dataDir)).filter((b) => !referenced.has(b.sha256)).length;
        if (orphans > 1) problem(`${orphans} stored files without a record (at most the one interrupted attach may leave one)`);
        out.orphansCleaned = (await cleanupStore(db, dataDir, 0)).removedFiles;
        if (orphans !== out.orphansCleaned) problem('the clean-up did not take the interrupted attach’s file');
        break;
      }
      case 'export':
        break;
    }
    if (op === 'backup') {
      const root = backupFolder(dataDir);
      const manifests = readManifests(root);
      if (what && !manifests.some((m) => m.name === what)) problem(`last committed backup ${what} not listed`);
      for (const m of manifests) {
        const v = await verifyBackup(root, m.name);
        if (v.ok) out.backupsVerified++;
        else problem(`backup ${m.name} does not verify: ${v.problems[0]?.detail}`);
      }
      const used = new Set(manifests.flatMap((m) => m.evidence.map(([s]) => s)));
      const stray = (await listBlobs(root)).filter((b) => !used.has(b.sha256)).length;
      if (stray) problem(`${stray} evidence files in the backup folder that no backup refers to`);
      const unfinished = fs.readdirSync(root).filter((x) => /^\d{8}-/.test(x) && !manifests.some((m) => m.name === x));
      if (unfinished.length) problem(`backup folders without a manifest: ${unfinished.join(', ')}`);
    }
    const temps = partsUnder(dataDir);
    if (temps.length) problem(`temporary files left: ${temps.map((t) => path.relative(dataDir, t)).join(', ')}`);
    if (fs.existsSync(exportsDir(dataDir)) && fs.readdirSync(exportsDir(dataDir)).length) problem('exports kept in the data folder after the restart');
  } finally {
    closeStore(ctx.db);
  }
  return out;
}
