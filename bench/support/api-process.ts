/**
 * The environment of an API process a bench starts as a deployment would (NODE_ENV=production) on
 * 127.0.0.1:`port`, over the bench's own environment; `settings` adds or overrides variables.
 */
export function productionApiEnv(databaseUrl: string, port: number, settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...settings };
}

/** Node's own arguments for the API processes, from BENCH_API_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
export const benchApiNodeArgs = (): string[] => process.env.BENCH_API_ARGS?.split(' ').filter(Boolean) ?? [];
