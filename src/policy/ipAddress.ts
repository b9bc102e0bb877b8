// IPv4 and IPv6 addresses and CIDR ranges for IpAddress / NotIpAddress, as numbers so a range test is a mask.

interface Parsed {
  bits: 32 | 128;
  value: bigint;
}

export function parseIp(text: string): Parsed | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { bits: 32, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  let head = text;
  let tailV4: bigint | undefined;
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const parsed = parseIp(v4[2] as string);
    if (!parsed) return undefined;
    tailV4 = parsed.value;
    head = `${v4[1]}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return { bits: 128, value };
}

/** True when `address` lies in `cidr` ("10.0.0.0/8", "2001:db8::/32", or one address). */
export function ipInRange(address: string, cidr: string): boolean | undefined {
  const [base, prefixText] = cidr.split('/');
  const ip = parseIp(address);
  const net = parseIp(base ?? '');
  if (!ip || !net) return undefined;
  if (ip.bits !== net.bits) return false;
  const prefix = prefixText === undefined ? net.bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > net.bits) return undefined;
  const shift = BigInt(net.bits - prefix);
  return ip.value >> shift === net.value >> shift;
}
