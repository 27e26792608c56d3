export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may make a call: nobody logged in, anyone logged in, or the listed roles. */
export type Access = 'public' | 'session' | readonly Role[];

export function roleAllowed(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (role === undefined) return false;
  if (access === 'session') return true;
  return access.includes(role);
}
