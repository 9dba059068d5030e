import ipaddr from 'ipaddr.js';

/**
 * The network a client address stands for when counting failed sign-ins: an IPv4 address as it
 * is, an IPv6 address by its /64 (one subscriber line or host gets a whole /64, and could
 * otherwise change address at every attempt). An IPv4 address written as IPv6 (`::ffff:a.b.c.d`,
 * as a dual-stack socket reports it) is the IPv4 address.
 */
export function clientNetwork(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const groups = (parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4);
  return `${groups.join(':')}::/64`;
}
