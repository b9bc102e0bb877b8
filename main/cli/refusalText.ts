// A refusal explained for a terminal or a CI log: the cause, who was refused doing what, what to check, how to fix
// it. Printed on stderr so stdout stays the response body (or the --json document).
import type { Refusal } from '../../src/models/refusal';

export function refusalText(refusal: Refusal): string {
  const lines = [`Why AWS said no: ${refusal.title} [${refusal.id}]`, `  ${refusal.explanation}`];
  if (refusal.principal) lines.push(`  principal: ${refusal.principal}`);
  if (refusal.action) lines.push(`  action:    ${refusal.action}`);
  if (refusal.resource) lines.push(`  resource:  ${refusal.resource}`);
  if (refusal.clockOffsetSeconds !== undefined) lines.push(`  clock offset: ${refusal.clockOffsetSeconds} s (AWS minus this computer)`);
  for (const note of refusal.likelihood) lines.push(`  likely: ${note}`);
  lines.push('Check:', ...refusal.checks.map((c) => `  - ${c}`));
  lines.push('Fix:', ...refusal.fixes.map((f) => `  - ${f}`));
  if (refusal.requestId) lines.push(`AWS request id: ${refusal.requestId}`);
  return lines.join('\n');
}
