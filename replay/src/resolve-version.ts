import { isValidVersionName, UnderstudyError, upstreamUrlProblem, type Version } from '@understudy/core';
import type { Store } from '@understudy/store';

/**
 * A target or baseline as given: a stored version's name, or an http(s) URL taken as an
 * ad-hoc version (named after its host, so exchanges still record where they came from), held to
 * a version upstream's rule: origin and path only.
 */
export async function resolveVersion(store: Store, target: string): Promise<Version> {
  if (/^https?:\/\//i.test(target)) {
    let url: URL;
    try {
      url = new URL(target);
    } catch (cause) {
      throw new UnderstudyError('invalid_input', `"${target}" is not a valid URL`, { cause });
    }
    // A version's upstream rule: a key in the query or credentials would be dropped when sending
    // and kept raw in the run's spec and report, so they are refused (and not repeated here).
    const problem = upstreamUrlProblem(target);
    if (problem !== undefined) throw new UnderstudyError('invalid_input', `the URL ${url.origin}${url.pathname} ${problem}`);
    const name = `url-${url.host}`.replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, 63);
    return { name, upstream: url.toString(), headers: {} };
  }
  if (!isValidVersionName(target)) throw new UnderstudyError('invalid_input', `"${target}" is neither a version name nor an http(s) URL`);
  const version = await store.versions.get(target);
  if (version === undefined)
    throw new UnderstudyError('not_found', `no version named "${target}" (add it with: understudy versions add ${target} --upstream URL)`);
  return version;
}
