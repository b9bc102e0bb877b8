// A request's timeout and redirect setting in its file's `settings` block, beside the signing options authBlock.ts
// keeps there. Redirects use Postman's own key, `followRedirects`, so Postman honours it too; Postman has no
// per-request timeout, so that one is RoleCall's `rolecall.timeoutMs`. Only what the request sets is written.
import { REQUEST_TIMEOUT_MAX_MS, REQUEST_TIMEOUT_MIN_MS, type RequestSettings } from '../../models/requestSettings';
import { fieldProblem, has, readBoolean, readNumber, type YamlFile } from './yamlText';

const TIMEOUT_KEY = 'rolecall.timeoutMs';

/** The entries to add to `settings`, in a fixed order; empty when the request keeps the defaults. */
export function requestSettingsToYaml(settings: RequestSettings | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (settings?.followRedirects !== undefined) out.followRedirects = settings.followRedirects;
  if (settings?.timeoutMs !== undefined) out[TIMEOUT_KEY] = settings.timeoutMs;
  return out;
}

/** The request's settings read from `settings`; undefined when it sets none. Bad values are named and skipped. */
export function requestSettingsFromYaml(file: YamlFile): RequestSettings | undefined {
  const out: RequestSettings = {};
  if (has(file, ['settings', 'followRedirects'])) {
    const before = file.problems.length;
    const follow = readBoolean(file, ['settings', 'followRedirects'], false);
    if (file.problems.length === before) out.followRedirects = follow;
  }
  if (has(file, ['settings', TIMEOUT_KEY])) {
    const ms = readNumber(file, ['settings', TIMEOUT_KEY]);
    if (ms !== undefined && Number.isInteger(ms) && ms >= REQUEST_TIMEOUT_MIN_MS && ms <= REQUEST_TIMEOUT_MAX_MS) out.timeoutMs = ms;
    else if (ms !== undefined) fieldProblem(file, ['settings', TIMEOUT_KEY], `must be whole milliseconds from ${REQUEST_TIMEOUT_MIN_MS} to ${REQUEST_TIMEOUT_MAX_MS}; the default (30000) is used`);
  }
  return Object.keys(out).length ? out : undefined;
}
