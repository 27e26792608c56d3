import { z } from 'zod';
import { defineCall } from './define.js';
import { Ack, Empty, FullName, Language, Password, Username, text } from './schemas.js';

export const SetupInput = z.strictObject({
  officeCode: text().min(1).max(64),
  workstationName: text().trim().min(1).max(64),
  counterNumber: z.number().int().min(1).max(999),
  language: Language,
  admin: z.strictObject({ username: Username, fullName: FullName, password: Password }),
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
