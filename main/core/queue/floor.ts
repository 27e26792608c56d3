// The supervisor's live floor comes only from central: a workstation in local mode sees its own counter,
// not the office, so it says "central unreachable" instead of showing partial numbers as the floor.
import { AppError } from '@common/contract/result.js';
import type { Handlers } from '../kernel/context.js';
import { atCentral } from './central.js';

export const floorHandlers = {
  'floor.view': async (ctx, input) => {
    const view = await atCentral(ctx, (p) => p.floor(input.targetMinutes));
    if (!view) throw new AppError('OFFLINE', 'Central cannot be reached: the live floor is not available', { reason: 'floor.offline' });
    return view;
  },
} satisfies Partial<Handlers>;
