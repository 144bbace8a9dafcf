// The lookup history and pinned contacts, kept in globalState so they survive reloads and
// follow the user across workspaces. Each write re-reads the stored list and applies one
// change to it rather than writing back a copy held since earlier. globalState has no
// transactions: two windows writing at the same moment can still lose one of the changes.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import { sameContact } from '../contact/contactIdentity';
import {
  addEntry,
  clearEntries,
  filterEntries,
  parseStoredEntries,
  removeEntry,
  type HistoryEntry,
  type HistoryFilter,
} from '../explorer/historyEntries';

export type { HistoryEntry, HistoryFilter } from '../explorer/historyEntries';

export const historyStorageKey = 'connectContacts.history.v1';
export const pinnedStorageKey = 'connectContacts.pinned.v1';
/** Pins are deliberate: far more room than the history, but not unbounded. */
const maxPinned = 1000;

export class HistoryStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly maxEntries: () => number,
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** This window's lookups and other windows' ones, newest first. */
  entries(filter?: HistoryFilter): HistoryEntry[] {
    // A lowered maxEntries shows at once, before the next write trims the stored list.
    return filterEntries(this.read(historyStorageKey).slice(0, Math.max(0, this.maxEntries())), filter);
  }

  add(entry: HistoryEntry): Promise<void> {
    return this.write(historyStorageKey, (stored) => addEntry(stored, entry, this.maxEntries()));
  }

  remove(ref: ContactRef): Promise<void> {
    return this.write(historyStorageKey, (stored) => removeEntry(stored, ref));
  }

  /** Clears the history (only the entries the filter matches, when given). Pins stay. */
  clear(filter?: HistoryFilter): Promise<void> {
    return this.write(historyStorageKey, (stored) => clearEntries(stored, filter));
  }

  pinned(filter?: HistoryFilter): HistoryEntry[] {
    return filterEntries(this.read(pinnedStorageKey), filter);
  }

  isPinned(ref: ContactRef): boolean {
    return this.read(pinnedStorageKey).some((e) => sameContact(e, ref));
  }

  /** Pins a contact; `lookedUpAt` is taken as the time it was pinned (newest pin first). */
  pin(entry: ContactRef & Partial<HistoryEntry>): Promise<void> {
    const pinned: HistoryEntry = { ...entry, lookedUpAt: new Date().toISOString() };
    return this.write(pinnedStorageKey, (stored) => addEntry(stored, pinned, maxPinned));
  }

  unpin(ref: ContactRef): Promise<void> {
    return this.write(pinnedStorageKey, (stored) => removeEntry(stored, ref));
  }

  /** Tells listeners to re-read (e.g. after another window changed the lists). */
  notifyChanged(): void {
    this.changed.fire();
  }

  private read(key: string): HistoryEntry[] {
    return parseStoredEntries(this.memento.get<unknown>(key));
  }

  /** Read, change and write with no `await` between them: nothing in this window can interleave. */
  private async write(key: string, change: (stored: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
    const next = change(this.read(key));
    const done = this.memento.update(key, next);
    this.changed.fire();
    await done;
  }
}
