/**
 * A bench's numeric options from `--name value` pairs, over `defaults` (whose keys are the options there
 * are). A value `accepts` refuses (by default anything but a positive number), or an unknown option,
 * fails with the usage line, so a typo never runs a bench with its defaults unnoticed.
 */
export function parseOptions<T extends Record<string, number>>(argv: readonly string[], defaults: T, accepts: (value: number, key: keyof T) => boolean = (value) => Number.isFinite(value) && value > 0): T {
  const options: Record<string, number> = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '') ?? '';
    const value = Number(argv[i + 1]);
    if (!(key in defaults) || !accepts(value, key)) {
      const usage = Object.keys(defaults).map((name) => `[--${name} ${defaults[name]}]`).join(' ');
      throw new Error(`usage: run.js ${usage}; bad "${argv[i]} ${argv[i + 1]}"`);
    }
    options[key] = value;
  }
  return options as T;
}

/** For options counted in whole things, some of which may be none. */
export const wholeAtLeast = (least: number) => (value: number) => Number.isInteger(value) && value >= least;
