// What every handler works with: the open store, the data folder, who is working, pending previews.
import type { Db } from '../../db/open';
import { openStore, closeStore } from '../../db/open';
import { getUser } from '../../db/queries/users';
import type { User } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { createLogger, type Logger } from './log';
import { createPreviewStore, type PreviewStore } from './preview-store';

export interface AppContext {
  db: Db;
  dataDir: string;
  log: Logger;
  /** The user whose changes are being recorded; null until the first user exists. */
  userId: string | null;
  previews: PreviewStore;
  close(): void;
}

export function createContext(dataDir: string): AppContext {
  const db = openStore(dataDir);
  const log = createLogger(dataDir);
  return {
    db,
    dataDir,
    log,
    userId: null,
    previews: createPreviewStore(dataDir),
    close() {
      closeStore(db);
    },
  };
}

/** The working user, or an error telling the clerk to choose one first. */
export function currentUser(ctx: AppContext): User {
  const user = ctx.userId ? getUser(ctx.db, ctx.userId) : null;
  if (!user) throw new AppError('forbidden', '尚未选择当前用户。请先创建或选择一个用户,再进行修改。');
  return user;
}
