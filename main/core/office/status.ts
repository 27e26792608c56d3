import { getOffice, listOffices, listServices } from '@db/queries/office/reference.js';
import type { OfficeView } from '@common/contract/app.js';
import type { OfficeRow } from '@db/queries/office/reference.js';
import type { Handlers } from '../kernel/context.js';

const toOfficeView = (o: OfficeRow): OfficeView => ({ code: o.code, name: o.name, city: o.city, tz: o.tz as OfficeView['tz'] });

export const appHandlers = {
  'app.status': (ctx) => {
    const { core, db } = ctx;
    const officeCode = core.setting('office_code');
    const office = officeCode ? getOffice(db, officeCode) : undefined;
    const counter = core.setting('counter_number');
    return {
      version: core.version,
      setupDone: core.setting('setup_done') === '1',
      training: core.training,
      office: office ? toOfficeView(office) : null,
      workstationName: core.setting('workstation_name') ?? null,
      counterNumber: counter ? Number(counter) : null,
      idleLockMinutes: core.idleLockMs() / 60_000,
      defaultLanguage: core.setting('default_language') === 'en' ? 'en' : 'id',
    };
  },
  'reference.offices': (ctx) => listOffices(ctx.db).map(toOfficeView),
  'reference.services': (ctx) =>
    listServices(ctx.db).map((s) => ({ code: s.code, prefix: s.prefix, nameId: s.name_id, nameEn: s.name_en })),
} satisfies Partial<Handlers>;
