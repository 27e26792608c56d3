import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/connection.js';
import { countUsers, insertUser, setUserServices } from '../../db/queries/users.js';
import type { Role } from '../../common/domain/roles.js';
import { TRAINING_PASSWORD } from '../../common/domain/training.js';
import { appendAudit } from './audit.js';
import { hashPassword } from './passwords.js';
import { writeProfile } from './profile.js';

export { TRAINING_PASSWORD };

const PEOPLE: Array<{ username: string; fullName: string; role: Role; services: string[] }> = [
  { username: 'admin', fullName: 'Admin Latihan', role: 'admin', services: [] },
  { username: 'supervisor', fullName: 'Siti Rahmawati', role: 'supervisor', services: [] },
  { username: 'petugas1', fullName: 'Budi Santoso', role: 'officer', services: ['PASPOR_JANJI', 'PASPOR_PRIORITAS'] },
  { username: 'petugas2', fullName: 'Dewi Lestari', role: 'officer', services: ['PENGAMBILAN', 'IZIN_TINGGAL'] },
  { username: 'petugas3', fullName: 'Agus Wijaya', role: 'officer', services: ['PASPOR_JANJI', 'PENGAMBILAN'] },
];

/** Fills a new training database once; reopening keeps what trainees did. */
export async function seedTraining(db: Db, now: number): Promise<void> {
  if (countUsers(db) > 0) return;
  const hash = await hashPassword(TRAINING_PASSWORD);
  db.transaction(() => {
    writeProfile(db, { officeCode: 'banyumanik', workstationName: 'LATIHAN-01', counterNumber: 1, language: 'id' });
    db.prepare("INSERT INTO settings (key, value) VALUES ('training', '1')").run();
    for (const p of PEOPLE) {
      const id = uuidv7();
      insertUser(db, {
        id,
        username: p.username,
        full_name: p.fullName,
        role: p.role,
        password_hash: hash,
        must_change_password: 0,
        disabled: 0,
        language: 'id',
        created_at: now,
        updated_at: now,
      });
      setUserServices(db, id, p.services);
    }
    appendAudit(db, {
      at: now,
      userId: null,
      username: null,
      role: null,
      workstation: 'LATIHAN-01',
      action: 'training.seed',
      entity: null,
      entityId: null,
      summary: { users: PEOPLE.length },
    });
  })();
}
