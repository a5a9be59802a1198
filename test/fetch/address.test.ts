// Which addresses may be connected to without --allow-private.
import { describe, expect, it } from "vitest";
import { checkLiteralHost, guardedLookup, isPublicAddress } from "../../src/fetch/address.ts";

describe("address checks", () => {
  it("allows public unicast addresses only", () => {
    for (const a of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "64:ff9b::5db8:d822"]) expect(isPublicAddress(a), a).toBe(true);
    const refused = ["127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "100.64.0.1", "0.0.0.0", "::", "224.0.0.1", "ff02::1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:8.8.8.8", "64:ff9b::a00:1", "192.0.2.1"];
    for (const a of refused) expect(isPublicAddress(a), a).toBe(false);
  });

  it("refuses a URL written with a private IP and names the address and its kind", () => {
    expect(() => checkLiteralHost("127.0.0.1", false)).toThrow("refused: 127.0.0.1, not a public address (loopback); run with --allow-private to allow it");
    expect(() => checkLiteralHost("[::ffff:7f00:1]", false)).toThrow(/::ffff:7f00:1, not a public address \(IPv4-mapped IPv6\)/);
    expect(() => checkLiteralHost("10.0.0.1", true)).not.toThrow();
    expect(() => checkLiteralHost("example.com", false)).not.toThrow();
  });

  it("refuses a host name that resolves to a private address at connection time", async () => {
    const lookup = guardedLookup(false);
    const error = await new Promise<Error | null>((resolve) => lookup("localhost", { all: true }, (e) => resolve(e)));
    expect(error?.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), not a public address \(loopback\)/);
    const allowed = await new Promise<unknown>((resolve) => guardedLookup(true)("localhost", {}, (e, address) => resolve(e ?? address)));
    expect(allowed).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
