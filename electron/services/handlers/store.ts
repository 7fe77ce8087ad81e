// Handlers of the encrypted store's lock.
import type { Handlers } from '../dispatch';
import { lockStore, setIdleMinutes, storeStatus, unlockStore } from '../store-lock';

export const storeHandlers: Pick<Handlers, 'store.status' | 'store.unlock' | 'store.lock' | 'store.setIdleMinutes'> = {
  'store.status': (ctx) => storeStatus(ctx),
  'store.unlock': (ctx, a) => unlockStore(ctx, a.passphrase),
  'store.lock': (ctx) => lockStore(ctx, 'by user'),
  'store.setIdleMinutes': (ctx, a) => setIdleMinutes(ctx, a.minutes),
};
