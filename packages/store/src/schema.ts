/** Row shape of `exchanges`. JSON columns hold text; booleans are 0/1 on both dialects. */
export interface ExchangesTable {
  id: string;
  started_at: number;
  method: string;
  path: string;
  query: string;
  request_headers: string;
  request_body: Uint8Array;
  request_size: number;
  request_truncated: number;
  status: number | null;
  response_headers: string;
  response_body: Uint8Array;
  response_size: number;
  response_truncated: number;
  streamed: number;
  sse_events: string | null;
  ttfb_ms: number | null;
  duration_ms: number | null;
  version: string;
  role: string;
  parent_id: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  error_code: string | null;
  error_message: string | null;
}

export interface VersionsTable {
  name: string;
  upstream: string;
  headers: string;
  created_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  exchanges: ExchangesTable;
  versions: VersionsTable;
  meta: MetaTable;
}
