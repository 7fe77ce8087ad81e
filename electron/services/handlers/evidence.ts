// Handlers of the evidence calls: attaching by path and verifying run as jobs that screens poll.
import type { Handlers } from '../dispatch';
import { currentUser, type AppContext } from '../context';
import type { User } from '../../../shared/model';
import { measureOfEvidence, requireOwnMeasure } from '../../../db/queries/clerk-scope';
import { startJob } from '../jobs';
import { requireGranted } from '../file-grants';
import { attachPaths, cleanupStore, maxEvidenceBytes, verifyStore } from '../../../db/evidence-store/index';
import { listEvidence, missingEvidence, removeEvidence, updateEvidence } from '../../../db/queries/evidence';

type EvidenceHandlers = Pick<
  Handlers,
  | 'evidence.config'
  | 'evidence.attachPaths'
  | 'evidence.list'
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
          { measureId: a.measureId, periodId: a.periodId, userId: user.id, signal: c.signal, onProgress: (p, step) => c.report(p, step) },
          a.files,
        ).then((r) => {
          ctx.log.info(`evidence attach ${r.items.length} file(s) to ${a.measureId} by ${user.id}`);
          return r;
        }),
      (e) => ctx.log.error('evidence.attachPaths', e),
    );
  },
  'evidence.list': (ctx, a) => listEvidence(ctx.db, a),
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
