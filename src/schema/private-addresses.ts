import { BlockList, isIP } from "node:net";

/**
 * The editor's own computer and private networks: on a published page, an address there reaches no reader. IPv6's
 * forms that carry an IPv4 address (`::127.0.0.1`, NAT64's `64:ff9b::`, 6to4's `2002::`) are no public site's.
 */
const privateNetworks = new BlockList();
for (const [network, bits] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15]] as const) privateNetworks.addSubnet(network, bits, "ipv4");
for (const [network, bits] of [["::", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10]] as const) privateNetworks.addSubnet(network, bits, "ipv6");
/** Names kept for a computer itself and for local networks (RFC 6761, 6762, 8375, and ICANN's .internal). */
const privateNames = /(^|\.)(localhost|local|internal|home\.arpa)$/;

/** A web address's host as a name or an IP address: an IPv6 address without its brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, "");

/** Whether an IP address is the computer's own or on a private network. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  return version !== 0 && privateNetworks.check(address, version === 4 ? "ipv4" : "ipv6");
}

/**
 * The host of a web address when it is the editor's own computer or on a private network, as written: an IP address
 * there, a name kept for one, or a name of one word (`http://intranet/`), which only a local network resolves.
 */
export function privateHost(url: URL): string | undefined {
  const host = hostOf(url).replace(/\.$/, "");
  return isPrivateAddress(host) || privateNames.test(host) || (!host.includes(".") && isIP(host) === 0) ? host : undefined;
}

/** Whether a private host is the computer the address is opened on itself, rather than another on its network. */
export const isOwnComputer = (host: string): boolean => /(^|\.)localhost$|^127\.|^::1$/.test(host);
