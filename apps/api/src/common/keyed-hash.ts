import { createHmac, randomBytes } from 'node:crypto';

/**
 * A keyed hash (HMAC-SHA-256, base64url) for keys that name people (an email, an address) in tables or
 * caches every process shares: the same value gives the same key in every process of one deployment,
 * and the store holds nothing readable. The key derives from the deployment's signing secret and
 * `purpose`; without a secret (one development process) it is random, so keys last as long as the process.
 */
export function keyedHasher(secret: string | undefined, purpose: string): (value: string) => string {
  const key = secret ? createHmac('sha256', secret).update(purpose).digest() : randomBytes(32);
  return (value) => createHmac('sha256', key).update(value).digest('base64url');
}
