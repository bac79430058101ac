import { Component, type ErrorInfo, type ReactNode } from 'react';
import { msg, type MessageKey } from '../i18n';
import { appStore } from '../state/store';

/**
 * Keeps the shell usable when a panel or the map fails to render: a message in the user's language and a
 * retry, never a white page. `name` is the catalogue key of the panel's name.
 */
export class ErrorBoundary extends Component<{ name: MessageKey; children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[${this.props.name}]`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const lang = appStore.getState().lang;
    return (
      <div className="panel error-boundary" role="alert" data-testid={`error-boundary-${this.props.name}`}>
        <strong>{msg(lang, 'shell.panelFailed', { name: msg(lang, this.props.name) })}</strong>: {this.state.error.message}
        <button type="button" onClick={() => this.setState({ error: null })}>
          {msg(lang, 'shell.retry')}
        </button>
      </div>
    );
  }
}
