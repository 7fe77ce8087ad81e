// Host routes beyond the JSON API, gathered from the domains (evidence files, report downloads).
import type { HostRoute } from '../host/routes';
import { evidenceRoutes } from './evidence-routes';
import { reportDownloadRoute } from './reports/route';
import { exchangeRoutes } from './exchange/routes';

export const hostRoutes: HostRoute[] = [...evidenceRoutes, reportDownloadRoute, ...exchangeRoutes];
