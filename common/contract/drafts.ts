// An officer's unsaved typing, kept in core so a lock, a crash or a restart loses none of it.
import { z } from 'zod';
import { ALL_BUT_RECEPTION } from '../domain/shared/roles.js';
import { defineCall } from './define.js';
import { Ack, multilineText, text } from './schemas.js';

/** Which form: a feature's name, then the record it edits if any (`applications.new`, `applications.edit:<id>`). */
export const DraftForm = z
  .string()
  .regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+(:[0-9a-zA-Z-]{1,64})?$/, 'a form name like applications.new')
  .max(120);

/** A form's fields as typed: flat, so nothing but values a field can hold is kept. */
export const DraftValues = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/),
  z.union([multilineText().max(4000), z.boolean(), z.number().finite(), z.null()]),
);

const DraftView = z.strictObject({ form: z.string(), values: z.record(z.string(), z.unknown()), updatedAt: z.number().int() });

export const draftsCalls = {
  /** Called by the screen as the officer types: not activity of its own (the typing already was). */
  'drafts.save': defineCall({
    input: z.strictObject({ form: DraftForm, values: DraftValues.refine((v) => Object.keys(v).length <= 80, 'too many fields') }),
    output: Ack,
    access: ALL_BUT_RECEPTION,
    mutates: true,
    background: true,
  }),
  'drafts.load': defineCall({
    input: z.strictObject({ form: DraftForm }),
    output: DraftView.nullable(),
    access: ALL_BUT_RECEPTION,
    mutates: false,
    background: true,
  }),
  /** The officer's drafts, newest first: what the home offers to continue after a restart. */
  'drafts.list': defineCall({
    input: z.strictObject({}),
    output: z.array(z.strictObject({ form: z.string(), updatedAt: z.number().int(), label: text().nullable() })),
    access: ALL_BUT_RECEPTION,
    mutates: false,
    background: true,
  }),
  'drafts.discard': defineCall({ input: z.strictObject({ form: DraftForm }), output: Ack, access: ALL_BUT_RECEPTION, mutates: true }),
};
