// What every handler works with: the open store, the data folder, who is working, pending previews.
// An encrypted store starts locked when no passphrase is known: the context exists, its store does not until unlocked.
import type { Db } from '../../db/open';
import { openStore, closeStore } from '../../db/open';
import { isEncrypted, passphraseOf } from '../../db/store-key';
import { getUser } from '../../db/queries/users';
import type { User } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { createLogger, type Logger } from './log';
import { createPreviewStore, type PreviewStore } from './preview-store';

export interface AppContext {
  /** The open store; reading it while locked throws the error that brings up the unlock screen. */
  db: Db;
  readonly locked: boolean;
  dataDir: string;
  log: Logger;
  /** The user whose changes are being recorded; null until the first user exists. */
  userId: string | null;
  previews: PreviewStore;
  /** When a call last came in, for the lock after idle time. */
  lastActivity: number;
  /** Closes the store only (locking); the context stays for the unlock. */
  closeDb(): void;
  /** Runs `fn` when the context closes for good. */
  onClose(fn: () => void): void;
  close(): void;
}

export function lockedError(): AppError {
  return new AppError('passphrase_required', '台账已锁定。请输入口令解锁后再继续。');
}

/** True when the store can be opened now: plaintext, or encrypted with its passphrase known to this process. */
export function canOpen(dataDir: string): boolean {
  return !isEncrypted(dataDir) || passphraseOf(dataDir) !== null;
}

export function createContext(dataDir: string): AppContext {
  let db: Db | null = canOpen(dataDir) ? openStore(dataDir) : null;
  const closers: (() => void)[] = [];
  const ctx: AppContext = {
    get db(): Db {
      if (!db) throw lockedError();
      return db;
    },
    set db(v: Db) {
      db = v;
    },
    get locked() {
      return db === null;
    },
    dataDir,
    log: createLogger(dataDir),
    userId: null,
    previews: createPreviewStore(dataDir),
    lastActivity: Date.now(),
    closeDb() {
      if (db) closeStore(db);
      db = null;
    },
    onClose(fn) {
      closers.push(fn);
    },
    close() {
      ctx.closeDb();
      for (const fn of closers.splice(0)) fn();
    },
  };
  return ctx;
}

/** The working user, or an error telling the clerk to choose one first. */
export function currentUser(ctx: AppContext): User {
  const user = ctx.userId ? getUser(ctx.db, ctx.userId) : null;
  if (!user) throw new AppError('forbidden', '尚未选择当前用户。请先创建或选择一个用户,再进行修改。');
  return user;
}
