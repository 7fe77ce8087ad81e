// Handlers of a person's settings on this PC; without a chosen user there is nothing to keep.
import type { Handlers } from '../dispatch';
import { setUserSetting, userSettings } from '../../../db/queries/user-settings';
import { SETTING_KEYS, type UserSettings } from '../../../shared/api/settings';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.set'>;

function known(all: Record<string, string>): UserSettings {
  return Object.fromEntries(Object.entries(all).filter(([k]) => (SETTING_KEYS as readonly string[]).includes(k)));
}

export const settingsHandlers: SettingsHandlers = {
  'settings.get': (ctx) => (ctx.userId ? known(userSettings(ctx.db, ctx.userId)) : {}),
  'settings.set': (ctx, a) => {
    if (!ctx.userId) return {};
    setUserSetting(ctx.db, ctx.userId, a.key, a.value);
    return known(userSettings(ctx.db, ctx.userId));
  },
};
