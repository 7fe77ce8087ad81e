// Every entity whose ops this app applies; a domain that adds an entity registers it here (one line).
import { registerLedgerEntities } from './ledger';
import { registerSettingEntity } from './settings';
import { registerTrapEntities } from './traps';
import { registerConflictEntity } from '../conflicts';
import { registerInspectionEntities } from '../../queries/inspections/entities';
import { registerInspectionConflicts } from '../../queries/inspections/conflicts';
import { registerReportDraftEntities } from '../../queries/report-drafts';

registerLedgerEntities();
registerSettingEntity();
registerTrapEntities();
registerConflictEntity();
registerInspectionEntities();
registerInspectionConflicts();
registerReportDraftEntities();
