import { z } from 'zod';
import { AppError } from '@common/contract/result.js';
import type { BiometricSettings } from '@common/contract/biometrics.js';
import {
  DEFAULT_REQUIRED,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_THRESHOLDS,
  MODALITIES,
  type Modality,
  type Thresholds,
} from '@common/domain/biometrics/modalities.js';
import type { Db } from '@db/connection.js';
import { getSetting, setSetting } from '@db/queries/office/settings.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';

const KEYS = {
  finger: 'biometric_threshold_finger',
  iris: 'biometric_threshold_iris',
  face: 'biometric_threshold_face',
  retention: 'biometric_retention_days',
  required: 'biometric_required',
} as const;

function intSetting(db: Db, key: string, fallback: number): number {
  const v = Number(getSetting(db, key));
  return Number.isInteger(v) && getSetting(db, key) !== undefined ? v : fallback;
}

export function thresholds(db: Db): Thresholds {
  return {
    finger: intSetting(db, KEYS.finger, DEFAULT_THRESHOLDS.finger),
    iris: intSetting(db, KEYS.iris, DEFAULT_THRESHOLDS.iris),
    face: intSetting(db, KEYS.face, DEFAULT_THRESHOLDS.face),
  };
}

export const retentionDays = (db: Db): number => intSetting(db, KEYS.retention, DEFAULT_RETENTION_DAYS);

export function requiredModalities(db: Db): Modality[] {
  const raw = getSetting(db, KEYS.required);
  if (raw === undefined) return [...DEFAULT_REQUIRED];
  const parsed = z.array(z.enum(MODALITIES)).safeParse(raw === '' ? [] : raw.split(','));
  return parsed.success ? parsed.data : [...DEFAULT_REQUIRED];
}

export const biometricSettings = (db: Db): BiometricSettings => ({
  thresholds: thresholds(db),
  retentionDays: retentionDays(db),
  required: requiredModalities(db),
});

export const biometricsSettingsHandlers = {
  'biometrics.settings': (ctx: CallContext) => biometricSettings(ctx.db),
  'biometrics.updateSettings': (ctx, input) => {
    if (input.thresholds === undefined && input.retentionDays === undefined && input.required === undefined) {
      throw new AppError('VALIDATION', 'Nothing to change');
    }
    write(ctx, 'biometrics.updateSettings', (db) => {
      const t = input.thresholds;
      if (t?.finger !== undefined) setSetting(db, KEYS.finger, String(t.finger));
      if (t?.iris !== undefined) setSetting(db, KEYS.iris, String(t.iris));
      if (t?.face !== undefined) setSetting(db, KEYS.face, String(t.face));
      if (input.retentionDays !== undefined) setSetting(db, KEYS.retention, String(input.retentionDays));
      if (input.required !== undefined) setSetting(db, KEYS.required, [...new Set(input.required)].join(','));
      return { change: { entity: 'workstation', summary: input } };
    });
    return biometricSettings(ctx.db);
  },
} satisfies Partial<Handlers>;
