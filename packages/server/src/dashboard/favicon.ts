import { Hono } from 'hono';
import type { ControlEnv } from '../control-env.js';

/** Where the dashboard's icon is served; every page names it (`<link rel="icon">`). */
export const faviconPath = '/favicon.svg';

/** The icon: the dashboard's accent colour with a `U`, drawn with no text or font (nothing to load). */
const faviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#3559c7"/>' +
  '<path d="M9 7v11a7 7 0 0 0 14 0V7h-4v11a3 3 0 0 1-6 0V7z" fill="#fff"/></svg>';

/**
 * The icon at `/favicon.svg` and at `/favicon.ico`, where browsers look when a page names none,
 * served before sign-in (the sign-in page shows it too). Without it every page load logged a
 * failed request (404, or 401 before sign-in) in the browser's console.
 */
export function faviconRoutes(): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  const icon = () => new Response(faviconSvg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
  app.get(faviconPath, icon);
  app.get('/favicon.ico', icon);
  return app;
}
