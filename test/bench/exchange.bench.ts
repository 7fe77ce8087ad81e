// Exchange benchmark: export and import of a whole-ledger package (5,000 measures, 20,000 progress records, 1 GiB of
// evidence) against `tar` of the same data folder on the same disk, same durability (fsync vs `sync`), median of
// alternating rounds; and the size of a department's return package with 20 changed records.
// FAZHI_BENCH_EXCHANGE_BYTES scales the evidence down for a quick run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeStore, openStore, type Db } from '../../db/open';
import { attachPaths } from '../../db/evidence-store/index';
import { importDocument } from '../../db/queries/plans';
import { setProgress } from '../../db/queries/progress';
import { systemUser } from '../../db/queries/users';
import { STATUSES } from '../../shared/model';
import { exportPackage } from '../../electron/core/packages/export';
import { importPackage } from '../../electron/core/packages/import';
import { storeIdentity } from '../../electron/core/packages/sync-port';
import { generateDocument } from '../helpers/generate';
import { tempDir } from '../helpers/temp';
import { removeStoreDir, writeFileOfSize } from '../unit/evidence/helpers';
import { figure } from './figures';

const EVIDENCE_BYTES = Number(process.env.FAZHI_BENCH_EXCHANGE_BYTES ?? 1024 ** 3);
const FILE_BYTES = 4 * 1024 * 1024;
const ROUNDS = Number(process.env.FAZHI_BENCH_EXCHANGE_ROUNDS ?? 5);
const PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];

function seconds(t: bigint): number {
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Every round's figure, in the order run: the spread says how noisy the disk was. */
function rounds(xs: number[]): string {
  return xs.map((x) => x.toFixed(2)).join(', ');
}

/** The office's ledger: generated outline, progress for four quarters, evidence files spread over measures. */
async function buildOffice(dir: string, scratch: string): Promise<{ db: Db; user: string; measureIds: string[] }> {
  const db = openStore(dir);
  const user = systemUser(db).id;
  importDocument(db, generateDocument(5000, 3), { fileName: 'gen.txt', sha256: 'b'.repeat(64), format: 'txt', documentIndex: 0 }, user);
  const measureIds = db.prepare('SELECT id FROM measures ORDER BY ord').pluck().all() as string[];
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) {
      setProgress(db, { measureId: measureIds[i % measureIds.length]!, periodId: PERIODS[Math.floor(i / measureIds.length) % PERIODS.length]!, status: STATUSES[i % 3]!, narrative: `第${i}条推进情况:召开专题会议研究部署`, userId: user });
    }
  })();
  const files = Math.max(1, Math.ceil(EVIDENCE_BYTES / FILE_BYTES));
  for (let i = 0; i < files; i++) {
    const f = path.join(scratch, `ev-${i}.bin`);
    writeFileOfSize(f, Math.min(FILE_BYTES, EVIDENCE_BYTES - i * FILE_BYTES), 100 + i);
    await attachPaths(db, dir, { measureId: measureIds[(i * 7) % measureIds.length]!, periodId: '2024-Q3', userId: user }, [{ path: f }]);
    fs.rmSync(f);
  }
  return { db, user, measureIds };
}

function sync(): void {
  execFileSync('sync', [], { stdio: 'inherit' });
}

/**
 * Before every timed step, for both sides alike: what earlier steps wrote and deleted is flushed and given two seconds.
 * Our disks are mounted with `discard`, so deleting the last round's gigabytes sends trims that otherwise slow whichever
 * step comes next.
 */
function settle(): void {
  sync();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
}

// A function, not top-level await: run.ts bundles this bench to CommonJS, as the app is built.
async function main(): Promise<void> {
  const dir = tempDir('fazhi-exbench-');
  try {
    const scratch = path.join(dir, 'scratch');
    fs.mkdirSync(scratch);
    const officeDir = path.join(dir, 'office');
    const office = await buildOffice(officeDir, scratch);
    // The same bytes for both sides: the store's file checkpointed, then everything in the page cache.
    office.db.pragma('wal_checkpoint(TRUNCATE)');
    sync();
    execFileSync('sh', ['-c', `cat ${JSON.stringify(officeDir)}/ledger.sqlite ${JSON.stringify(officeDir)}/evidence/*/* > /dev/null`]);

    const tarExport: number[] = [];
    const oursExport: number[] = [];
    const tarImport: number[] = [];
    const oursImport: number[] = [];
    // Processor time of our import, all its threads: on our 2-core PCs it is what bounds it, where tar waits on the disk.
    const oursImportCpu: number[] = [];
    const oursImportSys: number[] = [];
    let packageBytes = 0;
    let tarBytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first so neither always meets a warmer cache.
      const sides = round % 2 === 0 ? ['tar', 'ours'] : ['ours', 'tar'];
      for (const side of sides) {
        if (side === 'tar') {
          const tarFile = path.join(dir, `round-${round}.tar`);
          settle();
          let t = process.hrtime.bigint();
          execFileSync('tar', ['-cf', tarFile, '-C', officeDir, 'ledger.sqlite', 'evidence'], { stdio: 'inherit' });
          sync();
          tarExport.push(seconds(t));
          tarBytes = fs.statSync(tarFile).size;
          const into = path.join(dir, `tar-in-${round}`);
          fs.mkdirSync(into);
          settle();
          t = process.hrtime.bigint();
          execFileSync('tar', ['-xf', tarFile, '-C', into], { stdio: 'inherit' });
          sync();
          tarImport.push(seconds(t));
          fs.rmSync(tarFile);
          removeStoreDir(into);
        } else {
          const pkg = path.join(dir, `round-${round}.fzpkg`);
          settle();
          let t = process.hrtime.bigint();
          await exportPackage(office.db, officeDir, { kind: 'ledger' }, pkg);
          oursExport.push(seconds(t));
          packageBytes = fs.statSync(pkg).size;
          const into = path.join(dir, `in-${round}`);
          const db = openStore(into);
          settle();
          t = process.hrtime.bigint();
          const cpu = process.cpuUsage();
          await importPackage(db, into, pkg, undefined);
          oursImport.push(seconds(t));
          const used = process.cpuUsage(cpu);
          oursImportCpu.push((used.user + used.system) / 1e6);
          oursImportSys.push(used.system / 1e6);
          closeStore(db);
          fs.rmSync(pkg);
          removeStoreDir(into);
        }
      }
    }
    const gib = EVIDENCE_BYTES / 1024 ** 3;
    figure('exchange.export_whole_ledger.seconds', median(oursExport), `s (${gib.toFixed(2)} GiB evidence, 5000 measures, 20000 progress)`);
    figure('exchange.tar_create_sync.seconds', median(tarExport), `s (rounds ${rounds(tarExport)}; ours ${rounds(oursExport)})`);
    figure('exchange.export_vs_tar.ratio', median(tarExport) / median(oursExport), 'x (goal >= 0.7)');
    figure('exchange.import_whole_ledger.seconds', median(oursImport), 's');
    figure('exchange.tar_extract_sync.seconds', median(tarImport), `s (rounds ${rounds(tarImport)}; ours ${rounds(oursImport)})`);
    figure('exchange.import_vs_tar.ratio', median(tarImport) / median(oursImport), 'x (goal >= 0.7)');
    figure('exchange.import_whole_ledger.cpu_seconds', median(oursImportCpu), `s over ${os.availableParallelism()} cores (rounds ${rounds(oursImportCpu)}; of which in the kernel ${rounds(oursImportSys)})`);
    figure('exchange.whole_package.bytes', packageBytes, `B (tar ${tarBytes} B)`);

    // A department set up from the whole ledger records 20 changes; its return holds those only.
    const whole = path.join(dir, 'whole.fzpkg');
    await exportPackage(office.db, officeDir, { kind: 'ledger' }, whole);
    const deptDir = path.join(dir, 'dept');
    const dept = openStore(deptDir);
    await importPackage(dept, deptDir, whole, undefined);
    fs.rmSync(whole);
    const deptUser = systemUser(dept).id;
    for (let i = 0; i < 20; i++) setProgress(dept, { measureId: office.measureIds[i * 13]!, periodId: '2024-Q3', status: '已完成', narrative: `部门回传第${i + 1}条`, userId: deptUser });
    const ret = path.join(dir, 'return.fzpkg');
    const r = await exportPackage(dept, deptDir, { kind: 'return', peerReplicaId: storeIdentity(office.db).replicaId }, ret);
    figure('exchange.return_20_records.bytes', r.size, `B (${r.ops} ops)`);
    closeStore(dept);
    closeStore(office.db);
  } finally {
    removeStoreDir(dir);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
