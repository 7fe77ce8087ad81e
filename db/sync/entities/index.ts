// Every entity whose ops this app applies; a domain that adds an entity registers it here (one line).
import { registerLedgerEntities } from './ledger';
import { registerConflictEntity } from '../conflicts';
import { registerSettingEntity } from './settings';

registerLedgerEntities();
registerConflictEntity();
registerSettingEntity();
