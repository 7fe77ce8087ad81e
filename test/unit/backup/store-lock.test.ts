import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { closeStore } from '../../../db/open';
import { passphraseOf, setPassphrase } from '../../../db/store-key';
import { createContext } from '../../../electron/services/context';
import { dispatch } from '../../../electron/services/dispatch';
import { handlers } from '../../../electron/services/handlers/index';
import { watchIdle } from '../../../electron/services/store-lock';
import { runCli } from '../../../electron/host/cli';
import { tempDir } from '../../helpers/temp';
import { removeStoreDir, seedLedger } from '../evidence/helpers';

const PASS = '督察组口令2026';
let dir: string;
let data: string;
beforeEach(async () => {
  dir = tempDir('fazhi-lock-');
  data = path.join(dir, 'data');
  closeStore(seedLedger(data).db);
  const f = path.join(dir, 'p.txt');
  fs.writeFileSync(f, PASS);
  expect(await runCli(['store', 'encrypt', '--passphrase-file', f, '--data-dir', data], { out: () => undefined, err: () => undefined })).toBe(0);
  setPassphrase(data, null);
});
afterEach(() => {
  setPassphrase(data, null);
  removeStoreDir(dir);
});

describe('the lock of an encrypted store in the app', () => {
  it('starts locked, refuses calls, unlocks with the passphrase only, and locks itself after the idle time', { timeout: 60_000 }, async () => {
    const ctx = createContext(data);
    try {
      expect(ctx.locked).toBe(true);
      const refused = await dispatch(ctx, handlers, 'measures.list', { periodId: '2024-Q3' });
      expect(refused.ok ? '' : refused.error.code).toBe('passphrase_required');
      const status = await dispatch(ctx, handlers, 'store.status', {});
      expect(status).toEqual({ ok: true, value: { encrypted: true, locked: true, idleMinutes: 15 } });

      const wrong = await dispatch(ctx, handlers, 'store.unlock', { passphrase: '不对的口令' });
      expect(wrong.ok ? '' : wrong.error.message).toMatch(/口令不正确/);
      expect(ctx.locked).toBe(true);
      expect(passphraseOf(data)).toBeNull();

      const ok = await dispatch(ctx, handlers, 'store.unlock', { passphrase: PASS });
      expect(ok.ok).toBe(true);
      const session = await dispatch(ctx, handlers, 'session.get', {});
      expect(session.ok).toBe(true);
      expect((await dispatch(ctx, handlers, 'measures.list', { periodId: '2024-Q3' })).ok).toBe(true);

      // Nothing called for longer than the idle time: the store closes and the passphrase is forgotten.
      ctx.lastActivity = Date.now() - 16 * 60_000;
      watchIdle(ctx, 20);
      await expect.poll(() => ctx.locked, { timeout: 5000 }).toBe(true);
      expect(passphraseOf(data)).toBeNull();
      const after = await dispatch(ctx, handlers, 'measures.list', { periodId: '2024-Q3' });
      expect(after.ok ? '' : after.error.code).toBe('passphrase_required');
    } finally {
      ctx.close();
    }
  });
});
