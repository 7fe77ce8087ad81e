// Handlers of the evidence calls: attaching by path and verifying run as jobs that screens poll.
import type { Handlers } from '../dispatch';
import { currentUser, type AppContext } from '../context';
import type { User } from '../../../shared/model';
import { measureOfEvidence, requireOwnMeasure } from '../../../db/queries/clerk-scope';
import { startJob } from '../jobs';
import { evidenceChangeableOn } from '../measure-view';
import { requireGranted } from '../file-grants';
import { attachPaths, blobPath, blobSize, cleanupStore, evidenceKey, maxEvidenceBytes, readBlob, reuseEvidence, verifyStore } from '../../../db/evidence-store/index';
import { getEvidence, listEvidence, missingEvidence, pickEvidence, removeEvidence, updateEvidence } from '../../../db/queries/evidence';
import { AppError } from '../../../shared/errors';
import { formatSize } from '../../../shared/sizes';
import { DEFAULT_MAX_BYTES, evidenceTextFormat } from '../readers/index';
import { readTextOffThread } from '../readers/run';

/** Characters of a text preview: far past what a reader skims, small enough to send at once. */
const PREVIEW_CHARS = 200_000;

type EvidenceHandlers = Pick<
  Handlers,
  | 'evidence.config'
  | 'evidence.attachPaths'
  | 'evidence.list'
  | 'evidence.pick'
  | 'evidence.reuse'
  | 'evidence.text'
  | 'evidence.missing'
  | 'evidence.update'
  | 'evidence.remove'
  | 'evidence.verify'
  | 'evidence.cleanup'
>;

/** The signed-in user, once a clerk limited to their department is known to own the evidence's measure. */
function ownEvidence(ctx: AppContext, evidenceId: string): User {
  const user = currentUser(ctx);
  const measureId = measureOfEvidence(ctx.db, evidenceId);
  // An unknown id is left to the query, which answers with its own "not found".
  if (measureId) requireOwnMeasure(ctx.db, user, measureId);
  return user;
}

export const evidenceHandlers: EvidenceHandlers = {
  // The store itself is opened (and swept) once, by createContext.
  'evidence.config': () => ({ maxBytes: maxEvidenceBytes() }),
  'evidence.attachPaths': (ctx, a) => {
    const user = currentUser(ctx);
    requireOwnMeasure(ctx.db, user, a.measureId);
    requireGranted(a.files.map((f) => f.path));
    return startJob(
      'evidence.attach',
      (c) =>
        attachPaths(
          ctx.db,
          ctx.dataDir,
          { measureId: a.measureId, periodId: a.periodId, userId: user.id, replaces: a.replaces, signal: c.signal, onProgress: (p, step) => c.report(p, step) },
          a.files,
        ).then((r) => {
          ctx.log.info(`evidence attach ${r.items.length} file(s) to ${a.measureId} by ${user.id}`);
          return r;
        }),
      (e) => ctx.log.error('evidence.attachPaths', e),
    );
  },
  'evidence.list': (ctx, a) => {
    const items = listEvidence(ctx.db, a);
    const changeable = evidenceChangeableOn(ctx, items.map((i) => i.measureId));
    return items.map((i) => ({ ...i, mayChange: changeable.has(i.measureId) }));
  },
  'evidence.pick': (ctx, a) => pickEvidence(ctx.db, { query: a.query, excludeMeasureId: a.excludeMeasureId, limit: a.limit }),
  'evidence.reuse': (ctx, a) => {
    const user = currentUser(ctx);
    const r = reuseEvidence(ctx.db, ctx.dataDir, { measureId: a.measureId, periodId: a.periodId, userId: user.id }, a.sourceId);
    ctx.log.info(`evidence reuse ${a.sourceId} on ${a.measureId} by ${user.id}`);
    return r;
  },
  'evidence.text': async (ctx, a) => {
    const item = getEvidence(ctx.db, a.id);
    if (!evidenceTextFormat(item.name)) throw new AppError('unsupported_file', `“${item.name}”不是 Word(.docx)或 Excel(.xlsx)文件,没有文字预览。请点“下载”后打开。`);
    const file = blobPath(ctx.dataDir, item.sha256);
    // On an encrypted store the file on disk is ciphertext: size and bytes come through the store's key.
    const dk = evidenceKey(ctx.dataDir);
    const size = blobSize(file, dk);
    if (size === null) throw new AppError('not_found', `本机存储中缺少“${item.name}”的文件。请在“佐证材料”中运行完整性检查。`);
    // The readers' own limit: a larger document is downloaded and opened in Word or Excel.
    if (size > DEFAULT_MAX_BYTES) throw new AppError('too_large', `“${item.name}”有 ${formatSize(size)},超过文字预览的上限 ${formatSize(DEFAULT_MAX_BYTES)}。请点“下载”后打开。`);
    const text = await readTextOffThread(await readBlob(file, dk), item.name);
    return { text: text.slice(0, PREVIEW_CHARS), truncated: text.length > PREVIEW_CHARS };
  },
  'evidence.missing': (ctx, a) => missingEvidence(ctx.db, a),
  'evidence.update': (ctx, a) => updateEvidence(ctx.db, a, ownEvidence(ctx, a.id).id),
  'evidence.remove': (ctx, a) => {
    const old = removeEvidence(ctx.db, a.id, ownEvidence(ctx, a.id).id);
    ctx.log.info(`evidence remove ${old.id} (${old.sha256}) from ${old.measureId}`);
    return { removed: true as const };
  },
  'evidence.verify': (ctx) =>
    startJob('evidence.verify', (c) => verifyStore(ctx.db, ctx.dataDir, { signal: c.signal, onProgress: (p, step) => c.report(p, step) }), (e) =>
      ctx.log.error('evidence.verify', e),
    ),
  'evidence.cleanup': async (ctx) => {
    currentUser(ctx);
    const r = await cleanupStore(ctx.db, ctx.dataDir);
    ctx.log.info(`evidence cleanup: ${r.removedFiles} file(s), ${r.freedBytes} bytes`);
    return r;
  },
};
