import { z } from 'zod';

const tags = z.array(z.string()).default([]);
const text = z.string().optional();

/** One attendee of a `--profiles` file: the library's Profile, tag lists defaulting to []. */
export const profileSchema = z.strictObject({
  id: z.string().trim().min(1, 'must be a non-empty string'),
  name: text,
  role: text,
  company: text,
  seniority: text,
  ticketType: text,
  stack: tags,
  interests: tags,
  lookingFor: tags,
  canOffer: tags,
  languages: tags,
  blocks: z.array(z.string()).optional(),
  conflicts: z.array(z.string()).optional(),
  text,
  abstracts: z.array(z.string()).optional(),
  wishes: z.array(z.string()).optional(),
});

/** A `--profiles` file: a JSON array of profiles. */
export const profilesFileSchema = z.array(profileSchema);
