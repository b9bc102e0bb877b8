import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary, renderFailure } from './ErrorBoundary';

function Fine() {
  return <p>all good</p>;
}

/** The boundary after React caught `error` below it: the state getDerivedStateFromError gives, rendered. */
function caught(region: string, error: unknown): string {
  const boundary = new ErrorBoundary({ region, children: <Fine /> });
  boundary.state = ErrorBoundary.getDerivedStateFromError(error);
  return renderToString(<>{boundary.render()}</>);
}

describe('ErrorBoundary', () => {
  it('renders its children while nothing failed', () => {
    expect(renderToString(<ErrorBoundary region="The sidebar"><Fine /></ErrorBoundary>)).toContain('all good');
  });

  it('after a render error shows which part failed, the error’s text and a Try again button, not the children', () => {
    const html = caught('The sidebar', new TypeError("Cannot read properties of undefined (reading 'name')"));
    expect(html).toContain('role="alert"');
    expect(html).toContain('The sidebar stopped working');
    expect(html).toContain('Cannot read properties of undefined (reading &#x27;name&#x27;)');
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    expect(html).not.toContain('all good');
  });

  it('a thrown value that is not an Error still reads as text', () => {
    expect(renderFailure('The response', 'boom')).toEqual({ code: 'INTERNAL', message: 'The response stopped working because of an error in RoleCall: boom' });
    expect(caught('The response', undefined)).toContain('Unknown error');
  });
});
