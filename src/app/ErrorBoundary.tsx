import { Component, type ErrorInfo, type ReactNode } from 'react';
import styles from './ErrorBoundary.module.css';

type Props = {
  /** What this boundary wraps, as the reader would name it: "The timeline", "The event list". */
  label: string;
  children: ReactNode;
};
type State = { error: Error | null };

/**
 * Catches a render failure in its subtree and shows what broke, with a way to try again and to
 * reload, instead of a blank page; the rest of the page keeps working. React itself logs the
 * caught error once (console.error), so this adds no second log. Wrap each feature in one, e.g.
 * `<ErrorBoundary label="The event list"><EventList … /></ErrorBoundary>`.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Logged by React (onCaughtError): one console error per failure.
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert" className={styles.card}>
        <h2 className={styles.title}>{this.props.label} could not be shown</h2>
        <p>Something in the page failed while drawing it. The error was:</p>
        <p className={styles.message}><code>{error.message || error.name}</code></p>
        <div className={styles.actions}>
          <button type="button" className={styles.primary} onClick={() => window.location.reload()}>Reload the page</button>
          <button type="button" className={styles.secondary} onClick={() => this.setState({ error: null })}>Try again</button>
        </div>
      </section>
    );
  }
}
