import { timingSafeEqual } from 'node:crypto';
import { keyedHasher } from '../common/keyed-hash';

const PREFIX = 'PW1-';
const MAC_LENGTH = 22; // base64url characters: 132 bits of the HMAC

/**
 * Attendees' check-in codes: `PW1-<attendee id, 22 base64url characters><signature, 22>`, 48 characters
 * a QR code holds in a small version and a person can still type. The signature is an HMAC-SHA-256 of
 * the event and the attendee under a key derived from the deployment's signing secret (keyedHasher,
 * purpose `pairwise:check-in`), so a code cannot be made up, and one of an event says nothing valid
 * at another (the event is in what is signed, not in the code).
 */
export class CheckInCodes {
  private readonly mac: (value: string) => string;

  constructor(secret: string | undefined) {
    this.mac = keyedHasher(secret, 'pairwise:check-in');
  }

  codeFor(eventId: string, attendeeId: string): string {
    return `${PREFIX}${Buffer.from(attendeeId.replace(/-/g, ''), 'hex').toString('base64url')}${this.signature(eventId, attendeeId)}`;
  }

  /** The attendee id a code names, or null when it is not shaped like a code (spaces and case of the prefix forgiven). */
  attendeeIdOf(code: string): string | null {
    const trimmed = code.replace(/\s+/g, '');
    if (trimmed.length !== PREFIX.length + 22 + MAC_LENGTH || trimmed.slice(0, PREFIX.length).toUpperCase() !== PREFIX) return null;
    const id = trimmed.slice(PREFIX.length, PREFIX.length + 22);
    if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
    const hex = Buffer.from(id, 'base64url').toString('hex');
    if (hex.length !== 32 || Buffer.from(hex, 'hex').toString('base64url') !== id) return null;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Whether `code` is the one `attendeeId` has at `eventId` (compared in constant time). */
  isSignedFor(code: string, eventId: string, attendeeId: string): boolean {
    const given = Buffer.from(code.replace(/\s+/g, '').slice(-MAC_LENGTH));
    const expected = Buffer.from(this.signature(eventId, attendeeId));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private signature(eventId: string, attendeeId: string): string {
    return this.mac(`${eventId}:${attendeeId.toLowerCase()}`).slice(0, MAC_LENGTH);
  }
}
