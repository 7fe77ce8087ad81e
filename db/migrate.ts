// Applies the numbered migrations in order, tracked in user_version, all pending steps in one transaction.
import type Database from 'better-sqlite3';
import { AppError } from '../shared/errors';
import { migrations } from './migrations/index';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function latestVersion(list: readonly Migration[] = migrations): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) {
    throw new AppError(
      'store_too_new',
      `该数据文件由更新版本的法治台账创建(数据版本 ${current},本程序支持到 ${latest})。请升级法治台账后再打开,切勿用旧版本修改它。`,
      `user_version ${current} > ${latest}`,
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return latest;
}
