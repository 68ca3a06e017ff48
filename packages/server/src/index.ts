export { type ControlPlaneApp, type ControlPlaneDeps, createApp } from './create-app.js';
export { type BodyJson, bodyToJson, type ExchangeJson, exchangeToJson } from './exchange-json.js';
export { type ExchangeQuery, parseExchangeQuery, parseTime } from './exchange-query.js';
export { hiddenHeaderValue, versionToJson } from './version-json.js';
