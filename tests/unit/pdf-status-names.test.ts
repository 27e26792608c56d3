// The printed report names an application's status with the screens' words: the two lists are checked
// against each other here, so a status renamed on one side fails until the other follows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '@common/domain/applications/flow.js';
import { STATUS } from '@main/core/pdf/end-of-day.js';

const statusTexts = (lang: 'id' | 'en') =>
  (JSON.parse(readFileSync(`renderer/i18n/${lang}.json`, 'utf8')) as { applications: { status: Record<string, string> } }).applications
    .status;

describe('status names on the end-of-day report', () => {
  it('are the screens’ names for every status, in both languages', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(STATUS[status], status).toEqual({ id: statusTexts('id')[status], en: statusTexts('en')[status] });
    }
  });
});
