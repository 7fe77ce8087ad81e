// Host routes beyond the JSON API, gathered from the domains (evidence files, report downloads).
import type { HostRoute } from '../host/routes';

export const hostRoutes: HostRoute[] = [];
