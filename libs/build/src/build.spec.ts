import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_PREFIX, INFO_FILE, PINS, builtProjects, checkEntryFiles, compileTypeScript, inputFiles, prune, sourceHash, status, switchTo } from './build';

/** A project folder with a few sources, as the build's steps read them. */
function project(): { root: string; write(file: string, content: string): void; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-build-'));
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };
  write('apps/api/src/main.ts', 'export const a = 1;\n');
  write('apps/api/src/main.spec.ts', 'it("a", () => undefined);\n');
  write('libs/matching/src/index.ts', 'export const b = 2;\n');
  write('tsconfig.base.json', '{}');
  write('apps/tsconfig.app.json', '{}');
  write('package-lock.json', '{}');
  write('nest-cli.json', JSON.stringify(nestCli()));
  return { root, write, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A nest-cli.json as ours: api, cli and matching built with one tsconfig; testing, a tests-only library, not built. */
function nestCli(extra: Record<string, unknown> = {}) {
  const built = { compilerOptions: { tsConfigPath: 'apps/tsconfig.app.json' } };
  return {
    monorepo: true,
    projects: {
      api: { type: 'application', root: 'apps/api', sourceRoot: 'apps/api/src', entryFile: 'main', ...built },
      cli: { type: 'application', root: 'apps/cli', sourceRoot: 'apps/cli/src', entryFile: 'main', ...built },
      matching: { type: 'library', root: 'libs/matching', sourceRoot: 'libs/matching/src', entryFile: 'index', ...built },
      testing: { type: 'library', root: 'libs/testing', sourceRoot: 'libs/testing/src', entryFile: 'index' },
      ...extra,
    },
  };
}

/** A finished build folder of `root` made from `sources`. */
function buildFolder(root: string, name: string, sources = 'x'): string {
  const dir = path.join(root, `${BUILD_PREFIX}${name}`);
  fs.mkdirSync(path.join(dir, 'apps'), { recursive: true });
  fs.writeFileSync(path.join(dir, INFO_FILE), JSON.stringify({ sources, builtAt: new Date().toISOString() }));
  return dir;
}

function pinBy(dir: string, pid: number): void {
  fs.mkdirSync(path.join(dir, PINS), { recursive: true });
  fs.writeFileSync(path.join(dir, PINS, String(pid)), '');
}

describe('libs/build/src/build.js', () => {
  let p: ReturnType<typeof project>;
  beforeEach(() => {
    p = project();
  });
  afterEach(() => p.cleanup());

  describe('whether a build is needed', () => {
    it('follows the contents of the sources, not their times, and not the tests', () => {
      const first = sourceHash(p.root);
      fs.utimesSync(path.join(p.root, 'apps/api/src/main.ts'), new Date(2000, 1, 1), new Date(2000, 1, 1));
      p.write('apps/api/src/main.spec.ts', 'it("b", () => undefined);\n');
      expect(sourceHash(p.root)).toBe(first);

      p.write('apps/api/src/main.ts', 'export const a = 2;\n');
      const edited = sourceHash(p.root);
      expect(edited).not.toBe(first);
      p.write('apps/cli/src/new.ts', '');
      expect(sourceHash(p.root)).not.toBe(edited);
      p.write('package-lock.json', '{"lockfileVersion":3}');
      expect(new Set([first, edited, sourceHash(p.root)]).size).toBe(3);
    });

    it('is up to date only when dist points at a build of the current sources', () => {
      expect(status(p.root)).toMatchObject({ built: null, upToDate: false });
      const dir = buildFolder(p.root, 'current', sourceHash(p.root));
      switchTo(p.root, dir);
      expect(status(p.root)).toMatchObject({ built: { folder: path.basename(dir) }, upToDate: true });
      p.write('libs/matching/src/index.ts', 'export const b = 3;\n');
      expect(status(p.root).upToDate).toBe(false);
    });
  });

  describe('reading the projects from nest-cli.json', () => {
    it('builds the projects that name a tsConfigPath, with it; their folders (not the tests-only library) decide whether to build', () => {
      expect(builtProjects(p.root)).toMatchObject({ tsconfig: 'apps/tsconfig.app.json', projects: [{ name: 'api' }, { name: 'cli' }, { name: 'matching' }] });
      p.write('libs/testing/src/index.ts', 'export const t = 1;\n');
      p.write('apps/cli/src/main.ts', 'export const c = 1;\n');
      expect(inputFiles(p.root)).toEqual(
        expect.arrayContaining(['nest-cli.json', 'apps/tsconfig.app.json', 'apps/api/src/main.ts', 'apps/cli/src/main.ts', 'libs/matching/src/index.ts']),
      );
      expect(inputFiles(p.root)).not.toContain('libs/testing/src/index.ts');
      // A new project is an input as soon as nest-cli.json names it.
      p.write('apps/worker/src/main.ts', 'export const w = 1;\n');
      const before = sourceHash(p.root);
      p.write('nest-cli.json', JSON.stringify(nestCli({ worker: { type: 'application', root: 'apps/worker', sourceRoot: 'apps/worker/src', entryFile: 'main', compilerOptions: { tsConfigPath: 'apps/tsconfig.app.json' } } })));
      expect(inputFiles(p.root)).toContain('apps/worker/src/main.ts');
      expect(sourceHash(p.root)).not.toBe(before);
    });

    it('refuses a missing nest-cli.json, projects with different tsconfigs, and a project without an entry file', () => {
      fs.rmSync(path.join(p.root, 'nest-cli.json'));
      expect(() => sourceHash(p.root)).toThrow('nest-cli.json: missing: the build reads its projects from it');
      p.write('nest-cli.json', JSON.stringify(nestCli({ other: { type: 'library', root: 'libs/other', sourceRoot: 'libs/other/src', entryFile: 'index', compilerOptions: { tsConfigPath: 'libs/other/tsconfig.json' } } })));
      expect(() => builtProjects(p.root)).toThrow('nest-cli.json: the built projects must name one tsConfigPath between them, not apps/tsconfig.app.json, libs/other/tsconfig.json');
      p.write('nest-cli.json', JSON.stringify(nestCli({ api: { type: 'application', root: 'apps/api', sourceRoot: 'apps/api/src', compilerOptions: { tsConfigPath: 'apps/tsconfig.app.json' } } })));
      expect(() => builtProjects(p.root)).toThrow('nest-cli.json: project "api" has no entryFile');
    });

    it('fails a build that did not write an entry file nest-cli.json names', () => {
      const out = path.join(p.root, 'out');
      const { projects } = builtProjects(p.root);
      for (const file of ['apps/api/src/main.js', 'apps/cli/src/main.js', 'libs/matching/src/index.js']) p.write(`out/${file}`, '');
      expect(() => checkEntryFiles(out, projects)).not.toThrow();
      fs.rmSync(path.join(out, 'apps/cli/src/main.js'));
      expect(() => checkEntryFiles(out, projects)).toThrow('nest-cli.json: project "cli" names the entry file apps/cli/src/main, but the build wrote no apps/cli/src/main.js');
    });
  });

  describe('switching dist', () => {
    it('points the dist link at the new build and leaves the old build whole', () => {
      const old = buildFolder(p.root, 'old');
      switchTo(p.root, old);
      const next = buildFolder(p.root, 'next');
      switchTo(p.root, next);
      expect(fs.readlinkSync(path.join(p.root, 'dist'))).toBe(path.basename(next));
      expect(fs.existsSync(path.join(old, INFO_FILE))).toBe(true);
    });

    it('moves an old-style dist folder aside whole, where a process running from it keeps its files', () => {
      p.write('dist/apps/api/src/main.js', 'old');
      switchTo(p.root, buildFolder(p.root, 'next'));
      const legacy = fs.readdirSync(p.root).find((name) => name.startsWith(`${BUILD_PREFIX}legacy-`))!;
      expect(fs.readFileSync(path.join(p.root, legacy, 'apps/api/src/main.js'), 'utf8')).toBe('old');
      expect(fs.lstatSync(path.join(p.root, 'dist')).isSymbolicLink()).toBe(true);
    });
  });

  describe('compiling TypeScript', () => {
    const tsconfig = (root: string) => {
      const file = path.join(root, 'tsconfig.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', rootDir: '.', strict: true, types: [], paths: { '@demo/lib': ['./libs/lib/src'] } },
          include: ['apps/**/*.ts', 'libs/**/*.ts'],
          exclude: ['**/*.spec.ts'],
        }),
      );
      return file;
    };

    it('writes JavaScript in which the path aliases are relative paths Node can load', () => {
      p.write('libs/lib/src/index.ts', 'export const answer: number = 42;\n');
      p.write('apps/demo/src/main.ts', "import { answer } from '@demo/lib';\nexport const doubled = answer * 2;\n");
      const out = path.join(p.root, 'out');
      compileTypeScript(p.root, tsconfig(p.root), out);
      expect(fs.readFileSync(path.join(out, 'apps/demo/src/main.js'), 'utf8')).toContain('require("../../../libs/lib/src")');
      const main = path.join(out, 'apps/demo/src/main.js');
      expect(spawnSync(process.execPath, ['-p', `require(${JSON.stringify(main)}).doubled`], { encoding: 'utf8' }).stdout).toBe('84\n');
    });

    it('fails on a type error and writes nothing', () => {
      p.write('libs/lib/src/index.ts', 'export const answer: number = "forty-two";\n');
      const out = path.join(p.root, 'out');
      expect(() => compileTypeScript(p.root, tsconfig(p.root), out)).toThrow('TypeScript: 1 error');
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  describe('removing old builds', () => {
    it('keeps the current and previous builds, those a live process holds and one under way; removes the rest', () => {
      const current = buildFolder(p.root, 'current');
      switchTo(p.root, current);
      const previous = buildFolder(p.root, 'previous');
      const held = buildFolder(p.root, 'held');
      pinBy(held, process.pid);
      const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
      const heldByTheDead = buildFolder(p.root, 'held-by-the-dead');
      pinBy(heldByTheDead, deadPid);
      buildFolder(p.root, 'unused');
      fs.mkdirSync(path.join(p.root, `${BUILD_PREFIX}under-way`));
      const abandoned = path.join(p.root, `${BUILD_PREFIX}abandoned`);
      fs.mkdirSync(abandoned);
      fs.utimesSync(abandoned, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));

      const removed = prune(p.root, [previous]);

      expect(removed.sort()).toEqual([`${BUILD_PREFIX}abandoned`, `${BUILD_PREFIX}held-by-the-dead`, `${BUILD_PREFIX}unused`]);
      expect(fs.readdirSync(p.root).filter((name) => name.startsWith(BUILD_PREFIX)).sort()).toEqual(
        ['current', 'held', 'previous', 'under-way'].map((name) => `${BUILD_PREFIX}${name}`),
      );
    });
  });
});
