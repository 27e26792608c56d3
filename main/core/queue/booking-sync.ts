// M-Paspor bookings arrive from central through the ordinary pull (entity "booking"): this applier
// puts them into the workstation's bookings table, where check-in (queue and applications) finds them.
import { BookingRecord } from '@common/contract/queue/central.js';
import { upsertPulledBooking } from '@db/queries/queue/queue.js';
import type { LocalApplier } from '../replication/applier.js';

export const bookingApplier: LocalApplier = {
  entity: 'booking',
  apply(db, rec, now) {
    const parsed = BookingRecord.safeParse(rec.data);
    // Central validated the booking at import; a record this version cannot read is skipped, not fatal to the pull.
    if (!parsed.success || rec.deleted) return;
    const b = parsed.data;
    upsertPulledBooking(db, {
      code: b.code,
      office_code: b.officeCode,
      nik: b.nik,
      full_name: b.fullName,
      birth_date: b.birthDate,
      sex: b.sex,
      service_code: b.applicationService,
      appointment_date: b.appointmentDate,
      slot: b.slot,
      booked_at: b.bookedAt,
      pulled_at: now,
      version: rec.version,
    });
  },
};
