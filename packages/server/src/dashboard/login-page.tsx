import { Layout } from './layout.js';

/** The sign-in form: one field for a control-plane token. */
export function LoginPage(props: { nonce: string; next: string; error?: string }) {
  return (
    <Layout title="Sign in" nonce={props.nonce}>
      <div class="card login">
        <h1>Sign in to Understudy</h1>
        {props.error === undefined ? null : <div class="error-box">{props.error}</div>}
        <form method="post" action="/login">
          <label for="token">Control-plane token</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required />
          <input type="hidden" name="next" value={props.next} />
          <button type="submit">Sign in</button>
        </form>
        <p class="muted">
          A <code>read</code> token sees everything; an <code>operate</code> token may also pause, approve, promote and roll back.
        </p>
      </div>
    </Layout>
  );
}
