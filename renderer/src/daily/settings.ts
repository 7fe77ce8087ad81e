// The working person's settings on this PC: read when the session starts or the user changes, saved as they change.
import { api } from '../api/client';
import type { SettingKey, UserSettings } from '../../../shared/api/settings';
import { reportError } from '../stores/app';

let current: UserSettings = {};

export function savedSettings(): UserSettings {
  return current;
}

export async function loadSettings(): Promise<UserSettings> {
  try {
    current = await api['settings.get']({});
  } catch (e) {
    reportError(e);
    current = {};
  }
  return current;
}

export function saveSetting(key: SettingKey, value: string): void {
  if (current[key] === value) return;
  current = { ...current, [key]: value };
  api['settings.set']({ key, value }).catch(reportError);
}
