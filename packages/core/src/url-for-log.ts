const absolute = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A URL as a log line or a banner may show it: without a password, query or fragment, where
 * secrets travel (`postgres://app:PASSWORD@db/understudy`, `/d/search/v1?api_key=…`). A path
 * keeps everything before its `?` or `#`; text that is neither (a SQLite file) is returned as is.
 */
export function urlForLog(text: string): string {
  if (absolute.test(text)) {
    try {
      const url = new URL(text);
      if (url.password !== '') url.password = 'redacted';
      url.search = '';
      url.hash = '';
      return url.href;
    } catch {
      return text.replace(/:\/\/[^/]*@/, '://redacted@').replace(/[?#].*$/s, '');
    }
  }
  return text.startsWith('/') ? text.replace(/[?#].*$/s, '') : text;
}
