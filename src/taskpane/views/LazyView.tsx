/**
 * A view whose code loads on demand (a webpack chunk): a spinner while it loads, and where the file cannot be
 * fetched (the add-in's server unreachable, offline) a message in the pane's language with a button that tries
 * again — never a blank pane (an error thrown by a lazy component would otherwise unmount the whole pane).
 */
import { Component, Suspense, lazy, useState, type ComponentType, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useMessages } from "../i18n/i18n";

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

class LoadBoundary extends Component<{ failed: (retry: () => void) => ReactNode; onRetry: () => void; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError() {
    return { error: true };
  }
  override render() {
    return this.state.error ? this.props.failed(this.props.onRetry) : this.props.children;
  }
}

/** `load` imports the view's module; a failed load is retried by importing again (webpack fetches the chunk anew). */
export function lazyView<P extends object>(load: Loader<P>): ComponentType<P> {
  let View = lazy(load);
  return function LazyView(props: P) {
    const { t } = useMessages();
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      View = lazy(load);
      setAttempt((a) => a + 1);
    };
    return (
      <LoadBoundary
        key={attempt}
        onRetry={retry}
        failed={(again) => (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t.viewLoadFailed}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={again}>{t.retry}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      >
        <Suspense fallback={<Spinner label={t.loadingView} />}>
          <View {...props} />
        </Suspense>
      </LoadBoundary>
    );
  };
}
