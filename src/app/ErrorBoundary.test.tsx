import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { LoadError } from './LoadState.tsx';

function Bomb({ explode }: { explode: boolean }): React.ReactNode {
  if (explode) throw new RangeError('Invalid time value');
  return <p>Drawn fine</p>;
}

afterEach(() => vi.unstubAllGlobals());

describe('ErrorBoundary', () => {
  test('shows what broke and a way to reload instead of a blank page, with one console error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    render(
      <>
        <p>The rest of the page</p>
        <ErrorBoundary label="The timeline"><Bomb explode /></ErrorBoundary>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The timeline could not be shown');
    expect(alert).toHaveTextContent('Invalid time value');
    expect(screen.getByText('The rest of the page')).toBeInTheDocument();
    expect(errors).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('"Try again" draws the children again once the cause is gone', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Harness() {
      const [explode, setExplode] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setExplode(false)}>Fix it</button>
          <ErrorBoundary label="The event list"><Bomb explode={explode} /></ErrorBoundary>
        </>
      );
    }
    render(<Harness />);
    await userEvent.click(screen.getByRole('button', { name: 'Fix it' }));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Drawn fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('LoadError', () => {
  test.each([
    ['timeout', 'The timeline’s data is taking too long'],
    ['cut-off', 'The timeline’s data was cut off'],
    ['empty', 'This timeline has no events yet'],
    ['version', 'This timeline’s data is in another format'],
    ['invalid', 'The timeline could not be shown'],
  ] as const)('names a %s problem in its heading, and offers "Try again"', async (kind, title) => {
    const onRetry = vi.fn();
    render(<LoadError problem="The details." kind={kind} onRetry={onRetry} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
