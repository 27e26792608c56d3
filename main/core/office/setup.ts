import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import { getOffice } from '@db/queries/office/reference.js';
import { getSetting, setSetting } from '@db/queries/office/settings.js';
import type { UserRow } from '@db/queries/access/users.js';
import { checkCredentials } from '../access/credentials.js';
import { writeProfile } from '../kernel/profile.js';
import { insertUser } from '@db/queries/access/users.js';
import { hashPassword } from '../access/passwords.js';
import { assertPasswordPolicy } from '../access/password-rules.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { seedTraining } from './training-seed.js';
import { deskOf, joinOffice, startOffice } from './join.js';
import type { SetupInput } from '@common/contract/setup.js';

const profileSummary = (input: SetupInput): Record<string, unknown> => ({
  mode: input.mode,
  office: input.officeCode,
  workstation: input.workstationName,
  counter: input.counterNumber,
  ...(input.admin ? { admin: input.admin.username } : {}),
});

function assertNotSetUp(ctx: CallContext): void {
  if (ctx.core.setting('setup_done') === '1')
    throw new AppError('CONFLICT', 'This workstation is already set up', { reason: 'setup.done' });
}

export const setupHandlers = {
  'setup.initialize': async (ctx, input) => {
    assertNotSetUp(ctx);
    if (ctx.core.training)
      throw new AppError('CONFLICT', 'Leave training mode before setting up this workstation', { reason: 'setup.inTraining' });
    if (!getOffice(ctx.db, input.officeCode)) {
      throw new AppError('VALIDATION', `Unknown office: ${input.officeCode}`, { fields: { officeCode: ['office.unknown'] } });
    }
    const port = ctx.core.ports.sync;
    const desk = deskOf(ctx, input);
    if (input.mode === 'join') {
      if (!port)
        throw new AppError('OFFLINE', 'No central server is configured: there is no office to join', { reason: 'sync.notConfigured' });
      await joinOffice(ctx, port, desk, input.enrolmentCode);
      assertNotSetUp(ctx);
      write(ctx, 'setup.initialize', (db) => {
        writeProfile(db, { ...input, workstationId: desk.workstationId });
        return { change: { entity: 'workstation', entityId: desk.workstationId, summary: profileSummary(input) } };
      });
      ctx.core.events.emit('app.changed', { training: false, setupDone: true });
      return { ok: true as const };
    }
    const admin = input.admin;
    if (!admin) throw new AppError('VALIDATION', 'A new office needs its first admin', { fields: { 'admin.username': ['required'] } });
    assertPasswordPolicy(admin.password, admin.username, 'admin.password');
    const hash = await hashPassword(admin.password);
    assertNotSetUp(ctx); // a second window may have finished setup while we hashed
    const adminId = uuidv7();
    const actor = { id: adminId, username: admin.username, role: 'admin' as const };
    if (port) {
      // Central first: it refuses an office that has accounts, so this admin can clash with none.
      await startOffice(ctx, port, desk, input.enrolmentCode, {
        id: adminId,
        username: admin.username,
        fullName: admin.fullName,
        passwordHash: hash,
        language: input.language,
      });
      assertNotSetUp(ctx);
      write(ctx, 'setup.initialize', (db) => {
        writeProfile(db, { ...input, workstationId: desk.workstationId });
        return { change: { entity: 'workstation', entityId: desk.workstationId, actor, summary: profileSummary(input) } };
      });
      ctx.core.events.emit('app.changed', { training: false, setupDone: true });
      return { ok: true as const };
    }
    // No central at all (a desk on its own): the admin is made here and goes up with the first push,
    // where central admits it only as the first account of an office that has none.
    write(ctx, 'setup.initialize', (db) => {
      insertUser(db, {
        id: adminId,
        username: admin.username,
        full_name: admin.fullName,
        role: 'admin',
        password_hash: hash,
        must_change_password: 0,
        disabled: 0,
        language: input.language,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      writeProfile(db, { ...input, workstationId: desk.workstationId });
      return {
        change: {
          entity: 'user',
          entityId: adminId,
          actor,
          summary: profileSummary(input),
          data: {
            username: admin.username,
            fullName: admin.fullName,
            role: 'admin',
            services: [],
            passwordHash: hash,
            language: input.language,
          },
        },
      };
    });
    ctx.core.events.emit('app.changed', { training: false, setupDone: true });
    return { ok: true as const };
  },

  'setup.enterTraining': async (ctx) => {
    if (ctx.core.training) return { ok: true as const };
    // Before setup anyone may try Loket out; afterwards only an admin may take a live counter offline.
    if (ctx.core.setting('setup_done') === '1' && ctx.user?.role !== 'admin') {
      throw new AppError('FORBIDDEN', 'Only an admin can switch a set-up workstation to training mode', { reason: 'training.adminOnly' });
    }
    const liveCtx = { ...ctx, db: ctx.core.liveDb };
    write(liveCtx, 'training.enter', (db) => {
      setSetting(db, 'mode', 'training');
      return { change: {} };
    });
    const db = ctx.core.openTraining();
    await seedTraining(db, ctx.now);
    ctx.core.events.emit('app.changed', { training: true, setupDone: true });
    return { ok: true as const };
  },

  'setup.leaveTraining': async (ctx, input) => {
    if (!ctx.core.training) return { ok: true as const };
    let admin: UserRow | undefined;
    // Before setup anyone may stop trying Loket out; afterwards only a live admin may put the counter back live.
    if (getSetting(ctx.core.liveDb, 'setup_done') === '1') {
      const live = { ...ctx, db: ctx.core.liveDb, session: undefined, user: undefined };
      admin = await checkCredentials(live, input.username ?? '', input.password ?? '', 'setup.leaveTraining');
      if (admin.role !== 'admin')
        throw new AppError('FORBIDDEN', 'Only an admin can switch this workstation back to live', { reason: 'training.adminOnly' });
    }
    if (!ctx.core.training) return { ok: true as const };
    ctx.core.closeTraining();
    const liveCtx = { ...ctx, db: ctx.core.liveDb, session: undefined, user: admin };
    write(liveCtx, 'training.leave', (db) => {
      setSetting(db, 'mode', 'live');
      return { change: {} };
    });
    ctx.core.events.emit('app.changed', { training: false, setupDone: ctx.core.setting('setup_done') === '1' });
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
