/**
 * The OpenAI-style `tools` a client offers the demo agent: it calls `get_order` to look an
 * order up and `refund_order` to refund one (the demo tools service implements both).
 */
export const demoToolDefinitions = Object.freeze([
  { type: 'function', function: { name: 'get_order', parameters: { type: 'object', properties: { order_id: { type: 'string' } } } } },
  {
    type: 'function',
    function: {
      name: 'refund_order',
      parameters: { type: 'object', properties: { order_id: { type: 'string' }, amount: { type: 'number' } } },
    },
  },
] as const);
