/** A browser navigating to a dashboard page: a GET outside the API and /metrics that accepts HTML. */
export function wantsPage(method: string, path: string, accept: string | undefined): boolean {
  return method === 'GET' && !path.startsWith('/api/') && path !== '/metrics' && (accept ?? '').includes('text/html');
}

/**
 * Where an error answers with a page: a page a browser navigates to, or one of the dashboard's
 * form posts (a canary button pressed on a page another tab made stale), whose answer the browser
 * shows in place of the page.
 */
export function wantsErrorPage(method: string, path: string, accept: string | undefined): boolean {
  return wantsPage(method === 'POST' ? 'GET' : method, path, accept);
}

/** The page a dashboard form was posted from (`/canaries/ID` for `/canaries/ID/rollback`), for a link back. */
export function formPageOf(method: string, path: string): string | undefined {
  if (method !== 'POST') return undefined;
  const parent = path.slice(0, path.lastIndexOf('/'));
  return parent === '' ? undefined : parent;
}
