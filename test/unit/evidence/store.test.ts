import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { closeStore } from '../../../db/open';
import {
  attachPaths,
  attachStream,
  blobPath,
  cleanupStore,
  maxEvidenceBytes,
  openEvidenceStore,
  sweepTmp,
  tmpDir,
  verifyStore,
  detectMime,
  DEFAULT_MAX_EVIDENCE_BYTES,
} from '../../../db/evidence-store/index';
import { listEvidence, missingEvidence, removeEvidence, updateEvidence, evidenceQuarter } from '../../../db/queries/evidence';
import { measureHistory } from '../../../db/queries/changelog';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp';
import { filesUnder, removeStoreDir, seedLedger, writeFileOfSize, type Ledger } from './helpers';

let dir: string;
let data: string;
let l: Ledger;

beforeEach(() => {
  dir = tempDir('fazhi-ev-');
  data = path.join(dir, 'data');
  l = seedLedger(data);
});
afterEach(() => {
  closeStore(l.db);
  removeStoreDir(dir);
});

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const target = (extra: Partial<{ measureId: string; periodId: string; maxBytes: number }> = {}) => ({ measureId: l.measureIds[0]!, periodId: '2024-Q3', userId: l.userId, ...extra });
function src(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const rowCount = () => (l.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
const blobFiles = () => filesUnder(path.join(data, 'evidence')).filter((f) => !path.relative(path.join(data, 'evidence'), f).startsWith(`tmp${path.sep}`));

describe('storing a file', () => {
  it('names it by SHA-256 under evidence/ab/, read-only, with its metadata in SQLite', async () => {
    const content = '%PDF-1.4 会议纪要\n';
    const r = await attachPaths(l.db, data, target(), [{ path: src('纪要.pdf', content), description: '第一次会议', docNumber: '区法治办〔2024〕3号', docDate: '2024-08-01' }]);
    const h = sha(content);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ sha256: h, name: '纪要.pdf', size: Buffer.byteLength(content), mime: 'application/pdf', kind: 'pdf', description: '第一次会议', docNumber: '区法治办〔2024〕3号', docDate: '2024-08-01', periodId: '2024-Q3', addedBy: l.userId });
    const file = blobPath(data, h);
    expect(file).toBe(path.join(data, 'evidence', h.slice(0, 2), h));
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
    expect(filesUnder(tmpDir(data))).toEqual([]);
  });

  it('stores the same bytes once, for the same record twice and for several measures', async () => {
    const a = src('a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const first = await attachPaths(l.db, data, target(), [{ path: a }]);
    const again = await attachPaths(l.db, data, target(), [{ path: a }]);
    expect(again.items).toHaveLength(0);
    expect(again.duplicates).toEqual(['a.png']);
    const copy = src('副本.png', fs.readFileSync(a));
    const other = await attachPaths(l.db, data, target({ measureId: l.measureIds[1]! }), [{ path: copy }]);
    expect(other.items[0]!.sha256).toBe(first.items[0]!.sha256);
    expect(other.items[0]!.name).toBe('副本.png');
    expect(rowCount()).toBe(2);
    expect(blobFiles()).toHaveLength(1);
  });

  it('counts evidence for the quarter of its document date, not the day it was attached', async () => {
    expect(evidenceQuarter('2024-Q3', '2024-06-30')).toBe('2024-Q2');
    expect(evidenceQuarter('2024-Q3', undefined)).toBe('2024-Q3');
    const r = await attachPaths(l.db, data, target(), [{ path: src('review.txt', 'done'), docDate: '2024-06-30' }]);
    expect(r.items[0]!.periodId).toBe('2024-Q2');
    expect(r.warnings.join()).toContain('2024年第二季度');
    expect(listEvidence(l.db, { periodId: '2024-Q2' })).toHaveLength(1);
    expect(listEvidence(l.db, { periodId: '2024-Q3' })).toHaveLength(0);
  });

  it('refuses a 0-byte file, from disk or as a stream, and stores nothing', async () => {
    await expect(attachPaths(l.db, data, target(), [{ path: src('empty.txt', '') }])).rejects.toThrow(/空文件/);
    await expect(attachStream(l.db, data, target(), Readable.from([]), { name: 'empty.txt' })).rejects.toThrow(/空文件/);
    expect(listEvidence(l.db, {})).toHaveLength(0);
    expect(fs.existsSync(path.join(data, 'evidence', sha('').slice(0, 2), sha('')))).toBe(false);
  });

  it('keeps any name as metadata only: emoji, very long, Windows reserved names', async () => {
    const names = ['CON', 'NUL.txt', '会议😀照片.txt', `${'很长的文件名'.repeat(40)}.txt`.slice(0, 250)];
    for (const [i, n] of names.entries()) {
      const r = await attachStream(l.db, data, target(), Readable.from([Buffer.from(`内容 ${i}`)]), { name: `C:\\Users\\x\\${n}` });
      expect(r.items[0]!.name).toBe(n);
      expect(fs.existsSync(blobPath(data, r.items[0]!.sha256))).toBe(true);
    }
    expect(blobFiles().every((f) => /^[0-9a-f]{64}$/.test(path.basename(f)))).toBe(true);
  });

  it('tells the type from the bytes first, then the name', () => {
    expect(detectMime('scan.jpg', Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(detectMime('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectMime('fake.png', Buffer.from('<svg>'))).toBe('application/octet-stream');
    expect(detectMime('表.xlsx', Buffer.from('PK'))).toMatch(/spreadsheetml/);
    expect(detectMime('page.html', Buffer.from('<html>'))).toBe('text/html');
  });
});

describe('bad input: a Chinese message and nothing written', () => {
  async function nothingWritten(p: Promise<unknown>): Promise<AppError> {
    const e = await rejection(p);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(rowCount()).toBe(0);
    expect(blobFiles()).toEqual([]);
    expect(filesUnder(tmpDir(data))).toEqual([]);
    return e;
  }

  it('a folder instead of a file', async () => {
    const folder = path.join(dir, '材料文件夹');
    fs.mkdirSync(folder);
    expect((await nothingWritten(attachPaths(l.db, data, target(), [{ path: folder }]))).message).toMatch(/文件夹/);
  });

  it('a file that does not exist', async () => {
    expect((await nothingWritten(attachPaths(l.db, data, target(), [{ path: path.join(dir, '不存在.pdf') }]))).code).toBe('not_found');
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const p = src('secret.pdf', 'x');
    fs.chmodSync(p, 0o000);
    expect((await nothingWritten(attachPaths(l.db, data, target(), [{ path: p }]))).code).toBe('unreadable_file');
  });

  it.runIf(process.platform === 'linux')('a file whose reading fails (I/O error)', async () => {
    // /proc/self/mem is a regular file whose first bytes cannot be read: EIO, whoever we run as.
    const e = await nothingWritten(attachPaths(l.db, data, target(), [{ path: '/proc/self/mem' }]));
    expect(e.code).toBe('unreadable_file');
    expect(e.message).toMatch(/读取文件“mem”时出错/);
  });

  it('one bad file in a batch stops the whole batch before anything is copied', async () => {
    const good = src('good.txt', 'good');
    await nothingWritten(attachPaths(l.db, data, target(), [{ path: good }, { path: path.join(dir, 'missing.txt') }]));
  });

  it('a file past the size limit, from the option or FAZHI_MAX_EVIDENCE_BYTES', async () => {
    const p = src('big.bin', Buffer.alloc(2048));
    const e = await nothingWritten(attachPaths(l.db, data, target({ maxBytes: 1024 }), [{ path: p }]));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/big\.bin.*超过了单个佐证材料 1 KB 的上限/);
    expect(maxEvidenceBytes(undefined, {})).toBe(DEFAULT_MAX_EVIDENCE_BYTES);
    expect(maxEvidenceBytes(undefined, { FAZHI_MAX_EVIDENCE_BYTES: '1000' })).toBe(1000);
    expect(maxEvidenceBytes(5, { FAZHI_MAX_EVIDENCE_BYTES: '1000' })).toBe(5);
    // A stream of unknown length is stopped as soon as it passes the limit.
    await nothingWritten(attachStream(l.db, data, target({ maxBytes: 1024 }), Readable.from([Buffer.alloc(1000), Buffer.alloc(1000)]), { name: 'x.bin' }));
  });

  it('a file that vanishes or changes mid-copy', async () => {
    const p = path.join(dir, 'moving.bin');
    writeFileOfSize(p, 8 * 1024 * 1024);
    let removed = false;
    const e = await nothingWritten(
      attachPaths(l.db, data, { ...target(), onProgress: (f) => {
        if (!removed && (f ?? 0) > 0.1) {
          removed = true;
          fs.rmSync(p);
        }
      } }, [{ path: p }]),
    );
    expect(removed).toBe(true);
    expect(e.message).toMatch(/复制过程中/);
    const q = path.join(dir, 'shrinking.bin');
    writeFileOfSize(q, 8 * 1024 * 1024);
    let cut = false;
    await nothingWritten(
      attachPaths(l.db, data, { ...target(), onProgress: (f) => {
        if (!cut && (f ?? 0) > 0.1) {
          cut = true;
          fs.truncateSync(q, 1024);
        }
      } }, [{ path: q }]),
    );
  });

  it('a stream that breaks off (an aborted upload)', async () => {
    async function* broken() {
      yield Buffer.alloc(4096, 1);
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    }
    expect((await nothingWritten(attachStream(l.db, data, target(), broken(), { name: 'up.pdf' }))).message).toMatch(/中断/);
    // A stream shorter than announced is refused too.
    await nothingWritten(attachStream(l.db, data, { ...target(), expectedSize: 10 }, Readable.from([Buffer.from('abc')]), { name: 'short.txt' }));
  });

  it('a cancelled attach', async () => {
    const p = path.join(dir, 'big.bin');
    writeFileOfSize(p, 16 * 1024 * 1024);
    const ac = new AbortController();
    const e = await nothingWritten(attachPaths(l.db, data, { ...target(), signal: ac.signal, onProgress: (f) => (f ?? 0) > 0.2 && ac.abort() }, [{ path: p }]));
    expect(e.code).toBe('cancelled');
  });

  it('a measure that does not exist', async () => {
    await nothingWritten(attachPaths(l.db, data, target({ measureId: 'nope' }), [{ path: src('a.txt', 'a') }]));
  });
});

describe('removing, clean-up, missing evidence', () => {
  it('logs the removal in the measure history; the clean-up keeps a file the history names and takes only files nothing names', async () => {
    const p = src('通知.pdf', '%PDF-1.4 notice');
    const a = await attachPaths(l.db, data, target(), [{ path: p }]);
    const b = await attachPaths(l.db, data, target({ measureId: l.measureIds[1]! }), [{ path: p }]);
    const file = blobPath(data, a.items[0]!.sha256);
    removeEvidence(l.db, a.items[0]!.id, l.userId);
    const h = measureHistory(l.db, l.measureIds[0]!);
    expect(h[0]).toMatchObject({ action: 'delete', entity: 'evidence', oldValue: expect.stringContaining('通知.pdf') });
    expect((await cleanupStore(l.db, data, 0)).removedFiles).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    removeEvidence(l.db, b.items[0]!.id, l.userId);
    // No record uses it now, but its history does: restoring from that history needs the file.
    expect(await cleanupStore(l.db, data, 0)).toMatchObject({ removedFiles: 0 });
    expect(fs.existsSync(file)).toBe(true);
    // A file no row, no history entry and no backup names (an attach cut short before its row) goes.
    const orphan = Buffer.from('left by an attach that never wrote its row');
    const orphanFile = blobPath(data, sha(orphan));
    fs.mkdirSync(path.dirname(orphanFile), { recursive: true });
    fs.writeFileSync(orphanFile, orphan);
    // Within the grace period a fresh unreferenced file is kept (another process may be writing its row).
    expect((await cleanupStore(l.db, data)).keptRecent).toBe(1);
    expect(await cleanupStore(l.db, data, 0)).toMatchObject({ removedFiles: 1, freedBytes: orphan.length });
    expect(fs.existsSync(orphanFile)).toBe(false);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('edits metadata with a log entry; a new document date moves it to that quarter', async () => {
    const r = await attachPaths(l.db, data, target(), [{ path: src('a.txt', 'a') }]);
    const u = updateEvidence(l.db, { id: r.items[0]!.id, docNumber: '某文〔2024〕1号', docDate: '2024-05-02' }, l.userId);
    expect(u).toMatchObject({ docNumber: '某文〔2024〕1号', periodId: '2024-Q2' });
    expect(measureHistory(l.db, l.measureIds[0]!).some((c) => c.field?.startsWith('evidence.docNumber'))).toBe(true);
  });

  it('lists measures with no evidence for the quarter (缺佐证)', async () => {
    const before = missingEvidence(l.db, { periodId: '2024-Q3' }).map((m) => m.id);
    expect(before).toEqual(l.measureIds);
    await attachPaths(l.db, data, target(), [{ path: src('a.txt', 'a') }]);
    expect(missingEvidence(l.db, { periodId: '2024-Q3' }).map((m) => m.id)).toEqual(l.measureIds.slice(1));
    expect(missingEvidence(l.db, { periodId: '2024-Q4' })).toHaveLength(l.measureIds.length);
  });

  it('filters and sorts the ledger-wide list', async () => {
    await attachPaths(l.db, data, target(), [{ path: src('small.txt', 'a'), docDate: '2024-07-01' }]);
    await attachPaths(l.db, data, target({ measureId: l.measureIds[2]! }), [{ path: src('big.pdf', `%PDF-${'x'.repeat(100)}`), docDate: '2024-09-01' }]);
    expect(listEvidence(l.db, { sort: 'size-desc' }).map((e) => e.name)).toEqual(['big.pdf', 'small.txt']);
    expect(listEvidence(l.db, { sort: 'date-asc' }).map((e) => e.name)).toEqual(['small.txt', 'big.pdf']);
    expect(listEvidence(l.db, { kind: 'pdf' }).map((e) => e.name)).toEqual(['big.pdf']);
    expect(listEvidence(l.db, { measureId: l.measureIds[0]! }).map((e) => e.name)).toEqual(['small.txt']);
  });
});

describe('integrity check', () => {
  it('finds nothing wrong in a sound store, and reports missing and changed files by name and measure', async () => {
    const a = await attachPaths(l.db, data, target(), [{ path: src('甲.txt', '甲') }]);
    const b = await attachPaths(l.db, data, target({ measureId: l.measureIds[1]! }), [{ path: src('乙.txt', '乙') }]);
    await attachPaths(l.db, data, target({ measureId: l.measureIds[2]! }), [{ path: src('丙.txt', '丙') }]);
    const steps: (number | null)[] = [];
    const ok = await verifyStore(l.db, data, { onProgress: (p) => steps.push(p) });
    expect(ok).toMatchObject({ ok: true, checkedFiles: 3, problems: [] });
    expect(steps.at(-1)).toBe(1);

    const fa = blobPath(data, a.items[0]!.sha256);
    fs.chmodSync(fa, 0o644);
    fs.writeFileSync(fa, '被改过');
    fs.chmodSync(blobPath(data, b.items[0]!.sha256), 0o644);
    fs.rmSync(blobPath(data, b.items[0]!.sha256));
    const bad = await verifyStore(l.db, data);
    expect(bad.ok).toBe(false);
    const byState = Object.fromEntries(bad.problems.map((p) => [p.state, p.uses.map((u) => [u.name, u.measureId])]));
    expect(byState).toEqual({ changed: [['甲.txt', l.measureIds[0]]], missing: [['乙.txt', l.measureIds[1]]] });

    // Attaching the genuine file again repairs the store, even when the damage kept the size.
    fs.writeFileSync(fa, '乙');
    await attachPaths(l.db, data, target({ measureId: l.measureIds[3]! }), [{ path: src('甲2.txt', '甲') }]);
    await attachStream(l.db, data, target({ measureId: l.measureIds[3]! }), Readable.from([Buffer.from('乙')]), { name: '乙.txt' });
    expect((await verifyStore(l.db, data)).ok).toBe(true);
  });

  it('sweeps temporaries of dead processes on open, never those of live ones', () => {
    fs.mkdirSync(tmpDir(data), { recursive: true });
    const dead = path.join(tmpDir(data), '999999999-abc.part');
    const live = path.join(tmpDir(data), `${process.ppid}-abc.part`);
    fs.writeFileSync(dead, 'x');
    fs.writeFileSync(live, 'x');
    expect(sweepTmp(data)).toBe(1);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    openEvidenceStore(data);
  });
});
