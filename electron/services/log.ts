// The technical log: details of failures that users are shown only as Chinese sentences.
import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  error(what: string, err: unknown): void;
  info(what: string): void;
  /** A Chinese sentence when the log could not be written (the screen shows it), else null. */
  problem(): string | null;
}

export function createLogger(dataDir: string): Logger {
  const file = path.join(dataDir, 'logs', 'fazhi.log');
  let problem: string | null = null;
  // A log that cannot be written must never break the action being logged, but the person must learn of it:
  // without the log, the details behind an error shown on screen are lost.
  const failed = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = code === 'ENOSPC' ? '磁盘已满' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? '没有写入权限或磁盘为只读' : '无法写入';
    problem = `运行日志“${file}”写入失败(${why}),出错时的详细信息将无法记录。请检查该磁盘的剩余空间和权限,处理后重新打开法治台账。`;
  };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  } catch (e) {
    failed(e);
  }
  const write = (level: string, line: string) => {
    try {
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${line}\n`, { mode: 0o600 });
      problem = null;
    } catch (e) {
      failed(e);
    }
  };
  write('INFO', 'log opened');
  return {
    error(what, err) {
      const detail = err instanceof Error ? `${err.stack ?? err.message}${'detail' in err && err.detail ? `\n  detail: ${String(err.detail)}` : ''}` : String(err);
      write('ERROR', `${what}: ${detail}`);
    },
    info(what) {
      write('INFO', what);
    },
    problem: () => problem,
  };
}
