// The screens of the main navigation, in order. Add a screen here (and its label in i18n/zh.ts, en.ts).
import type { ComponentType } from 'react';
import type { Dict } from './i18n/zh';
import { ChecklistScreen } from './screens/checklist/ChecklistScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { EvidenceScreen } from './evidence/EvidenceScreen';
import { ReportsScreen } from './reports/ReportsScreen';
import { ConflictsPanel } from './exchange/ConflictsPanel';
import { DepartmentsScreen } from './corrections/DepartmentsScreen';
import { InspectionsScreen } from './inspections/InspectionsScreen';
import { ExchangeScreen } from './exchange/ExchangeScreen';
import { BackupScreen } from './backup/BackupScreen';

export interface NavItem {
  /** The URL hash segment: #/checklist. */
  id: string;
  labelKey: `nav.${Exclude<keyof Dict['nav'], 'main'>}`;
  Screen: ComponentType;
  /** Screens used now and then sit under 更多, so the bar fits a 1366-pixel screen at 125% scaling. */
  more?: boolean;
}

export const navItems: readonly NavItem[] = [
  { id: 'checklist', labelKey: 'nav.checklist', Screen: ChecklistScreen },
  { id: 'import', labelKey: 'nav.import', Screen: ImportScreen },
  { id: 'dashboard', labelKey: 'nav.dashboard', Screen: DashboardScreen },
  { id: 'evidence', labelKey: 'nav.evidence', Screen: EvidenceScreen },
  { id: 'reports', labelKey: 'nav.reports', Screen: ReportsScreen },
  { id: 'conflicts', labelKey: 'nav.conflicts', Screen: ConflictsPanel, more: true },
  { id: 'departments', labelKey: 'nav.departments', Screen: DepartmentsScreen, more: true },
  { id: 'inspections', labelKey: 'nav.inspections', Screen: InspectionsScreen },
  { id: 'exchange', labelKey: 'nav.exchange', Screen: ExchangeScreen },
  { id: 'backup', labelKey: 'nav.backup', Screen: BackupScreen, more: true },
  // Further screens join here.
];
