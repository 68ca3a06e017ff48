export { createDemoAgentApp, type DemoAgentOptions } from './demo-agent-app.js';
export { demoToolDefinitions } from './demo-tool-definitions.js';
export { createDemoToolsApp, type DemoTools, type DemoToolsCounts } from './demo-tools-app.js';
export { parseOrderRequest, type Variant, variants, variantTraits } from './support-agent.js';
export { correlationHeaders, runToolCalls, type ToolsOptions } from './tool-runner.js';
