// The live floor lives under the supervisor's section: #/supervisor/floor.
export const FLOOR_ROUTE = '#/supervisor/floor';

export const isFloorRoute = (hash: string, role: string | undefined): boolean => role === 'supervisor' && hash === FLOOR_ROUTE;
