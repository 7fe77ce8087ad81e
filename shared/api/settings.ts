// Calls of a person's settings on this PC: the chosen quarter, the report's issuer and scope.
import { z } from 'zod';
import { call } from './define';

export const SETTING_KEYS = ['periodId', 'report.issuer', 'report.planId', 'report.sectionIds', 'report.departmentIds', 'report.exported'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type UserSettings = Partial<Record<SettingKey, string>>;

export const settingsCalls = {
  'settings.get': call<UserSettings>()(z.object({}).strict()),
  'settings.set': call<UserSettings>()(z.object({ key: z.enum(SETTING_KEYS), value: z.string().max(10000) }).strict()),
};
