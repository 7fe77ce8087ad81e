// The integrity check and the clean-up, over the rows, the change log and the files together.
import type { Db } from '../open';
import { nowIso } from '../../shared/ids';
import { AppError } from '../../shared/errors';
import { fullWidthPunctuation } from '../../shared/zh-punctuation';
import type { CleanupReport, RowProblem, VerifyReport } from '../../shared/api/evidence';
import { isReferenced, referencedBlobs, usesOf } from '../queries/evidence';
import { checkRows, type RowMismatch } from '../sync/index';
import { backupFolder, readManifests } from '../backup/folder';
import { humanSize } from './paths';
import { inFlight, listBlobs, removeBlob, sweepTmp } from './sweep';
import { verifyBlobs } from './verify';
import { evidenceKey } from './data-key';

/** No record and no change in the log names the file, and no attach of this process is about to write one that will. */
export function isUnused(db: Db, sha256: string): boolean {
  return !inFlight.blobs.has(sha256) && !isReferenced(db, sha256) && !namedInHistory(db, sha256);
}

/** An evidence op's id ends in the file's hash: a file removed from its record stays named by the history of that record. */
function namedInHistory(db: Db, sha256: string): boolean {
  return db.prepare("SELECT 1 FROM ops WHERE entity = 'evidence' AND entity_id LIKE ? LIMIT 1").get(`%|${sha256}`) !== undefined;
}

const HASH = /[0-9a-f]{64}/g;

/**
 * Every hash a row, an entry of the change log (ids and values, whatever the entity) or a backup's
 * manifest names. The log is scanned whole because a history entry may name a file in its value
 * (a photo, a signed copy) as well as in its id; an extra hash only keeps a file, never loses one.
 */
export function namedBlobs(db: Db, dataDir: string): Set<string> {
  const named = new Set<string>();
  for (const r of db.prepare('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[]) named.add(r.sha256);
  for (const r of db.prepare('SELECT entity_id, value FROM ops').iterate() as IterableIterator<{ entity_id: string; value: string }>) {
    for (const m of r.entity_id.matchAll(HASH)) named.add(m[0]);
    for (const m of r.value.matchAll(HASH)) named.add(m[0]);
  }
  const folder = backupFolder(dataDir);
  let manifests;
  try {
    manifests = readManifests(folder);
  } catch (e) {
    throw new AppError(
      'conflict',
      `无法读取备份文件夹“${folder}”,不知道哪些佐证文件仍被备份引用,为免误删,本次没有清理任何文件。请确认该文件夹(或所在的移动硬盘、网络盘)可以访问后再清理。`,
      String(e),
    );
  }
  for (const m of manifests) for (const [sha] of [...m.evidence, ...m.missing.map((s) => [s, 0] as const)]) named.add(sha);
  return named;
}

const COLUMN_NAMES: Record<string, string> = {
  id: '编号',
  measure_id: '所属措施',
  sha256: '文件(内容哈希)',
  period_id: '季度',
  name: '文件名',
  size: '大小',
  mime: '类型',
  description: '说明',
  doc_number: '文号',
  doc_date: '成文日期',
  added_by: '添加人',
  added_at: '添加时间',
};

function rowProblem(m: RowMismatch): RowProblem {
  const r = m.row ?? {};
  const [measureFromId = '', periodFromId = ''] = m.entityId.split('|');
  const name = String(r.name ?? '');
  const p = { evidenceId: m.entityId, kind: m.kind, columns: m.columns, name, measureId: String(r.measure_id ?? measureFromId), periodId: String(r.period_id ?? periodFromId) };
  const what = name ? `佐证材料“${name}”` : '一条佐证材料记录';
  const detail =
    m.kind === 'changed'
      ? `${what}的${m.columns.map((c) => COLUMN_NAMES[c] ?? c).join('、')}与变更记录不符:它在数据库中被直接改动过(未经本程序记录)。请从备份恢复,或由管理员核实后重新添加该材料。`
      : m.kind === 'unrecorded'
        ? `${what}没有任何变更记录,是被直接写进数据库的(或其记录已被删除)。请核实其来源;确属有效材料的,请移除后重新添加。`
        : `变更记录中的一条佐证材料(${m.entityId.split('|')[2]?.slice(0, 12) ?? ''}…)在数据库中不见了:它被直接删除过。请从备份恢复。`;
  return { ...p, detail: fullWidthPunctuation(detail) };
}

export async function verifyStore(
  db: Db,
  dataDir: string,
  o: { signal?: AbortSignal | undefined; onProgress?: ((fraction: number | null, step: string) => void) | undefined } = {},
): Promise<VerifyReport> {
  const tmpRemoved = sweepTmp(dataDir);
  o.onProgress?.(null, '正在核对佐证材料记录与变更记录');
  const checkedRows = (db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
  const rowProblems = checkRows(db, 'evidence', 'evidence').map(rowProblem);
  const refs = referencedBlobs(db);
  const total = refs.reduce((s, b) => s + b.size, 0);
  const states = await verifyBlobs(dataDir, refs, {
    dk: evidenceKey(dataDir),
    signal: o.signal,
    onProgress: (done, all, i) => o.onProgress?.(all ? done / all : (i + 1) / refs.length, `正在校验第 ${i + 1}/${refs.length} 个文件(共 ${humanSize(total)})`),
  });
  const problems = refs
    .filter((b) => states.get(b.sha256) !== 'ok')
    .map((b) => ({ sha256: b.sha256, state: states.get(b.sha256) as 'missing' | 'changed', size: b.size, uses: usesOf(db, b.sha256) }));
  const known = new Set(refs.map((r) => r.sha256));
  const unreferencedFiles = (await listBlobs(dataDir)).filter((b) => !known.has(b.sha256)).length;
  return {
    ok: problems.length === 0 && rowProblems.length === 0,
    checkedFiles: refs.length,
    checkedBytes: total,
    problems,
    checkedRows,
    rowProblems,
    unreferencedFiles,
    tmpRemoved,
    checkedAt: nowIso(),
  };
}

/** An unreferenced file stored this recently may belong to an attach still writing its row in another process. */
export const CLEANUP_GRACE_MS = 60 * 60 * 1000;

/** Removes stored files nothing names: no row, no entry of the change log (history), no backup's manifest. */
export async function cleanupStore(db: Db, dataDir: string, graceMs = CLEANUP_GRACE_MS, now = Date.now()): Promise<CleanupReport> {
  sweepTmp(dataDir);
  const report: CleanupReport = { removedFiles: 0, freedBytes: 0, keptRecent: 0 };
  const named = namedBlobs(db, dataDir);
  for (const b of await listBlobs(dataDir)) {
    if (named.has(b.sha256) || inFlight.blobs.has(b.sha256)) continue;
    if (now - b.ctimeMs < graceMs) {
      report.keptRecent++;
      continue;
    }
    // Listing took time: a row or op written meanwhile (another process) wins.
    if (!isUnused(db, b.sha256)) continue;
    await removeBlob(dataDir, b.sha256);
    report.removedFiles++;
    report.freedBytes += b.size;
  }
  return report;
}
