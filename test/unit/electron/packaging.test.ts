// Reads electron-builder.yml and asserts the hardened packaging: fuses, no update feed, signing ready for a certificate.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = load(readFileSync(`${root}/electron-builder.yml`, 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips the fuses that keep the shipped binary from running other code', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });

  it('publishes and checks no updates', () => {
    expect(config.publish).toBeNull();
    const src = ['electron/main.ts', 'electron/window.ts', 'electron/security.ts', 'package.json'].map((f) => readFileSync(`${root}/${f}`, 'utf8')).join('\n');
    expect(src).not.toMatch(/autoUpdater|electron-updater/);
  });

  it('is ready to sign with a certificate supplied at build time, and holds none itself', () => {
    const win = config.win as Record<string, unknown>;
    expect(win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    expect(typeof (win.signtoolOptions as Record<string, unknown>).rfc3161TimeStampServer).toBe('string');
    expect(JSON.stringify(config)).not.toMatch(/certificatePassword|CSC_KEY_PASSWORD=|\.pfx/);
  });

  it('no code opens files with the system shell', () => {
    for (const f of ['electron/main.ts', 'electron/security.ts', 'electron/window.ts', 'electron/ipc.ts', 'electron/protocol.ts']) {
      expect(readFileSync(`${root}/${f}`, 'utf8'), f).not.toMatch(/shell\.openPath|shell\.openExternal/);
    }
  });
});
