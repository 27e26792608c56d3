import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@db/connection.js';
import { setSetting } from '@db/queries/office/settings.js';

/** Settings are written through here so the live and the training database get the same keys. */
export function writeProfile(
  db: Db,
  p: { officeCode: string; workstationName: string; counterNumber: number; language: string; workstationId?: string },
): void {
  setSetting(db, 'office_code', p.officeCode);
  // A desk enrolled at setup keeps the id it enrolled under.
  setSetting(db, 'workstation_id', p.workstationId ?? uuidv7());
  setSetting(db, 'workstation_name', p.workstationName);
  setSetting(db, 'counter_number', String(p.counterNumber));
  setSetting(db, 'default_language', p.language);
  setSetting(db, 'idle_lock_minutes', '5');
  setSetting(db, 'setup_done', '1');
}
