// One spelling of a time of day: the screens, the printed documents and the analytics exports all say
// "08:05 WIB", 24-hour with a colon, in the office's zone, in Indonesian and English alike.
import { describe, expect, it } from 'vitest';
import { clockText, dateTimeText, hourText, timeText } from '@common/domain/shared/clock-text.js';
import * as pdf from '@main/core/pdf/format.js';
import * as screen from '@renderer/lib/time.js';

// 2026-11-30 01:05:42 UTC: 08:05 in Jakarta (WIB, UTC+7), 10:05 in Jayapura (WIT, UTC+9).
const MORNING = Date.UTC(2026, 10, 30, 1, 5, 42);
// 2026-11-30 15:30 UTC: 22:30 on the 30th in Jakarta, already 00:30 on 1 December in Jayapura.
const LATE = Date.UTC(2026, 10, 30, 15, 30);

describe('a time of day', () => {
  it('is HH:mm with a colon and the zone, without seconds, in either language', () => {
    for (const lang of ['id', 'en'] as const) {
      expect(screen.formatTime(MORNING, 'Asia/Jakarta', lang)).toBe('08:05 WIB');
      expect(screen.formatTime(MORNING, 'Asia/Jayapura', lang)).toBe('10:05 WIT');
    }
    expect(clockText(LATE, 'Asia/Jayapura')).toBe('00:30');
  });

  it('reads the same on screen and on paper', () => {
    for (const tz of ['Asia/Jakarta', 'Asia/Jayapura'] as const) {
      for (const lang of ['id', 'en'] as const) {
        expect(screen.formatTime(MORNING, tz, lang)).toBe(pdf.formatTime(MORNING, tz));
        expect(screen.formatDateTime(LATE, tz, lang)).toBe(pdf.formatDateTime(LATE, tz, lang));
      }
    }
    expect(screen.formatDateTime(LATE, 'Asia/Jakarta', 'id')).toBe('30 November 2026 22:30 WIB');
    expect(screen.formatDateTime(LATE, 'Asia/Jayapura', 'id')).toBe('1 Desember 2026 00:30 WIT');
    expect(screen.formatDateTime(LATE, 'Asia/Jayapura', 'en')).toBe('1 December 2026 00:30 WIT');
    expect(dateTimeText(LATE, 'Asia/Jayapura', 'en')).toBe(pdf.formatDateTime(LATE, 'Asia/Jayapura', 'en'));
  });

  it('says only the time for the same office day, and the date too across midnight in that zone', () => {
    const now = Date.UTC(2026, 10, 30, 14, 0); // 21:00 WIB, 23:00 WIT on the 30th
    expect(screen.formatMoment(LATE, now, 'Asia/Jakarta', 'id')).toBe(timeText(LATE, 'Asia/Jakarta'));
    expect(screen.formatMoment(LATE, now, 'Asia/Jayapura', 'id')).toBe('1 Desember 2026 00:30 WIT');
  });

  it('spells an hour of the day the same way', () => {
    expect(hourText(8)).toBe('08:00');
    expect(hourText(14)).toBe('14:00');
  });
});
