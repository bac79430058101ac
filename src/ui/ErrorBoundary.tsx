import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Keeps the shell usable when a panel or the map fails to render: a Chinese message and a retry, never a white page. */
export class ErrorBoundary extends Component<{ name: string; children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`[${this.props.name}]`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="panel error-boundary" role="alert" data-testid={`error-boundary-${this.props.name}`}>
        <strong>{this.props.name}显示出错</strong>：{this.state.error.message}
        <button type="button" onClick={() => this.setState({ error: null })}>
          重试
        </button>
      </div>
    );
  }
}
