import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateConference } from '@pairwise/matching';

/**
 * `npm run bench:cli [-- RUNS]`: how long the built `pairwise` takes, whole process (Node start-up
 * included), the way hyperfine measures it: one warm-up run, then RUNS runs (default 10) of each
 * command, reporting the fastest, the median and the slowest wall time and the median CPU time
 * (user + system, from GNU time when the machine has it: on a loaded machine CPU time is the better
 * estimate of an idle one). Targets: `--help` under 0.3 s; `plan` for n = 2,000 under 1 s.
 */
const cli = path.resolve(__dirname, '../../../apps/cli/bin/pairwise.js');
const GNU_TIME = '/usr/bin/time';

interface Sample {
  wall: number;
  cpu: number | null;
}

function once(args: string[]): Sample {
  const timed = fs.existsSync(GNU_TIME);
  const started = performance.now();
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', 'cpu %U %S', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`pairwise ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const times = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr ?? '');
  return { wall, cpu: times ? Number(times[1]) + Number(times[2]) : null };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const runs = Number(process.argv[2] ?? 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-bench-cli-'));
  try {
    const profiles = path.join(dir, 'profiles-2000.json');
    fs.writeFileSync(profiles, JSON.stringify(generateConference(2000, 'pairwise-bench-1')));
    const cases: [string, string[], number][] = [
      ['pairwise --help', ['--help'], 0.3],
      ['pairwise --version', ['--version'], 0.3],
      ['pairwise plan, n = 2,000', ['plan', '--profiles', profiles], 1],
    ];
    const load = os.loadavg()[0]!.toFixed(1);
    process.stdout.write(`\n${runs} runs each after a warm-up; Node ${process.version}, ${os.cpus().length} cores, load average ${load} at the start\n\n`);
    process.stdout.write('| command | target | fastest | median | slowest | median CPU (user + sys) |\n|---|---|---|---|---|---|\n');
    for (const [label, args, target] of cases) {
      once(args);
      const samples = Array.from({ length: runs }, () => once(args));
      const walls = samples.map((s) => s.wall);
      const cpus = samples.flatMap((s) => (s.cpu === null ? [] : [s.cpu]));
      const seconds = (value: number) => `${value.toFixed(2)} s`;
      process.stdout.write(
        `| ${label} | < ${target} s | ${seconds(Math.min(...walls))} | ${seconds(median(walls))} | ${seconds(Math.max(...walls))} | ${cpus.length ? seconds(median(cpus)) : '—'} |\n`,
      );
    }
    process.stdout.write(`\nload average ${os.loadavg()[0]!.toFixed(1)} at the end\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
