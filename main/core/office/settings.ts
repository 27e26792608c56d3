import { setSetting } from '@db/queries/office/settings.js';
import { AppError } from '@common/contract/result.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';

const settingsView = (ctx: CallContext) => ({
  workstationName: ctx.core.setting('workstation_name') ?? '',
  counterNumber: Number(ctx.core.setting('counter_number') ?? '0'),
  idleLockMinutes: ctx.core.idleLockMs() / 60_000,
});

export const settingsHandlers = {
  'settings.get': (ctx) => settingsView(ctx),
  'settings.update': (ctx, input) => {
    const entries = Object.entries(input).filter(([, v]) => v !== undefined);
    if (entries.length === 0) throw new AppError('VALIDATION', 'Nothing to change');
    write(ctx, 'settings.update', (db) => {
      if (input.workstationName !== undefined) setSetting(db, 'workstation_name', input.workstationName);
      if (input.counterNumber !== undefined) setSetting(db, 'counter_number', String(input.counterNumber));
      if (input.idleLockMinutes !== undefined) setSetting(db, 'idle_lock_minutes', String(input.idleLockMinutes));
      return { change: { entity: 'workstation', summary: input } };
    });
    return settingsView(ctx);
  },
} satisfies Partial<Handlers>;
