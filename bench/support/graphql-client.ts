/**
 * A GraphQL caller for the benches: POSTs to `url` (with a Bearer token when given) and returns `data`,
 * throwing on any GraphQL error, so a bench never times a refused call as if it had worked.
 */
export function graphqlClient(url: string) {
  return async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const payload = (await response.json()) as { data?: T; errors?: unknown[] };
    if (payload.errors?.length || !payload.data) throw new Error(`GraphQL call failed (${response.status}): ${JSON.stringify(payload.errors)}`);
    return payload.data;
  };
}
