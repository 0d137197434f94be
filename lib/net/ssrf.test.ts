import { describe, expect, it } from "vitest";
import { assertPublicUrl, BlockedUrlError, isAllowedHost, nonPublicRange, type Resolver } from "./ssrf";

const fakeDns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addrs = table[host];
    if (!addrs) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return addrs.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("nonPublicRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.0.0.2", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::a00:1", "rfc6052"],
  ])("refuses %s (%s)", (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  // IPv6 spellings that carry an IPv4 address: mapped ones are judged as that address, the rest refused outright.
  it.each([
    ["::127.0.0.1", "ipv4Compatible"],
    ["::7f00:1", "ipv4Compatible"],
    ["0:0:0:0:0:0:127.0.0.1", "ipv4Compatible"],
    ["::a9fe:a9fe", "ipv4Compatible"],
    ["::8.8.8.8", "ipv4Compatible"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:a9fe:a9fe", "linkLocal"],
    ["::ffff:0:127.0.0.1", "rfc6145"],
    ["64:ff9b::127.0.0.1", "rfc6052"],
    ["64:ff9b::8.8.8.8", "rfc6052"],
    ["64:ff9b:1::a00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["2002:808:808::1", "6to4"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
  ])("refuses the IPv4-embedding %s (%s)", (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(["fe80::1%eth0", "1.2.3", "0x7f.0.0.1", "::ffff:zz"])("refuses the unparseable %s", (address) => {
    expect(nonPublicRange(address)).not.toBeNull();
  });

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "::ffff:808:808"])(
    "accepts public %s",
    (address) => {
      expect(nonPublicRange(address)).toBeNull();
    },
  );
});

describe("assertPublicUrl", () => {
  const refuse = async (url: string, opts = {}) => {
    const err = await assertPublicUrl(url, opts).catch((e) => e);
    expect(err).toBeInstanceOf(BlockedUrlError);
    expect(err.reason).toBe("blocked");
    return err as BlockedUrlError;
  };

  it("refuses loopback, private and metadata literals", async () => {
    expect((await refuse("http://127.0.0.1:8080/feed")).message).toMatch(/127\.0\.0\.1.*loopback/);
    await refuse("http://10.0.0.1/");
    expect((await refuse("http://169.254.169.254/latest/meta-data/")).message).toMatch(/linkLocal/);
    await refuse("http://[::1]/");
    await refuse("http://[::ffff:127.0.0.1]/");
    await refuse("http://[fd12::1]/");
    await refuse("http://0.0.0.0/");
  });

  it("refuses IPv6 literals that embed a loopback or metadata IPv4 address", async () => {
    expect((await refuse("http://[::127.0.0.1]/")).message).toMatch(/ipv4Compatible/);
    await refuse("http://[::7f00:1]:8080/");
    await refuse("http://[0:0:0:0:0:0:169.254.169.254]/");
    await refuse("http://[::ffff:0:127.0.0.1]/");
    await refuse("http://[64:ff9b::127.0.0.1]/");
    await refuse("http://[2002:7f00:1::1]/");
    await refuse("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/");
  });

  it("refuses a name whose DNS answer spells an IPv4-compatible address", async () => {
    const resolve = fakeDns({ "compat.example": ["::127.0.0.1"], "compat2.example": ["::8.8.8.8"] });
    expect((await refuse("https://compat.example/", { resolve })).message).toMatch(/ipv4Compatible/);
    await refuse("https://compat2.example/", { resolve });
  });

  it("refuses numeric host tricks, which the URL parser normalises to dotted quads", async () => {
    expect(new URL("http://2130706433/").hostname).toBe("127.0.0.1");
    expect(new URL("http://0x7f.1/").hostname).toBe("127.0.0.1");
    expect(new URL("http://017700000001/").hostname).toBe("127.0.0.1");
    await refuse("http://2130706433/");
    await refuse("http://0x7f.1/");
    await refuse("http://017700000001/");
    await refuse("http://0xa9.0xfe.0xa9.0xfe/"); // 169.254.169.254
  });

  it("refuses localhost through real DNS (hosts file)", async () => {
    await refuse("http://localhost/");
  });

  it("refuses other schemes, credentials and garbage", async () => {
    expect((await refuse("file:///etc/passwd")).message).toMatch(/http and https/);
    await refuse("ftp://example.com/");
    await refuse("gopher://example.com/");
    expect((await refuse("http://user:pw@example.com/")).message).toMatch(/credentials/);
    await refuse("not a url");
  });

  it("refuses a host when any one of its addresses is private", async () => {
    const resolve = fakeDns({ "mixed.example": ["93.184.216.34", "10.0.0.5"], "public.example": ["93.184.216.34"] });
    expect((await refuse("https://mixed.example/", { resolve })).message).toMatch(/10\.0\.0\.5/);
    await expect(assertPublicUrl("https://public.example/x", { resolve })).resolves.toMatchObject({
      address: "93.184.216.34",
      family: 4,
    });
  });

  it("refuses hosts that do not resolve", async () => {
    expect((await refuse("http://nowhere.invalid/", { resolve: fakeDns({}) })).message).toMatch(/ENOTFOUND/);
  });

  it("lets allowHosts through, matching host or host:port", async () => {
    await expect(assertPublicUrl("http://127.0.0.1:4000/", { allowHosts: ["127.0.0.1:4000"] })).resolves.toMatchObject({
      address: "127.0.0.1",
    });
    await expect(assertPublicUrl("http://127.0.0.1:4000/", { allowHosts: ["127.0.0.1"] })).resolves.toBeTruthy();
    await refuse("http://127.0.0.1:4001/", { allowHosts: ["127.0.0.1:4000"] });
    await refuse("http://127.0.0.2:4000/", { allowHosts: ["127.0.0.1:4000"] });
    await expect(assertPublicUrl("http://[::1]:4000/", { allowHosts: ["[::1]:4000"] })).resolves.toMatchObject({
      family: 6,
    });
  });

  it("isAllowedHost uses the scheme's default port", () => {
    expect(isAllowedHost(new URL("http://fixture.test/"), ["fixture.test:80"])).toBe(true);
    expect(isAllowedHost(new URL("https://fixture.test/"), ["fixture.test:80"])).toBe(false);
    expect(isAllowedHost(new URL("https://Fixture.Test./"), ["fixture.test"])).toBe(true);
    expect(isAllowedHost(new URL("https://fixture.test/"), [])).toBe(false);
  });
});
