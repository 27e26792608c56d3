// The office and counter this workstation serves, and today in the office's time zone: what nearly every
// use case needs before it can date or number anything.
import { AppError } from '@common/contract/result.js';
import { businessDate } from '@common/domain/shared/working-days.js';
import { officePrefix } from '@db/queries/applications/catalogue.js';
import { getOffice } from '@db/queries/office/reference.js';
import type { CallContext } from './context.js';

export interface OfficeContext {
  code: string;
  name: string;
  city: string;
  tz: string;
  prefix: string;
  counter: number;
}

/** The office and counter this workstation was set up for; refuses before setup. */
export function officeContext(ctx: CallContext): OfficeContext {
  const code = ctx.core.setting('office_code');
  const office = code ? getOffice(ctx.db, code) : undefined;
  const prefix = code ? officePrefix(ctx.db, code) : undefined;
  if (!code || !office || !prefix) throw new AppError('SETUP_REQUIRED', 'This workstation has no office with an application number prefix');
  return { code, name: office.name, city: office.city, tz: office.tz, prefix, counter: Number(ctx.core.setting('counter_number') ?? '0') };
}

export const todayAt = (ctx: CallContext): string => businessDate(ctx.now, officeContext(ctx).tz);
