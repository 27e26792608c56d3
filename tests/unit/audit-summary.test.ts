// The audit trail names what happened in the officer's language: priority groups, statuses, queue modes
// and services read as words, not as the codes core records.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryText } from '@renderer/features/audit/AuditTrail.js';
import type { AuditEvent } from '@renderer/features/audit/audit-store.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ts: Record<string, TFunction> = {};

beforeAll(async () => {
  for (const lng of ['id', 'en']) {
    const i18n = i18next.createInstance();
    const translation = JSON.parse(readFileSync(`${root}/renderer/i18n/${lng}.json`, 'utf8')) as object;
    await i18n.init({ lng, resources: { [lng]: { translation } }, interpolation: { escapeValue: false }, showSupportNotice: false });
    ts[lng] = i18n.t;
  }
});

const event = (entity: string, summary: Record<string, unknown>): AuditEvent => ({
  seq: 1,
  at: 0,
  username: 'petugas1',
  role: 'officer',
  workstation: 'W1',
  action: 'queue.issue',
  entity,
  entityId: 'x',
  summary,
});
const services = (code: string) => (code === 'PASPOR_JANJI' ? 'Paspor (janji temu)' : undefined);

describe('the audit summary', () => {
  it("reads a ticket's priority group, service, status and mode as words", () => {
    const ticket = event('ticket', {
      mode: 'central',
      serviceCode: 'PASPOR_JANJI',
      priorityGroup: 'ibu_hamil',
      number: 'A-001',
      status: 'waiting',
    });
    const text = summaryText(ts.id!, ticket, services);
    expect(text).toContain('Ibu hamil');
    expect(text).toContain('Paspor (janji temu) (PASPOR_JANJI)');
    expect(text).toContain('Status: Menunggu');
    expect(text).not.toMatch(/ibu_hamil|priorityGroup|: waiting|: central/);
    expect(summaryText(ts.en!, ticket, services)).toContain('Status: Waiting');
  });

  it("reads an application's statuses as the application's, not the ticket's", () => {
    const text = summaryText(ts.en!, event('application', { from: 'checked_in', to: 'verified', status: 'paid' }));
    expect(text).toMatch(/Checked in/i);
    expect(text).not.toMatch(/checked_in|: verified|: paid/);
  });
});
