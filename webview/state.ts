// Saved panel state, for the panel serializer: the contact's reference and the view (time
// zone, filter, open rows), never the contact itself, which VS Code would write to disk. A
// reloaded window fetches the contact again. Saving is deferred a little and coalesced:
// nobody waits for it, and a 10,000-row tree's open keys need not be collected per keystroke.
import type { PanelState } from '../src/protocol/messages';
import type { HostConnection } from './vscodeApi';

const saveDelayMs = 150;

export class StateSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: HostConnection,
    private readonly snapshot: () => PanelState | undefined,
  ) {
    // A hidden or closing page saves what it has right away.
    addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush();
    });
  }

  schedule(delayMs = saveDelayMs): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), delayMs);
  }

  /** Right after the current task: a new contact is saved at once, but after it is drawn. */
  soon(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(0);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const state = this.snapshot();
    if (state) this.host.saveState(state);
  }
}
