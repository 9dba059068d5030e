/**
 * What a demo seeding takes, and its defaults: apart from the seeder, so that `pairwise demo --help`
 * shows the defaults without loading the API.
 */
export interface DemoOptions {
  slug: string;
  attendees: number;
  /** Share of attendees checked in, 0 to 1. */
  presentShare: number;
  seed: string;
  /** Delete an existing event with this slug (and everything in it) first. */
  reset: boolean;
}

export const DEMO_DEFAULTS: DemoOptions = { slug: 'demo', attendees: 300, presentShare: 0.9, seed: 'demo', reset: false };
export const DEMO_MAX_ATTENDEES = 10_000;
