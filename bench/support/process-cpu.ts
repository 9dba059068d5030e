import fs from 'node:fs';
import { Client } from 'pg';

/** User + system CPU of a process so far (all its threads), in milliseconds (/proc/<pid>/stat, in clock ticks of 10 ms); 0 once it is gone. */
export function cpuMillis(pid: number, thread?: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
  } catch {
    return 0;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A process and its descendants (e.g. an API primary and its cluster workers), by pid. */
export function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parentOf) if (parent === tree[i]) tree.push(pid);
  return tree;
}

/**
 * The CPU the API (`apiPid` and its descendants) and the PostgreSQL server processes serving `database` use
 * from `start()` to `stop()`, in milliseconds: what the work costs whatever else the machine runs, i.e. about
 * what it would take on an idle machine where it had a core to itself. PostgreSQL's backends are found through
 * pg_stat_activity (the server must run on this machine); a backend that appears meanwhile counts whole.
 */
export async function cpuMeter(apiPid: number, databaseUrl: string) {
  const database = new URL(databaseUrl).pathname.slice(1);
  // A connection of its own for each look: a long-lived one would count itself, and could be cut meanwhile.
  const backends = async () => {
    const client = new Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows.map((row) => row.pid);
    } finally {
      await client.end();
    }
  };
  const sample = async () => {
    const tree = processTree(apiPid);
    const api = new Map(tree.map((pid) => [pid, cpuMillis(pid)]));
    const apiMain = new Map(tree.map((pid) => [pid, cpuMillis(pid, pid)]));
    const postgres = new Map((await backends()).map((pid) => [pid, cpuMillis(pid)]));
    return { api, apiMain, postgres };
  };
  const before = await sample();
  /** apiMainMs: the API processes' main threads alone (their event loops); the rest of apiMs is their other threads (the matching worker, GC helpers). */
  return async (): Promise<{ apiMs: number; apiMainMs: number; postgresMs: number }> => {
    const after = await sample();
    const spent = (now: Map<number, number>, then: Map<number, number>) => [...now].reduce((sum, [pid, ms]) => sum + ms - (then.get(pid) ?? 0), 0);
    return { apiMs: spent(after.api, before.api), apiMainMs: spent(after.apiMain, before.apiMain), postgresMs: spent(after.postgres, before.postgres) };
  };
}

/** The largest peak resident set (VmHWM) among a process and its descendants so far, in MB. */
export function peakRssMb(root: number): number {
  let peak = 0;
  for (const pid of processTree(root)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(peak);
}
