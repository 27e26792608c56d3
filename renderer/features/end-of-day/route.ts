// End of day lives under the supervisor's section (#/supervisor/end-of-day); admins reach it under
// theirs (#/admin/end-of-day) to reopen a closed day.
export const endOfDayRoute = (role: 'supervisor' | 'admin' = 'supervisor'): string => `#/${role}/end-of-day`;

export const isEndOfDayRoute = (hash: string, role: string | undefined): boolean =>
  (role === 'supervisor' || role === 'admin') && hash === endOfDayRoute(role);
