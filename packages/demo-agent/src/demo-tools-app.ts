import { Hono } from 'hono';

/** What the demo tools service has received so far. */
export interface DemoToolsCounts {
  /** `GET /orders/:id` calls. */
  readonly lookups: number;
  /** `POST /refunds` calls. */
  readonly refunds: number;
  /** The order id of each refund, in arrival order. */
  readonly refundedOrders: readonly string[];
}

export interface DemoTools {
  /** Serve with @hono/node-server, e.g. `serve({ fetch: tools.app.fetch, port: 0 })`. */
  readonly app: Hono;
  counts(): DemoToolsCounts;
}

const statuses = ['processing', 'shipped', 'out for delivery', 'delivered'] as const;

/**
 * The demo agent's tools: a tiny orders service (`GET /orders/:id`, `POST /refunds`) that counts
 * what it receives, so a demo or a test can show that a shadowed refund never reached it.
 * Refund ids are sequential (`rf_1`, `rf_2`, …): an answer replayed from a recording is told
 * apart from a fresh one at a glance.
 */
export function createDemoToolsApp(): DemoTools {
  let lookups = 0;
  const refundedOrders: string[] = [];
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/orders/:id', (c) => {
    lookups++;
    const id = c.req.param('id');
    const digits = Number(id.replace(/\D/g, '').slice(-4) || '0');
    return c.json({ order_id: id, status: statuses[digits % statuses.length], total: 20 + (digits % 80) });
  });
  app.post('/refunds', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined;
    }
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const orderId = fields.order_id;
    const amount = fields.amount;
    if (typeof orderId !== 'string' || typeof amount !== 'number' || !(amount > 0)) {
      return c.json({ error: { code: 'invalid_input', message: 'a refund needs order_id (string) and amount (> 0)' } }, 400);
    }
    refundedOrders.push(orderId);
    return c.json({ refund_id: `rf_${refundedOrders.length}`, order_id: orderId, refunded: amount }, 201);
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
  return {
    app,
    counts: () => ({ lookups, refunds: refundedOrders.length, refundedOrders: [...refundedOrders] }),
  };
}
