// A GraphQL request body as sent over HTTP (AppSync, and any server following the GraphQL-over-HTTP draft):
// application/json {"query", "variables", "operationName"}. The variables are kept as JSON text so they can hold
// {{variables}}; once resolved they are placed in the body as the user wrote them (big numbers keep their digits).
// Text that is not a JSON object is still sent, so the server's own error shows; the editor warns before that.

export const GRAPHQL_CONTENT_TYPE = 'application/json';

/** The JSON text to send. Blank variables and a blank operation name are left out. */
export function graphqlPayload(query: string, variables: string, operationName?: string): string {
  let text = `{"query":${JSON.stringify(query)}`;
  const vars = variables.trim();
  if (vars !== '') text += `,"variables":${vars}`;
  const name = operationName?.trim();
  if (name) text += `,"operationName":${JSON.stringify(name)}`;
  return `${text}}`;
}

/** Why the variables text cannot be sent as JSON variables, or undefined when it can (blank is fine). */
export function graphqlVariablesProblem(variables: string): string | undefined {
  const vars = variables.trim();
  if (vars === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(vars);
  } catch {
    return 'Variables are not valid JSON.';
  }
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) return 'Variables must be a JSON object, like { "id": "1" }.';
  return undefined;
}
