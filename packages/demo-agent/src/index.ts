export { createDemoAgentApp, type DemoAgentOptions } from './demo-agent-app.js';
export { parseOrderRequest, type Variant } from './support-agent.js';
