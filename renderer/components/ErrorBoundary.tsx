// A render error in one part of the window stops that part only: it is replaced by a readable message with the
// error's text and a "Try again" button, while the rest of the app keeps working. React calls this only for errors
// thrown while rendering (not in event handlers, which show their own errors).
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { AppError } from '../../src/errors';
import { ErrorBox } from './ErrorBox';

interface Props {
  /** What the user calls the part this guards, e.g. "The sidebar". */
  region: string;
  children: ReactNode;
}

interface State {
  error?: unknown;
}

/** What the user reads when `region` failed with `error`. */
export function renderFailure(region: string, error: unknown): AppError {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    code: 'INTERNAL',
    message: `${region} stopped working because of an error in RoleCall: ${text}`,
    ...(stack ? { detail: stack } : {}),
  };
}

export function RenderFailure({ region, error, onRetry }: { region: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="render-failure">
      <ErrorBox error={renderFailure(region, error)} title="Something went wrong" />
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.region} failed to render:`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: undefined });

  override render(): ReactNode {
    if (this.state.error !== undefined) return <RenderFailure region={this.props.region} error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}
