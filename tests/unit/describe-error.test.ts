// A refusal reaches the officer as words in their language: its reason's text when it has one, else its
// code's, and never the English message core or central wrote for the log.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@common/contract/result.js';
import { describeError } from '@renderer/lib/errors.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dictionary = (lang: string) => JSON.parse(readFileSync(`${root}/renderer/i18n/${lang}.json`, 'utf8')) as object;
const ts: Record<string, TFunction> = {};

beforeAll(async () => {
  for (const lng of ['id', 'en']) {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: { [lng]: { translation: dictionary(lng) } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    ts[lng] = i18n.t;
  }
});

const conflict = (message: string, details?: unknown): ErrorBody => ({ code: 'CONFLICT', message, details });

describe('describeError', () => {
  it("shows an application guard's reason in Indonesian and English, not core's message", () => {
    const unpaid = conflict('The fee is not paid (or waived) yet', { reason: 'application.feeUnpaid', guard: 'paymentSettled' });
    expect(describeError(ts.id!, unpaid)).toBe('Biaya belum dibayar (atau dibebaskan).');
    expect(describeError(ts.en!, unpaid)).toBe('The fee is not paid (or waived) yet.');
  });

  it('finds reasons kept by their feature (the queue, the end of day, sync) and fills in their facts', () => {
    expect(
      describeError(ts.id!, conflict('Ticket A-001 is still at this counter', { reason: 'queue.counterBusy', number: 'A-001' })),
    ).toContain('Tiket A-001 masih di loket ini');
    const soon = conflict('Wait 18 s more', { reason: 'queue.noShowTooSoon', waitMs: 17_500, seconds: 18, calledAt: 0 });
    expect(describeError(ts.id!, soon)).toMatch(/^Tunggu 18 detik lagi setelah panggilan terakhir/);
    expect(describeError(ts.en!, soon)).toMatch(/^Wait 18 more seconds after the last call/);
    expect(describeError(ts.id!, conflict('x', { code: 'eod.officeUnsynced' }))).toMatch(/^Stasiun kerja lain di kantor ini/);
    expect(describeError(ts.en!, conflict('x', { reason: 'op.unstorable' }))).toMatch(/^Central refused this change/);
  });

  it("falls back to the code's own text without the message", () => {
    const text = describeError(ts.id!, conflict('Something English happened', { reason: 'no.suchReason' }));
    expect(text).toBe('Tidak dapat dilakukan dengan keadaan data saat ini.');
    expect(describeError(ts.en!, conflict('Something English happened'))).not.toContain('Something English');
  });
});
