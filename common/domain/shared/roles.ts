export const ROLES = ['officer', 'supervisor', 'admin', 'reception'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every role but reception. The desk at the door only checks applicants in (issues tickets) and sees the
 * board: calls about applications, captures, drafts, sync and settings are for the people behind it, so
 * they name these roles rather than 'session' (which would let reception in too).
 */
export const ALL_BUT_RECEPTION = ['officer', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** Who may make a call: nobody logged in, anyone logged in, or the listed roles. */
export type Access = 'public' | 'session' | readonly Role[];

export function roleAllowed(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (role === undefined) return false;
  if (access === 'session') return true;
  return access.includes(role);
}
