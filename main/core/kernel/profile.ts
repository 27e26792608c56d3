import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@db/connection.js';
import { setSetting } from '@db/queries/settings.js';

/** Settings are written through here so the live and the training database get the same keys. */
export function writeProfile(db: Db, p: { officeCode: string; workstationName: string; counterNumber: number; language: string }): void {
  setSetting(db, 'office_code', p.officeCode);
  setSetting(db, 'workstation_id', uuidv7());
  setSetting(db, 'workstation_name', p.workstationName);
  setSetting(db, 'counter_number', String(p.counterNumber));
  setSetting(db, 'default_language', p.language);
  setSetting(db, 'idle_lock_minutes', '5');
  setSetting(db, 'setup_done', '1');
}
