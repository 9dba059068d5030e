#!/usr/bin/env node
'use strict';
/**
 * The build, in one file that needs nothing but Node (it runs on a fresh clone, from `npm install`).
 *
 *   node libs/build/src/build.js               build now (`npm run build`)
 *   node libs/build/src/build.js --if-changed  build only when the sources differ from those dist/ was built from
 *                                              (`npm start`, `npm install`, the e2e tests, the benches)
 *   node libs/build/src/build.js --status      print { sources, built, upToDate } as JSON; exit 0 when up to date, 1 if not
 *
 * Every build goes into a fresh folder `.dist-<sources>-<time>` beside dist/, and dist/ is a symbolic
 * link that is then pointed at it in one step (a new link renamed over the old one). A running server
 * resolved its own folder when it started (Node resolves symbolic links in module paths), so a build
 * beside it never deletes or rewrites a file it may still load — its matching worker, a cluster
 * worker it restarts. Older folders are removed once no live process holds them (a server, the CLI
 * or a test writes `<folder>/.in-use/<pid>` while it runs: apps/api/src/common/build-pin.ts); the
 * folder dist/ pointed at just before is always kept, for a process that is starting from it.
 *
 * What TypeScript compiles comes from nest-cli.json: every project that names a `tsConfigPath` is built
 * (all with that one tsconfig, as one program), and each one's entry file (`<sourceRoot>/<entryFile>`)
 * must come out of it. To add a step, add an entry to STEPS: the inputs it reads (their contents decide
 * whether a build is needed) and how it writes into the build folder.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const DIST = 'dist';
const BUILD_PREFIX = '.dist-';
const INFO_FILE = 'build-info.json';
const PINS = '.in-use';
/** A folder with no build-info.json is a build under way (or an old dist/ moved aside); one older than this is removed. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

const isTypeScriptSource = (file) => file.endsWith('.ts') && !/\.(spec|spec-manual|e2e-spec)\.ts$/.test(file);

const NEST_CLI = 'nest-cli.json';
/** Compiled by the same tsconfig as the Nest projects, though they are not projects: the migrations and the benches. */
const OTHER_TYPESCRIPT_FOLDERS = ['migrations', 'bench'];

/**
 * The projects of nest-cli.json the build compiles: those naming a `tsConfigPath` (the others, such as the
 * test harness, run from their sources under jest). They must share one tsconfig: one program, one output tree.
 */
function builtProjects(root) {
  const file = path.join(root, NEST_CLI);
  let config;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${NEST_CLI}: ${error.code === 'ENOENT' ? 'missing: the build reads its projects from it' : error.message}`);
  }
  const projects = Object.entries(config.projects ?? {})
    .filter(([, project]) => project.compilerOptions?.tsConfigPath)
    .map(([name, project]) => ({ name, ...project, tsConfigPath: project.compilerOptions.tsConfigPath }));
  const tsconfigs = [...new Set(projects.map((project) => project.tsConfigPath))];
  if (tsconfigs.length !== 1) {
    throw new Error(`${NEST_CLI}: the built projects must name one tsConfigPath between them, not ${tsconfigs.length ? tsconfigs.join(', ') : 'none'}`);
  }
  for (const project of projects) {
    for (const key of ['root', 'sourceRoot', 'entryFile']) {
      if (typeof project[key] !== 'string' || !project[key]) throw new Error(`${NEST_CLI}: project "${project.name}" has no ${key}`);
    }
  }
  return { tsconfig: tsconfigs[0], projects };
}

/** Fails unless every built project's entry file was written: nest-cli.json says what the build makes. */
function checkEntryFiles(outDir, projects) {
  for (const project of projects) {
    const entry = path.posix.join(project.sourceRoot, `${project.entryFile}.js`);
    if (!fs.existsSync(path.join(outDir, entry))) {
      throw new Error(`${NEST_CLI}: project "${project.name}" names the entry file ${project.sourceRoot}/${project.entryFile}, but the build wrote no ${entry}`);
    }
  }
}

/**
 * What a build does. `inputs`: folders (with a filter on the file's name and its path from the
 * project root) and single files whose contents decide whether the step's output is stale.
 * `run(outDir, root)`: writes into the fresh build folder (the web app into `<build>/web`).
 */
const STEPS = [
  {
    name: 'API, CLI, benches and migrations (TypeScript)',
    inputs: (root) => {
      const { tsconfig, projects } = builtProjects(root);
      return {
        folders: [...projects.map((project) => project.root), ...OTHER_TYPESCRIPT_FOLDERS].map((dir) => ({ dir, include: isTypeScriptSource })),
        files: ['tsconfig.base.json', tsconfig],
      };
    },
    run: (outDir, root) => {
      const { tsconfig, projects } = builtProjects(root);
      compileTypeScript(root, path.join(root, tsconfig), outDir);
      checkEntryFiles(outDir, projects);
    },
  },
  {
    name: 'web app (GraphQL types generated from the schema, Vite, budget check, compressed copies)',
    inputs: () => ({
      // Everything the bundle is made of, the one library it imports (@pairwise/vocabulary) included;
      // not the generated types (made from the schema here) or tests.
      folders: [
        { dir: 'apps/web', include: (file, relative) => !/^apps\/web\/(dist|src\/gql)\//.test(relative) && !/\.spec\.tsx?$/.test(file) },
        { dir: 'libs/vocabulary', include: isTypeScriptSource },
      ],
      files: ['apps/api/schema.gql'],
    }),
    run: (outDir, root) => {
      run(process.execPath, ['apps/web/scripts/codegen.mjs'], root);
      const web = path.join(outDir, 'web');
      run(process.execPath, [binOf(root, 'vite', 'vite'), 'build', '--config', 'apps/web/vite.config.mts', '--outDir', web, '--logLevel', 'warn'], root);
      run(process.execPath, ['apps/web/scripts/check-budget.mjs', web], root); // the attendee route's JavaScript budget
      run(process.execPath, ['apps/web/scripts/compress.mjs', web], root); // Brotli and gzip copies the API serves
    },
  },
];

/** Files that change every step's output. */
const SHARED_INPUTS = ['package-lock.json', NEST_CLI, 'libs/build/src/build.js'];

/**
 * `tsc -p <tsconfig> --outDir <outDir>`, through TypeScript's API so that one more thing happens on
 * the way out: the `@pairwise/*` path aliases of tsconfig.base.json become relative paths in the
 * JavaScript (`require("../../../../libs/matching/src")`), which Node can load. Type errors fail the build.
 * (The Nest CLI did this; it brings Angular's schematics toolchain, whose current majors want Node 22.)
 */
function compileTypeScript(root, tsconfig, outDir) {
  const ts = require(require.resolve('typescript', { paths: [root, __dirname] }));
  const host = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  const fail = (diagnostics) => {
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
    throw new Error(`TypeScript: ${diagnostics.length} error${diagnostics.length > 1 ? 's' : ''}`);
  };
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, { outDir }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (config.errors.length > 0) fail(config.errors);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) fail(errors);
  const emitted = program.emit(undefined, undefined, undefined, false, { after: [aliasesToRelativePaths(ts, config.options)] });
  if (emitted.diagnostics.length > 0) fail(emitted.diagnostics);
}

/**
 * A transformer (after the CommonJS transform) that rewrites `require("<alias>")` for each exact
 * `paths` alias into the relative path from the file to the alias's target; the output mirrors the
 * sources (rootDir "."), so the relative path is the same there.
 */
function aliasesToRelativePaths(ts, options) {
  const base = options.pathsBasePath ?? options.baseUrl;
  const aliases = new Map(
    Object.entries(options.paths ?? {})
      .filter(([alias, targets]) => !alias.includes('*') && targets.length === 1)
      .map(([alias, [target]]) => [alias, path.resolve(base, target)]),
  );
  return (context) => (sourceFile) => {
    const relative = (specifier) => {
      const target = aliases.get(specifier);
      if (!target) return undefined;
      const from = path.relative(path.dirname(sourceFile.fileName), target).split(path.sep).join('/');
      return from.startsWith('.') ? from : `./${from}`;
    };
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        (ts.isIdentifier(node.expression) ? node.expression.text === 'require' : node.expression.kind === ts.SyntaxKind.ImportKeyword) &&
        node.arguments.length === 1 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const replaced = relative(node.arguments[0].text);
        if (replaced) return context.factory.updateCallExpression(node, node.expression, node.typeArguments, [context.factory.createStringLiteral(replaced)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}

/** The file a package's `bin` entry names (its `exports` may hide the path from require.resolve). */
function binOf(root, name, command) {
  const manifest = require.resolve(`${name}/package.json`, { paths: [root] });
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[command]);
}

function run(command, args, cwd) {
  // The same build whoever asks: jest runs the e2e global setup with NODE_ENV=test, and Vite would
  // then bundle React's development build (60 KB more for a phone).
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed (${result.signal ?? `exit code ${result.status}`})`);
}

function listFiles(root, dir, include) {
  const found = [];
  const walk = (relative) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (include(entry.name, child)) {
        found.push(child);
      }
    }
  };
  walk(dir);
  return found;
}

/** The input files of a build, relative to root, sorted. */
function inputFiles(root) {
  const files = new Set(SHARED_INPUTS);
  for (const step of STEPS) {
    const inputs = step.inputs(root);
    for (const file of inputs.files) files.add(file);
    for (const { dir, include } of inputs.folders) for (const file of listFiles(root, dir, include)) files.add(file);
  }
  return [...files].sort();
}

/**
 * A hash of every input's path and contents: what a build was made from. Contents, not times:
 * a checkout or a copy that touches files without changing them does not cause a build.
 */
function sourceHash(root) {
  const hash = crypto.createHash('sha256');
  for (const file of inputFiles(root)) {
    hash.update(file).update('\0');
    try {
      hash.update(fs.readFileSync(path.join(root, file)));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      hash.update('(missing)');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The build dist/ points at, with what it was built from; null when there is none (or an old-style dist/). */
function currentBuild(root) {
  try {
    const dir = fs.realpathSync(path.join(root, DIST));
    const info = JSON.parse(fs.readFileSync(path.join(dir, INFO_FILE), 'utf8'));
    return { dir, sources: info.sources, builtAt: info.builtAt };
  } catch {
    return null;
  }
}

function status(root) {
  const sources = sourceHash(root);
  const built = currentBuild(root);
  return { sources, built: built && { folder: path.basename(built.dir), sources: built.sources, builtAt: built.builtAt }, upToDate: built?.sources === sources };
}

function pin(dir) {
  fs.mkdirSync(path.join(dir, PINS), { recursive: true });
  fs.writeFileSync(path.join(dir, PINS, String(process.pid)), '');
}

function unpin(dir) {
  fs.rmSync(path.join(dir, PINS, String(process.pid)), { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // alive, someone else's
  }
}

/** Whether a live process holds the build folder; pins of dead processes are removed on the way. */
function isHeld(dir) {
  let pins;
  try {
    pins = fs.readdirSync(path.join(dir, PINS));
  } catch {
    return false;
  }
  let held = false;
  for (const name of pins) {
    if (isAlive(Number(name))) held = true;
    else fs.rmSync(path.join(dir, PINS, name), { force: true });
  }
  return held;
}

/** Points dist at `dir` in one step: a new link renamed over the old one (rename is atomic). */
function switchTo(root, dir) {
  const dist = path.join(root, DIST);
  let stat = null;
  try {
    stat = fs.lstatSync(dist);
  } catch {
    // no dist yet
  }
  if (stat && !stat.isSymbolicLink()) {
    // A dist/ folder from before builds were switched: moved aside whole, so a process running from it
    // keeps its files, and removed like an abandoned build an hour later (it has no build-info.json).
    const legacy = path.join(root, `${BUILD_PREFIX}legacy-${Date.now().toString(36)}`);
    fs.renameSync(dist, legacy);
    fs.utimesSync(legacy, new Date(), new Date());
  }
  const link = path.join(root, `${BUILD_PREFIX}link-${process.pid}`);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.basename(dir), link, 'junction');
  fs.renameSync(link, dist);
}

/**
 * Removes build folders nobody needs: not dist's, not `keep` (the one dist pointed at before the
 * switch), not one a live process holds, not one still being built.
 */
function prune(root, keep = []) {
  const current = currentBuild(root)?.dir;
  const kept = new Set([current, ...keep].filter(Boolean).map((dir) => path.resolve(dir)));
  const removed = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(BUILD_PREFIX)) continue;
    const dir = path.join(root, entry.name);
    if (kept.has(dir) || isHeld(dir)) continue;
    const complete = fs.existsSync(path.join(dir, INFO_FILE));
    if (!complete && Date.now() - fs.statSync(dir).mtimeMs < ABANDONED_AFTER_MS) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/** Builds into a fresh folder, points dist at it, and removes the folders nobody needs any more. */
function build(root, log) {
  const sources = sourceHash(root); // before compiling: a file edited meanwhile makes the next check build again
  const started = Date.now();
  const dir = path.join(root, `${BUILD_PREFIX}${sources.slice(0, 12)}-${started.toString(36)}-${process.pid}`);
  fs.mkdirSync(dir);
  pin(dir); // a build beside this one must not prune it half-way
  try {
    for (const step of STEPS) {
      log(`build: ${step.name}`);
      step.run(dir, root);
    }
    fs.writeFileSync(path.join(dir, INFO_FILE), `${JSON.stringify({ sources, builtAt: new Date().toISOString(), node: process.version }, null, 2)}\n`);
    const previous = currentBuild(root)?.dir;
    switchTo(root, dir);
    const removed = prune(root, previous ? [previous] : []);
    log(`build: dist -> ${path.basename(dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s${removed.length ? ` (removed ${removed.length} old build${removed.length > 1 ? 's' : ''})` : ''}`);
  } catch (error) {
    unpin(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  unpin(dir);
}

function main(argv) {
  const root = path.resolve(__dirname, '../../..');
  const log = (line) => process.stderr.write(`${line}\n`);
  if (argv.includes('--status')) {
    const state = status(root);
    process.stdout.write(`${JSON.stringify(state)}\n`);
    return state.upToDate ? 0 : 1;
  }
  if (argv.includes('--if-changed')) {
    const state = status(root);
    if (state.upToDate) {
      log(`build: dist is up to date (${state.built.folder})`);
      return 0;
    }
    log(state.built ? `build: the sources changed since ${state.built.folder}` : 'build: no build yet');
  }
  build(root, log);
  return 0;
}

module.exports = { STEPS, builtProjects, checkEntryFiles, compileTypeScript, inputFiles, sourceHash, currentBuild, status, switchTo, prune, build, BUILD_PREFIX, PINS, INFO_FILE };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exitCode = 1;
  }
}
