// Opens the app's URL in a local browser when one is found; otherwise the printed URL is enough.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/firefox', '/usr/bin/xdg-open'];

export function openBrowser(url: string): boolean {
  if (process.platform === 'win32') {
    spawn('cmd', ['/c', 'start', '', url], { detached: true, stdio: 'ignore' }).unref();
    return true;
  }
  if (process.platform === 'darwin') {
    spawn('open', [url], { detached: true, stdio: 'ignore' }).unref();
    return true;
  }
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const exe = CANDIDATES.find((c) => fs.existsSync(c));
  if (!exe) return false;
  const child = spawn(exe, exe.includes('chrom') ? ['--no-first-run', '--disable-background-networking', `--app=${url}`] : [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
