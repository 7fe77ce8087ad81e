// The screens of the main navigation, in order. Add a screen here (and its label in i18n/zh.ts, en.ts).
import type { ComponentType } from 'react';
import type { Dict } from './i18n/zh';
import { ChecklistScreen } from './screens/checklist/ChecklistScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';

export interface NavItem {
  /** The URL hash segment: #/checklist. */
  id: string;
  labelKey: `nav.${Exclude<keyof Dict['nav'], 'main'>}`;
  Screen: ComponentType;
}

export const navItems: readonly NavItem[] = [
  { id: 'checklist', labelKey: 'nav.checklist', Screen: ChecklistScreen },
  { id: 'import', labelKey: 'nav.import', Screen: ImportScreen },
  { id: 'dashboard', labelKey: 'nav.dashboard', Screen: DashboardScreen },
  // 佐证材料 (evidence) and 报告 (reports) screens join here.
];
