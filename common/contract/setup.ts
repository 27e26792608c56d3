import { z } from 'zod';
import { defineCall } from './define.js';
import { Ack, Empty, FullName, Language, Password, Username, text } from './schemas.js';

export const SetupMode = z.enum(['new', 'join']);
export type SetupMode = z.infer<typeof SetupMode>;

/**
 * `new`: this desk starts its office and creates the office's first admin (at central when one runs, which
 * refuses once the office has accounts). `join`: the office exists at central; the desk enrols, pulls the
 * office's accounts and creates none, so the first login is with an office account.
 */
export const SetupInput = z.strictObject({
  mode: SetupMode.default('new'),
  officeCode: text().min(1).max(64),
  workstationName: text().trim().min(1).max(64),
  counterNumber: z.number().int().min(1).max(999),
  language: Language,
  /** Required to start a new office; a joining desk creates no account. */
  admin: z.strictObject({ username: Username, fullName: FullName, password: Password }).optional(),
  /** Issued by central's administrator for this office; not needed with the central inside this Loket. */
  enrolmentCode: text().trim().min(8).max(64).optional(),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const setupCalls = {
  'setup.initialize': defineCall({ input: SetupInput, output: Ack, access: 'public', mutates: true }),
  /** Switches this workstation to its training database, creating and seeding it on first use. */
  'setup.enterTraining': defineCall({ input: Empty, output: Ack, access: 'public', mutates: true }),
  /**
   * Back to the live database. Once the workstation is set up, a live admin confirms with their own name and
   * password (the training accounts' passwords are printed on the login screen, so a training session proves nothing).
   */
  'setup.leaveTraining': defineCall({
    input: z.strictObject({ username: text().max(64).optional(), password: text().max(256).optional() }),
    output: Ack,
    access: 'public',
    mutates: true,
  }),
};
