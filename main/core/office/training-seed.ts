import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@db/connection.js';
import { countUsers, insertUser, setUserServices } from '@db/queries/access/users.js';
import { insertDemoBooking } from '@db/queries/queue/queue.js';
import { checkNik } from '@common/domain/applications/nik.js';
import { demoBookings } from '@common/domain/queue/bookings.js';
import type { Role } from '@common/domain/shared/roles.js';
import { businessDate, startOfBusinessDay } from '@common/domain/shared/working-days.js';
import { TRAINING_PASSWORD } from '@common/domain/shared/training.js';
import { appendAudit } from '../kernel/audit.js';
import { hashPassword } from '../access/passwords.js';
import { writeProfile } from '../kernel/profile.js';

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
    const bookings = seedBookings(db, now);
    appendAudit(db, {
      at: now,
      userId: null,
      username: null,
      role: null,
      workstation: 'LATIHAN-01',
      action: 'training.seed',
      entity: null,
      entityId: null,
      summary: { users: PEOPLE.length, bookings },
    });
  })();
}

const TRAINING_OFFICE = { code: 'banyumanik', tz: 'Asia/Jakarta' };
const PRACTICE_BOOKINGS = 24;

/** Today's M-Paspor appointments to practise check-in and applications on (valid NIKs, 08:00-15:00 slots). */
function seedBookings(db: Db, now: number): number {
  const day = businessDate(now, TRAINING_OFFICE.tz);
  const dayStart = startOfBusinessDay(day, TRAINING_OFFICE.tz);
  const list = demoBookings({ officeCode: TRAINING_OFFICE.code, dayStart, count: PRACTICE_BOOKINGS, seed: 2026 });
  for (const b of list) {
    const nik = checkNik(b.nik, {}, day);
    if (!nik.valid || !nik.parts || !nik.birthDate) continue;
    const minutes = Math.round((b.slotAt - dayStart) / 60_000);
    insertDemoBooking(db, {
      code: b.code,
      office_code: b.officeCode,
      nik: b.nik,
      full_name: b.fullName,
      birth_date: nik.birthDate,
      sex: nik.parts.sex,
      service_code: b.applicationService,
      appointment_date: day,
      slot: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      booked_at: now,
    });
  }
  return list.length;
}
