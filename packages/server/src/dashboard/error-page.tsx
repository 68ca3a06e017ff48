import type { Logger } from '@understudy/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ControlEnv } from '../control-env.js';
import { errorResponse } from '../error-response.js';
import { formPageOf } from '../wants-page.js';
import { frameOf } from './frame.js';
import { Layout, type LayoutProps } from './layout.js';

/** The API's error (same code, message and status), shown as a page. */
export async function errorPage(
  error: unknown,
  c: Context<ControlEnv>,
  logger: Logger,
  redact: (text: string) => string = (t) => t,
): Promise<Response> {
  const json = errorResponse(error, c, logger, redact);
  const { error: e } = (await json.clone().json()) as { error: { code: string; message: string } };
  const frame = c.get('actor') === undefined ? { nonce: c.get('nonce') } : frameOf(c);
  const back = formPageOf(c.req.method, c.req.path);
  return c.html(
    <ErrorPage frame={frame} status={json.status} code={e.code} message={e.message} back={back} />,
    json.status as ContentfulStatusCode,
  );
}

function ErrorPage(props: {
  frame: Pick<LayoutProps, 'nonce' | 'who'>;
  status: number;
  code: string;
  message: string;
  /** The page a failed form post came from. */
  back: string | undefined;
}) {
  return (
    <Layout title={`Error ${props.status}`} {...props.frame}>
      <h1>
        {props.status} · {props.code}
      </h1>
      <div class="error-box">{props.message}</div>
      <p>
        {props.back === undefined ? null : (
          <>
            <a href={props.back}>Back to the page, reloaded</a> ·{' '}
          </>
        )}
        <a href="/">Back to the overview</a>
      </p>
    </Layout>
  );
}
