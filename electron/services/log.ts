// The technical log: details of failures that users are shown only as Chinese sentences.
import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  error(what: string, err: unknown): void;
  info(what: string): void;
}

export function createLogger(dataDir: string): Logger {
  const file = path.join(dataDir, 'logs', 'fazhi.log');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const write = (level: string, line: string) => {
    try {
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${line}\n`, { mode: 0o600 });
    } catch {
      // A log that cannot be written must never break the action being logged.
    }
  };
  return {
    error(what, err) {
      const detail = err instanceof Error ? `${err.stack ?? err.message}${'detail' in err && err.detail ? `\n  detail: ${String(err.detail)}` : ''}` : String(err);
      write('ERROR', `${what}: ${detail}`);
    },
    info(what) {
      write('INFO', what);
    },
  };
}
