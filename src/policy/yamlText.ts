// A small YAML writer for CloudFormation snippets: plain objects, arrays, strings, numbers and booleans only.
// Every string is single-quoted, so no value can be read back as a number, a boolean, a tag or an alias.

export function yamlText(value: unknown): string {
  return `${lines(value, 0).join('\n')}\n`;
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      const inner = lines(item, indent + 2);
      const first = (inner[0] as string).slice(indent + 2);
      return [`${pad}- ${first}`, ...inner.slice(1)];
    });
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([key, child]) => {
      const name = /^[A-Za-z_][\w.-]*$/.test(key) ? key : quote(key);
      if (isScalar(child) || isEmpty(child)) return [`${pad}${name}: ${lines(child, 0)[0]}`];
      return [`${pad}${name}:`, ...lines(child, indent + 2)];
    });
  }
  return [`${pad}${scalar(value)}`];
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function isEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  return quote(String(v));
}

/** Single-quoted YAML: only "'" needs escaping (doubled). Line breaks would fold there, so text holding a control
 * character is written double-quoted with JSON's escapes, which YAML reads the same way. */
function quote(text: string): string {
  if (/[\u0000-\u001f\u007f]/.test(text)) return JSON.stringify(text);
  return `'${text.replace(/'/g, "''")}'`;
}
