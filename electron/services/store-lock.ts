// Locking and unlocking an encrypted store in the running app: the passphrase is held only while unlocked,
// and the store locks itself after the chosen idle time. Protects a lost laptop or USB disk; not a running, unlocked session.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { IDLE_MINUTES_DEFAULT, type StoreStatus } from '../../shared/api/store';
import { checkWait, isEncrypted, setPassphrase } from '../../db/store-key';
import { writeFileAtomic } from '../../db/backup/files';
import type { AppContext } from './context';
import { openLedger, serial } from './backup';

const SETTINGS = 'lock-settings.json';

export function idleMinutes(dataDir: string): number {
  try {
    const m = (JSON.parse(fs.readFileSync(path.join(dataDir, SETTINGS), 'utf8')) as { idleMinutes?: unknown }).idleMinutes;
    return typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 240 ? m : IDLE_MINUTES_DEFAULT;
  } catch {
    return IDLE_MINUTES_DEFAULT;
  }
}

export function setIdleMinutes(ctx: AppContext, minutes: number): StoreStatus {
  // A setting of this PC's copy, not ledger data: it does not travel in packages.
  writeFileAtomic(path.join(ctx.dataDir, SETTINGS), JSON.stringify({ idleMinutes: minutes }));
  return storeStatus(ctx);
}

export function storeStatus(ctx: AppContext): StoreStatus {
  return { encrypted: isEncrypted(ctx.dataDir), locked: ctx.locked, idleMinutes: idleMinutes(ctx.dataDir) };
}

/**
 * Opens the store with a passphrase typed on the unlock screen. A wrong one is counted on disk (db/store-key), so five
 * in a row make the next try wait, whichever process or window makes it.
 */
export async function unlockStore(ctx: AppContext, passphrase: string): Promise<StoreStatus> {
  if (!ctx.locked) return storeStatus(ctx);
  checkWait(ctx.dataDir);
  setPassphrase(ctx.dataDir, passphrase);
  try {
    await openLedger(ctx);
  } catch (e) {
    setPassphrase(ctx.dataDir, null);
    throw e;
  }
  ctx.lastActivity = Date.now();
  ctx.log.info('store unlocked');
  return storeStatus(ctx);
}

/** Closes the store and forgets the passphrase and every key derived from it; the next call needs the passphrase again. */
export async function lockStore(ctx: AppContext, why: string): Promise<StoreStatus> {
  if (!isEncrypted(ctx.dataDir)) throw new AppError('validation', '该台账未加密,无需锁定。如需防范丢失笔记本或U盘,请管理员先加密台账。');
  if (ctx.locked) return storeStatus(ctx);
  // A backup running now finishes first: it holds the store open.
  await serial(async () => {
    ctx.closeDb();
    setPassphrase(ctx.dataDir, null);
    ctx.userId = null;
  });
  ctx.log.info(`store locked (${why})`);
  return storeStatus(ctx);
}

/** Locks an unlocked encrypted store once no call has come in for the idle time (the window closed, the PC left alone). */
export function watchIdle(ctx: AppContext, everyMs = 30_000): void {
  const timer = setInterval(() => {
    if (ctx.locked || !isEncrypted(ctx.dataDir)) return;
    if (Date.now() - ctx.lastActivity < idleMinutes(ctx.dataDir) * 60_000) return;
    lockStore(ctx, 'idle').catch((e: unknown) => ctx.log.error('idle lock', e));
  }, everyMs);
  timer.unref();
  ctx.onClose(() => clearInterval(timer));
}
