/** A browser navigating to a dashboard page: a GET outside the API and /metrics that accepts HTML. */
export function wantsPage(method: string, path: string, accept: string | undefined): boolean {
  return method === 'GET' && !path.startsWith('/api/') && path !== '/metrics' && (accept ?? '').includes('text/html');
}
