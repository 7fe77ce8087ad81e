// Every entity whose ops this app applies; a domain that adds an entity registers it here (one line).
import { registerLedgerEntities } from './ledger';
import { registerConflictEntity } from '../conflicts';
import { registerInspectionEntities } from '../../queries/inspections/entities';

registerLedgerEntities();
registerConflictEntity();
registerInspectionEntities();
import { registerReportDraftEntities } from '../../queries/report-drafts';

registerLedgerEntities();
registerConflictEntity();
registerReportDraftEntities();
import { registerTrapEntities } from './traps';

registerLedgerEntities();
registerConflictEntity();
registerTrapEntities();
import { registerSettingEntity } from './settings';

registerLedgerEntities();
registerConflictEntity();
registerSettingEntity();
