// Host routes beyond the JSON API, gathered from the domains (evidence files, report downloads).
import type { HostRoute } from '../host/routes';
import { evidenceRoutes } from './evidence-routes';
import { reportDownloadRoute } from './reports/route';

export const hostRoutes: HostRoute[] = [...evidenceRoutes, reportDownloadRoute];
