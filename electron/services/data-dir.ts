// Where the ledger lives: the per-user folder Electron's userData would give, unless told otherwise.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = '法治台账';

/** The per-user data folder: Electron's userData on Linux and macOS, the local (not roaming) app data on Windows. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  // Local, not roaming: a roaming profile would copy gigabytes of evidence at every log-on.
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), APP_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER);
}

/** `--data-dir DIR` wins, then FAZHI_DATA_DIR, then the per-user default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.FAZHI_DATA_DIR ?? defaultDataDir(process.platform, env));
}
