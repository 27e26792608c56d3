import { z } from 'zod';
import { defineCall } from './define.js';
import { Empty, Language } from './schemas.js';
import { TIME_ZONES } from '../domain/shared/offices.js';

export const OfficeView = z.strictObject({
  code: z.string(),
  name: z.string(),
  city: z.string(),
  tz: z.enum(TIME_ZONES),
});
export type OfficeView = z.infer<typeof OfficeView>;

export const ServiceView = z.strictObject({
  code: z.string(),
  prefix: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
});
export type ServiceView = z.infer<typeof ServiceView>;

export const AppStatus = z.strictObject({
  version: z.string(),
  setupDone: z.boolean(),
  training: z.boolean(),
  office: OfficeView.nullable(),
  workstationName: z.string().nullable(),
  counterNumber: z.number().int().nullable(),
  idleLockMinutes: z.number().int(),
  defaultLanguage: Language,
});
export type AppStatus = z.infer<typeof AppStatus>;

export const appCalls = {
  'app.status': defineCall({ input: Empty, output: AppStatus, access: 'public', mutates: false, background: true }),
  'reference.offices': defineCall({ input: Empty, output: z.array(OfficeView), access: 'public', mutates: false }),
  'reference.services': defineCall({ input: Empty, output: z.array(ServiceView), access: 'session', mutates: false }),
};
