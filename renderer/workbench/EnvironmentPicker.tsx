// The active environment, in the header: its variables are looked up first when a request is resolved.
// Environments themselves are created and edited in the sidebar.
import { useWorkspace } from '../state/workspace';

export function EnvironmentPicker() {
  const ws = useWorkspace();
  return (
    <label className="environment-picker">
      <span className="muted">Environment</span>
      <select
        aria-label="Active environment"
        value={ws.activeEnvironmentId ?? ''}
        disabled={!ws.ready}
        onChange={(event) => void ws.setEnvironments(ws.environments, event.target.value || undefined).catch(() => undefined)}
      >
        <option value="">No environment</option>
        {ws.environments.map((env) => (
          <option key={env.id} value={env.id}>
            {env.name}
          </option>
        ))}
      </select>
    </label>
  );
}
