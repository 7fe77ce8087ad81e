// Store-wide settings (e.g. "every user needs a password") as an entity, so a setting travels between PCs like any change.
import { registerEntity } from '../registry';
import { tableEntity } from './table';

export function registerSettingEntity(): void {
  registerEntity(
    tableEntity({
      name: 'setting',
      table: 'settings',
      key: (key) => ({ key }),
      tombstone: 'none',
      fields: { value: { column: 'value', fallback: null, toDb: (v) => JSON.stringify(v ?? null) } },
    }),
  );
}
