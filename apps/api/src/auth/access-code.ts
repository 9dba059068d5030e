import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed on phones at the venue. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh code like `7KQ2-MZ4P-X9TB` (12 symbols of 31: ~59 bits). */
export function generateAccessCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Case, spaces and dashes do not matter when a person types the code. */
export function hashAccessCode(code: string): string {
  const canonical = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return createHash('sha256').update(canonical).digest('hex');
}
