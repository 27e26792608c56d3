import { describe, expect, it } from 'vitest';
import { contract } from '@common/contract/index.js';
import { BookingInput } from '@common/contract/queue/central.js';
import { classifyQuery } from '@common/domain/applications/search-query.js';
import { demoBookings } from '@common/domain/queue/bookings.js';

// The three doors a booking code comes through: central's import, check-in at reception, the application form.
const doors = {
  'central import': (code: string) =>
    BookingInput.safeParse({ code, officeCode: 'JKT', nik: '3374101705900001', fullName: 'Budi', slotAt: 0 }),
  'check-in': (code: string) => contract['queue.issue'].input.safeParse({ bookingCode: code, requestId: 'req-00000001' }),
  'application form': (code: string) => contract['applications.bookingDraft'].input.safeParse({ bookingCode: code }),
};
const codeOf = (r: { success: boolean; data?: unknown }): string | undefined => {
  const d = r.data as { code?: string; bookingCode?: string } | undefined;
  return d?.code ?? d?.bookingCode;
};

describe('one booking-code rule', () => {
  const practice = demoBookings({ officeCode: 'JKT', dayStart: Date.UTC(2026, 11, 4), count: 24, seed: 7 }).map((b) => b.code);

  it.each(Object.entries(doors))('%s accepts what M-Paspor and training issue, read without case or spaces', (_door, parse) => {
    for (const [typed, read] of [
      ['MP7K2Q9X4A', 'MP7K2Q9X4A'],
      [' mp7k2q9x4a ', 'MP7K2Q9X4A'],
      ['MP-2026-0042', 'MP-2026-0042'],
      ['AB12', 'AB12'],
      ...practice.map((c) => [c, c]),
    ] as const) {
      const r = parse(typed);
      expect(r.success, typed).toBe(true);
      expect(codeOf(r)).toBe(read);
    }
  });

  it.each(Object.entries(doors))('%s refuses the same wrong shapes with the same problem', (_door, parse) => {
    for (const typed of ['MP1', 'X'.repeat(33), 'MP_1234', '-MP1234', 'MP1234-', 'MP12/34']) {
      const r = parse(typed);
      expect(r.success, typed).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toContain('booking.code');
    }
  });

  it('search treats a booking code as one, and names and NIKs as what they are', () => {
    expect(classifyQuery('mp-2026-0042')).toEqual({ kinds: ['booking'], value: 'MP-2026-0042' });
    expect(classifyQuery(practice[0]!).kinds).toContain('booking');
    expect(classifyQuery('MP12345678').kinds).toEqual(['booking', 'passport']);
    expect(classifyQuery('Budi Santoso').kinds).toEqual(['name']);
    expect(classifyQuery('3374 1017 0590 0001').kinds).toEqual(['nik']);
  });
});
