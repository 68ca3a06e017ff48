import type { Child } from 'hono/jsx';
import { dashboardScript } from './dashboard-script.js';
import { dashboardStyle } from './dashboard-style.js';
import { faviconPath } from './favicon.js';

export interface LayoutProps {
  readonly title: string;
  readonly nonce: string;
  /** Signed-in token name and role; absent on the sign-in page. */
  readonly who?: { readonly actor: string; readonly role: string };
  /** Which nav entry is current. */
  readonly section?: 'overview' | 'comparisons' | 'replays' | 'canaries' | 'exchanges';
  /** Reload the page every N seconds (script only). */
  readonly refreshSeconds?: number;
  readonly children?: Child;
}

const nav = [
  ['overview', '/', 'Overview'],
  ['comparisons', '/comparisons', 'Comparisons'],
  ['replays', '/replays', 'Replays'],
  ['canaries', '/canaries', 'Canaries'],
  ['exchanges', '/exchanges', 'Exchanges'],
] as const;

/** The page frame: head with the inline style and script (nonce), nav, and the content. */
export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Understudy`}</title>
        <link rel="icon" type="image/svg+xml" href={faviconPath} />
        {/* Constants of this package, not data: raw so CSS `>` and JS `&&` survive. */}
        <style nonce={props.nonce} dangerouslySetInnerHTML={{ __html: dashboardStyle }} />
      </head>
      <body data-refresh={props.refreshSeconds === undefined ? undefined : String(props.refreshSeconds)}>
        <header>
          <a class="brand" href="/">
            Understudy
          </a>
          {props.who === undefined
            ? null
            : nav.map(([key, href, label]) => (
                <a href={href} class={props.section === key ? 'on' : undefined}>
                  {label}
                </a>
              ))}
          {props.who === undefined ? null : (
            <span class="who">
              {props.who.actor} ({props.who.role}){' '}
              <form method="post" action="/logout" class="inline">
                <button type="submit" class="plain">
                  Sign out
                </button>
              </form>
            </span>
          )}
        </header>
        <main>{props.children}</main>
        <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: dashboardScript }} />
      </body>
    </html>
  );
}
