// Calls of the encrypted store: whether it is locked, unlocking with the passphrase, locking, the idle time before it locks.
import { z } from 'zod';
import { call } from './define';

export const IDLE_MINUTES_DEFAULT = 15;

export interface StoreStatus {
  /** The store is encrypted with a passphrase (a laptop copy). */
  encrypted: boolean;
  /** Encrypted and not unlocked: nothing of the ledger can be read until the passphrase is given. */
  locked: boolean;
  /** Minutes without use after which the app locks (encrypted stores only). */
  idleMinutes: number;
}

export const storeCalls = {
  'store.status': call<StoreStatus>()(z.object({}).strict()),
  'store.unlock': call<StoreStatus>()(z.object({ passphrase: z.string().min(1, '请输入口令').max(1000) }).strict()),
  'store.lock': call<StoreStatus>()(z.object({}).strict()),
  'store.setIdleMinutes': call<StoreStatus>()(z.object({ minutes: z.number().int().min(1).max(240) }).strict()),
};
