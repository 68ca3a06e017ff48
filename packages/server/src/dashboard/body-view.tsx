import type { BodyJson } from '../exchange-json.js';
import { formatNumber } from './format.js';

/** A captured body as escaped text (pretty-printed when it is JSON), or a note for binary bytes. */
export function BodyView(props: { body: BodyJson; label: string }) {
  const b = props.body;
  let text = b.text;
  if (b.encoding === 'utf8') {
    try {
      text = JSON.stringify(JSON.parse(b.text), null, 2);
    } catch {
      // Not JSON: shown as captured.
    }
  }
  return (
    <div class="card">
      <h2>
        {props.label}{' '}
        <span class="muted">
          {formatNumber(b.size)} bytes{b.truncated ? ' (truncated)' : ''}
          {b.encoding === 'base64' ? ', binary (base64)' : ''}
        </span>
      </h2>
      {b.text === '' ? <p class="muted">(empty)</p> : <pre class="body">{text}</pre>}
    </div>
  );
}
