// What is measured: how soon an application submitted at one desk of an office appears in the adjudication
// queue of the supervisor's desk, through a real central (PostgreSQL with DATABASE_URL, else PGlite) and two
// workstations whose sync clients run as in production (push soon after a change, long-polled pull).
// The baseline is the submission itself on the counter's desk (the same run, the same machine).
import { dispatch } from '../main/ipc/dispatch.js';
import { preferredStore, startTestCentral } from '../tests/support/model/central.js';
import { walkInDraft } from '../tests/support/applications-fixtures.js';
import { openOfficeDesk, paidOn } from '../tests/support/office-desks.js';
import { median, percentile, type BenchResult } from './types.js';

const SAMPLES = 50;
/** Names take letters only: 0 -> A, 27 -> BB. */
const nameOf = (i: number): string => String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26));

export async function run(): Promise<BenchResult[]> {
  const kind = preferredStore();
  const central = await startTestCentral(kind);
  const counter = await openOfficeDesk(central, {
    name: 'LOKET-01',
    counter: 1,
    officer: 'petugas1',
    supervisor: 'kasi1',
    sync: { background: true },
  });
  const spv = await openOfficeDesk(central, {
    name: 'SPV-01',
    counter: 9,
    officer: 'petugas9',
    supervisor: 'supervisor1',
    sync: { background: true },
  });
  try {
    const statusAtSpv = spv.t.core.liveDb.prepare('SELECT status FROM applications WHERE id = ?').pluck();
    const until = async (pred: () => boolean): Promise<void> => {
      while (!pred()) await new Promise((r) => setTimeout(r, 1));
    };
    const visible: number[] = [];
    const submitOnly: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const app = await paidOn(counter, central, walkInDraft({ fullName: `Pemohon ${nameOf(i)}` }));
      // Everything before the submission is at central and on the supervisor desk already.
      await until(() => statusAtSpv.get(app.id) === 'paid');
      const t0 = performance.now();
      const r = await dispatch(
        counter.t.core,
        'applications.transition',
        { id: app.id, action: 'submit' },
        { sessionToken: counter.officer },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      submitOnly.push(performance.now() - t0);
      await until(() => statusAtSpv.get(app.id) === 'submitted');
      const queue = await dispatch(spv.t.core, 'applications.adjudicationQueue', {}, { sessionToken: spv.supervisor });
      if (!queue.ok || !(queue.value as Array<{ id: string }>).some((a) => a.id === app.id))
        throw new Error('bench: the application is not in the queue');
      visible.push(performance.now() - t0);
    }
    const baseline = { name: 'the submission alone on the counter desk (median)', value: median(submitOnly) };
    return [
      {
        name: `submitted at a counter to in the supervisor desk's adjudication queue, ${SAMPLES} applications (${kind}), median`,
        value: median(visible),
        unit: 'ms',
        baseline,
        target: 'reported',
      },
      { name: `same, p99`, value: percentile(visible, 99), unit: 'ms', baseline, target: 'reported' },
    ];
  } finally {
    await counter.cleanup();
    await spv.cleanup();
    await central.close();
  }
}
