import { UnderstudyError } from '@understudy/core';
import { type Kysely, sql } from 'kysely';
import { globToLike } from './glob-to-like.js';
import type { StoreKind } from './open-dialect.js';
import type { Database } from './schema.js';

/** Where a comparison came from: the live shadow worker or a replay run. */
export const comparisonSources = ['shadow', 'replay'] as const;
export type ComparisonSource = (typeof comparisonSources)[number];

/** One comparison, live-shadow or replay, in the shape both share. */
export interface ComparisonRecord {
  /**
   * The candidate exchange's id; a replay item that produced no candidate (an error) is named
   * `<run id>:<original exchange id>`.
   */
  readonly id: string;
  readonly source: ComparisonSource;
  /** The replay run, or null for a live shadow comparison. */
  readonly runId: string | null;
  readonly originalId: string;
  readonly candidateId: string | null;
  /** The replay's baseline exchange (a second send to production), when the run had one. */
  readonly baselineId: string | null;
  readonly endpoint: string;
  readonly verdict: string;
  readonly score: number | null;
  readonly scoreOverNoise: number | null;
  /** When the comparison was made (epoch ms). */
  readonly at: number;
  /** The candidate exchange's version, null when there is no candidate exchange. */
  readonly version: string | null;
  readonly path: string | null;
  /** The divergence report (JSON) — only from {@link ComparisonRepository.get}; lists leave it null. */
  readonly report: unknown;
  /** Baseline vs original: the noise floor this comparison was judged against (replay with a baseline). */
  readonly baselineReport: unknown;
}

export interface ComparisonFilter {
  readonly source?: ComparisonSource;
  readonly verdict?: string;
  /** Only comparisons where this report category diverges (score above 0 or differences listed). */
  readonly category?: string;
  readonly runId?: string;
  /** The candidate's version. */
  readonly version?: string;
  /** Exact path, or a glob where `*` matches any run of characters. */
  readonly path?: string;
  /** Epoch ms, inclusive. */
  readonly since?: number;
  /** Epoch ms, exclusive. */
  readonly until?: number;
  /** Only these original exchanges (e.g. a canary's window). */
  readonly originalId?: string;
}

export interface ComparisonPage {
  readonly items: ComparisonRecord[];
  /** Pass back as `cursor` for the next (older) page; `null` at the end. */
  readonly nextCursor: string | null;
}

const errorIdSeparator = ':';

/**
 * Live-shadow and replay comparisons as one resource, newest first. Both tables are read
 * through one `UNION ALL`, so filters and keyset paging (by time, then id) apply to both alike.
 */
export class ComparisonRepository {
  readonly #db: Kysely<Database>;
  readonly #kind: StoreKind;

  constructor(db: Kysely<Database>, kind: StoreKind) {
    this.#db = db;
    this.#kind = kind;
  }

  async list(filter: ComparisonFilter = {}, page: { limit?: number; cursor?: string } = {}): Promise<ComparisonPage> {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
    let query = this.#all(false);
    if (filter.source !== undefined) query = query.where('c.source', '=', filter.source);
    if (filter.verdict !== undefined) query = query.where('c.verdict', '=', filter.verdict);
    if (filter.runId !== undefined) query = query.where('c.run_id', '=', filter.runId);
    if (filter.version !== undefined) query = query.where('c.version', '=', filter.version);
    if (filter.originalId !== undefined) query = query.where('c.original_id', '=', filter.originalId);
    if (filter.since !== undefined) query = query.where('c.at', '>=', filter.since);
    if (filter.until !== undefined) query = query.where('c.at', '<', filter.until);
    if (filter.path !== undefined) {
      query = filter.path.includes('*')
        ? query.where(sql<boolean>`c.path like ${globToLike(filter.path)} escape '\\'`)
        : query.where('c.path', '=', filter.path);
    }
    if (filter.category !== undefined) query = query.where(this.#diverges(filter.category));
    if (page.cursor !== undefined) {
      const { at, id } = decodeCursor(page.cursor);
      query = query.where((eb) => eb.or([eb('c.at', '<', at), eb.and([eb('c.at', '=', at), eb('c.id', '<', id)])]));
    }
    const rows = await query
      .orderBy('c.at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map(fromRow);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.at, last.id) : null };
  }

  /** One comparison with its reports, by the id {@link list} gives. */
  async get(id: string): Promise<ComparisonRecord | undefined> {
    const row = await this.#all(true).where('c.id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** Counts by verdict, of one source, since an epoch ms. */
  async countByVerdict(options: { source?: ComparisonSource; since?: number } = {}): Promise<Record<string, number>> {
    let query = this.#all(false)
      .clearSelect()
      .select(['c.verdict', (eb) => eb.fn.countAll<number>().as('n')]);
    if (options.source !== undefined) query = query.where('c.source', '=', options.source);
    if (options.since !== undefined) query = query.where('c.at', '>=', options.since);
    const rows = await query.groupBy('c.verdict').execute();
    return Object.fromEntries(rows.map((r) => [r.verdict, Number(r.n)]));
  }

  #all(reports: boolean) {
    const db = this.#db;
    const shadow = db
      .selectFrom('shadow_comparisons as s')
      .leftJoin('exchanges as e', 'e.id', 's.exchange_id')
      .select([
        's.exchange_id as id',
        sql<string>`'shadow'`.as('source'),
        sql<string | null>`null`.as('run_id'),
        's.parent_id as original_id',
        sql<string | null>`s.exchange_id`.as('candidate_id'),
        sql<string | null>`null`.as('baseline_id'),
        's.endpoint',
        's.verdict',
        's.score',
        's.score_over_noise',
        's.created_at as at',
        'e.version',
        'e.path',
        's.report',
        sql<string | null>`null`.as('baseline_report'),
      ]);
    const replay = db
      .selectFrom('replay_results as r')
      .leftJoin('exchanges as e', 'e.id', 'r.candidate_id')
      .leftJoin('exchanges as o', 'o.id', 'r.exchange_id')
      .select([
        sql<string>`coalesce(r.candidate_id, r.run_id || ${errorIdSeparator} || r.exchange_id)`.as('id'),
        sql<string>`'replay'`.as('source'),
        'r.run_id',
        'r.exchange_id as original_id',
        'r.candidate_id',
        'r.baseline_id',
        'r.endpoint',
        'r.verdict',
        'r.score',
        'r.score_over_noise',
        'r.completed_at as at',
        'e.version',
        'o.path',
        'r.report',
        'r.baseline_report',
      ]);
    const columns = [
      'c.id',
      'c.source',
      'c.run_id',
      'c.original_id',
      'c.candidate_id',
      'c.baseline_id',
      'c.endpoint',
      'c.verdict',
      'c.score',
      'c.score_over_noise',
      'c.at',
      'c.version',
      'c.path',
    ] as const;
    const base = db.selectFrom(shadow.unionAll(replay).as('c'));
    return reports
      ? base.select([...columns, 'c.report', 'c.baseline_report'])
      : base.select([...columns, sql<string | null>`null`.as('report'), sql<string | null>`null`.as('baseline_report')]);
  }

  /** A report category that diverges: listed with a score above 0 or with differences. */
  #diverges(category: string) {
    return this.#kind === 'postgres'
      ? sql<boolean>`exists (select 1 from jsonb_array_elements((c.report::jsonb)->'categories') as cat
          where cat->>'name' = ${category}
          and ((cat->>'score')::float8 > 0 or jsonb_array_length(coalesce(cat->'differences', '[]'::jsonb)) > 0))`
      : sql<boolean>`exists (select 1 from json_each(c.report, '$.categories') as cat
          where json_extract(cat.value, '$.name') = ${category}
          and (json_extract(cat.value, '$.score') > 0 or json_array_length(cat.value, '$.differences') > 0))`;
  }
}

interface Row {
  id: string;
  source: string;
  run_id: string | null;
  original_id: string;
  candidate_id: string | null;
  baseline_id: string | null;
  endpoint: string;
  verdict: string;
  score: number | null;
  score_over_noise: number | null;
  at: number;
  version: string | null;
  path: string | null;
  report: string | null;
  baseline_report: string | null;
}

function fromRow(r: Row): ComparisonRecord {
  return {
    id: r.id,
    source: r.source === 'replay' ? 'replay' : 'shadow',
    runId: r.run_id,
    originalId: r.original_id,
    candidateId: r.candidate_id,
    baselineId: r.baseline_id,
    endpoint: r.endpoint,
    verdict: r.verdict,
    score: r.score === null ? null : Number(r.score),
    scoreOverNoise: r.score_over_noise === null ? null : Number(r.score_over_noise),
    at: Number(r.at),
    version: r.version,
    path: r.path,
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    baselineReport: r.baseline_report === null ? null : (JSON.parse(r.baseline_report) as unknown),
  };
}

function encodeCursor(at: number, id: string): string {
  return Buffer.from(`${at}/${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: number; id: string } {
  const match = /^(\d{1,16})\/(.{1,80})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match?.[1] === undefined || match[2] === undefined)
    throw new UnderstudyError('invalid_input', 'invalid filter "cursor": expected a nextCursor from a previous page');
  return { at: Number(match[1]), id: match[2] };
}
