// The application screens' keyboard shortcuts, in one list so no two screens claim the same key.
/** A new application (the walk-in form), from the counter home and the search. */
export const NEW_KEYS = 'Alt+N';
/** The passport hand-over. */
export const HANDOVER_KEYS = 'Alt+H';
/** The step that can be taken now on an application (and the walk-in form's check-in). */
export const PRIMARY_KEYS = 'Ctrl+Enter';
/** Every document not yet looked at is present. */
export const ALL_PRESENT_KEYS = 'Alt+A';
/** The application receipt. */
export const PRINT_KEYS = 'Alt+P';
