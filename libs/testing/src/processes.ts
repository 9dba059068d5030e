import { execFile, type ChildProcess, type ExecFileOptions } from 'node:child_process';
import { promisify } from 'node:util';
import { closeLater } from './cleanup';

const execFileAsync = promisify(execFile);

/**
 * Kills `child` after the test file's hooks if it still runs then (a test that failed or timed out
 * half-way), and waits for it to exit. Pass `{ group: true }` for a child spawned with `detached: true`:
 * it leads a process group, and the whole group goes.
 * Returns the child, so a spawn reads `trackProcess(spawn(...))`.
 */
export function trackProcess<T extends ChildProcess>(child: T, options: { group?: boolean } = {}): T {
  const stop = closeLater(() => killAndWait(child, options.group ?? false));
  child.once('exit', () => void stop());
  return child;
}

/**
 * `execFile`, promised (it rejects on a non-zero exit with `code`, `stdout` and `stderr`), with the child
 * tracked: a CLI run that outlives its test is killed with the file's cleanup.
 */
export function runFile(file: string, args: readonly string[], options: ExecFileOptions = {}): Promise<{ stdout: string; stderr: string }> {
  const running = execFileAsync(file, args, { maxBuffer: 64 * 1024 * 1024, ...options, encoding: 'utf8' });
  trackProcess(running.child);
  return running;
}

/** Whether a process of that id is running (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killAndWait(child: ChildProcess, group: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      // A detached child was spawned as a process group leader (its pgid is its pid).
      if (group) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      resolve(); // already gone
    }
  });
}
