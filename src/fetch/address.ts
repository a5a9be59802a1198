// Which addresses Digest may connect to. A feed is written by someone else, so its links must not make
// Digest probe the reader's own network: only public unicast addresses are allowed unless the reader
// says otherwise. The check runs on the address a connection actually uses (the agent's `lookup`), so a
// name that resolves differently the second time (DNS rebinding) is caught, and again on every redirect.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/** ipaddr.js's name for the range an address is in; "unicast" is a public address. */
function rangeOf(address: string): string {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/%.*$/, ""));
  } catch {
    return "unparseable";
  }
  const range = ip.range();
  // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits: judge that one.
  if (range === "rfc6052" && ip.kind() === "ipv6") {
    const parts = (ip as ipaddr.IPv6).parts;
    const v4 = new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);
    return v4.range();
  }
  return range;
}

export function isPublicAddress(address: string): boolean {
  return rangeOf(address) === "unicast";
}

/** true: any address; false: public ones only; a function: public ones and the private ones it accepts. */
export type PrivatePolicy = boolean | ((address: string) => boolean);

function permitted(address: string, allowPrivate: PrivatePolicy): boolean {
  return isPublicAddress(address) || allowPrivate === true || (typeof allowPrivate === "function" && allowPrivate(address));
}

export class RefusedAddress extends Error {
  readonly code = "EDIGESTREFUSED";
  constructor(host: string, address: string) {
    const via = host === address ? address : `${host} resolves to ${address}`;
    super(`refused: ${via}, not a public address (${describe(rangeOf(address))}); run with --allow-private to allow it`);
  }
}

function describe(range: string): string {
  const names: Record<string, string> = {
    loopback: "loopback",
    private: "private",
    linkLocal: "link-local",
    uniqueLocal: "unique local",
    carrierGradeNat: "carrier-grade NAT",
    unspecified: "unspecified",
    multicast: "multicast",
    broadcast: "broadcast",
    ipv4Mapped: "IPv4-mapped IPv6",
    reserved: "reserved",
  };
  return names[range] ?? range;
}

/** Throws for a URL whose host is written as an IP address that is not public (Node does not look those up). */
export function checkLiteralHost(hostname: string, allowPrivate: PrivatePolicy): void {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (isIP(bare) && !permitted(bare, allowPrivate)) throw new RefusedAddress(bare, bare);
}

/** A `lookup` for http(s).Agent that refuses names resolving to any non-public address. */
export function guardedLookup(allowPrivate: PrivatePolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const refused = addresses.find((a) => !permitted(a.address, allowPrivate));
      if (refused) return callback(new RefusedAddress(hostname, refused.address), "");
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
      callback(null, first.address, first.family);
    });
  };
}
