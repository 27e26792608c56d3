// Every call is held to its contract's `mutates`: a read-only call cannot write, and a mutating call
// that answers without an audited write of its own is a fault, unless it is one of the few allowed to
// change nothing. The handlers here are stand-ins that break the rule on purpose, behind the real gate
// and dispatch; every real mutating call the other tests drive passes the same check.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, type CallName } from '@common/contract/index.js';
import type { Db } from '@db/connection.js';
import { getSetting, setSetting } from '@db/queries/office/settings.js';
import { handlers } from '@main/core/handlers.js';
import { backgroundContext, write, type CallContext, type Handler } from '@main/core/kernel/context.js';
import { MAY_WRITE_NOTHING } from '@main/core/kernel/write-check.js';
import { setUp, tempCore, type TempCore } from '../support/core.js';

let t: TempCore;
let admin: string;
let errors: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  t = tempCore();
  admin = await setUp(t);
  errors = vi.spyOn(t.core.log, 'error');
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const count = (table: string): number => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const trail = () => ({ audit: count('audit_events'), outbox: count('outbox') });
// Taken before any stand-in replaces it.
const settingsGet = handlers['settings.get'];
const view = (ctx: CallContext) => settingsGet(ctx, {});

/** Puts a stand-in behind a call for one test (restored after each). */
function replace(name: CallName, handler: Handler<CallName>): void {
  vi.spyOn(handlers as Record<CallName, Handler<CallName>>, name).mockImplementation(handler);
}

const setIdleLock = (minutes: string) => (db: Db) => {
  setSetting(db, 'idle_lock_minutes', minutes);
  return { change: { entity: 'workstation', summary: { idleLockMinutes: minutes } } };
};

describe('a mutating call', () => {
  it('that changes the database without write() is refused as a fault and logged', async () => {
    replace('settings.update', (ctx) => {
      setSetting(ctx.db, 'idle_lock_minutes', '42');
      return view(ctx);
    });
    const before = trail();
    const r = await t.call('settings.update', { idleLockMinutes: 42 }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        violation: expect.stringContaining('settings.update is declared mutating but answered without an audited write'),
      }),
      expect.any(String),
    );
    expect(trail()).toEqual(before);
  });

  it('that writes through a context of its own is refused too: only its own call record counts', async () => {
    replace('settings.update', (ctx) => {
      write(backgroundContext(ctx.core), 'settings.update', setIdleLock('43'));
      return view(ctx);
    });
    const r = await t.call('settings.update', { idleLockMinutes: 43 }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('that writes through write() passes, as the real handlers do', async () => {
    const r = await t.call('settings.update', { idleLockMinutes: 44 }, admin);
    expect(r).toMatchObject({ ok: true, value: { idleLockMinutes: 44 } });
    expect(errors).not.toHaveBeenCalled();
  });

  it('on the allow-list may answer without writing (a repeated request that changes nothing)', async () => {
    const before = trail();
    expect(await t.call('setup.leaveTraining', {}, admin)).toMatchObject({ ok: true });
    expect(trail()).toEqual(before);
  });

  it('is the only kind the allow-list names, each with its reason', () => {
    for (const [name, why] of Object.entries(MAY_WRITE_NOTHING)) {
      expect(contract[name as CallName].mutates, name).toBe(true);
      expect(why.length, name).toBeGreaterThan(10);
    }
  });
});

describe('a read-only call', () => {
  it('that calls write() is refused before anything is written', async () => {
    replace('settings.get', (ctx) => {
      write(ctx, 'settings.update', setIdleLock('45'));
      return view(ctx);
    });
    const before = trail();
    const r = await t.call('settings.get', {}, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ call: 'settings.get', err: expect.any(Error) }), expect.any(String));
    expect(trail()).toEqual(before);
    expect(getSetting(t.core.db, 'idle_lock_minutes')).not.toBe('45');
  });

  it('that swallows the refusal still answers a fault', async () => {
    replace('settings.get', (ctx) => {
      try {
        write(ctx, 'settings.update', setIdleLock('46'));
      } catch {
        // a handler hiding its own mistake
      }
      return view(ctx);
    });
    const r = await t.call('settings.get', {}, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({
        violation: expect.stringContaining('settings.get is declared read-only (mutates: false) but tried to write'),
      }),
      expect.any(String),
    );
    expect(getSetting(t.core.db, 'idle_lock_minutes')).not.toBe('46');
  });
});
