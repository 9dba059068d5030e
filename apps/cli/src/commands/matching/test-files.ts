import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandOutput } from './io';

/** A temporary folder for CLI test files, removed by `cleanup()`. */
export function tempFiles(): { write(name: string, content: unknown): string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-cli-'));
  return {
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects what a command writes to its output. */
export function captureOutput(): CommandOutput & { text(): string } {
  let buffer = '';
  return {
    write(text) {
      buffer += text;
    },
    text: () => buffer,
  };
}
