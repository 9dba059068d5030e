// Types of libs/build/src/build.js (plain JavaScript: it runs before anything is compiled), for its tests.
export interface BuildStep {
  name: string;
  inputs(root: string): { folders: { dir: string; include(fileName: string, pathFromRoot: string): boolean }[]; files: string[] };
  run(outDir: string, root: string): void;
}
export interface BuildStatus {
  sources: string;
  built: { folder: string; sources: string; builtAt: string } | null;
  upToDate: boolean;
}
export const STEPS: BuildStep[];
export const BUILD_PREFIX: string;
export const PINS: string;
export const INFO_FILE: string;
export function inputFiles(root: string): string[];
export function sourceHash(root: string): string;
export function currentBuild(root: string): { dir: string; sources: string; builtAt: string } | null;
export function status(root: string): BuildStatus;
export function switchTo(root: string, dir: string): void;
export function prune(root: string, keep?: string[]): string[];
export function build(root: string, log: (line: string) => void): void;
export function compileTypeScript(root: string, tsconfig: string, outDir: string): void;
export interface BuiltProject {
  name: string;
  type?: string;
  root: string;
  sourceRoot: string;
  entryFile: string;
  tsConfigPath: string;
}
export function builtProjects(root: string): { tsconfig: string; projects: BuiltProject[] };
export function checkEntryFiles(outDir: string, projects: BuiltProject[]): void;
