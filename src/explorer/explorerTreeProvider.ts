// The thin VS Code side of the explorer, behind ExplorerView (which VS Code holds from
// activation on): hands the model's nodes to the tree view, shows progress on the view
// while a node loads, and puts dragged fields on the data transfer.
import * as vscode from 'vscode';
import type { FieldDocsTable } from '../contact/fieldDocs';
import type { TimeZoneChoice } from '../contact/format';
import { contactsViewId } from '../manifestIds';
import { dragMimeType, dragText } from './explorerDrag';
import type { ExplorerModel } from './explorerModel';
import type { ContactNode, ExplorerNode } from './explorerNodes';
import type { FactNames } from './contactLabels';
import { toTreeItem } from './treeItemMapper';

/** Queue and agent names for contact labels: what is known now, and a background lookup of the rest. */
export interface ExplorerNames {
  peek(node: ContactNode, kind: 'queue' | 'user', id: string): string | undefined;
  /** Resolves when the name is known (or cannot be); never throws. */
  load(node: ContactNode, kind: 'queue' | 'user', id: string): Promise<void>;
}

const idPattern = /^[A-Za-z0-9_-]{1,256}$/;

/** How long a listing waits for the names of its queues and agents before it is drawn with IDs. */
export const namesWaitMs = 600;

export class ExplorerTreeProvider {
  private readonly asked = new Set<string>();

  constructor(
    readonly model: ExplorerModel,
    private readonly timeZone: () => TimeZoneChoice,
    private readonly names?: ExplorerNames,
    private readonly fieldDocs: () => FieldDocsTable | undefined = () => undefined,
    private readonly waitMs: number = namesWaitMs,
  ) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node, this.model, this.timeZone(), (n) => this.namesOf(n), this.fieldDocs);
  }

  /**
   * Rows are drawn once, with the names known by then: a listing waits briefly for the names of
   * its queues and agents (looked up in the background); those that come later fill the cache for
   * the next drawing. Rows never change under the person afterwards (a redraw closed their menus).
   */
  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const loading = this.model.children(node);
    // Only calls that can reach the network show the view's progress bar.
    if (node && (node.kind === 'account' || node.kind === 'contact' || (node.kind === 'group' && node.group === 'recent'))) {
      void vscode.window.withProgress({ location: { viewId: contactsViewId } }, () => loading.catch(() => undefined));
    }
    const children = await loading;
    const pending = children.flatMap((child) => (child.kind === 'contact' ? this.lookUpNames(child) : []));
    if (pending.length > 0) await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, this.waitMs))]);
    return children;
  }

  /** Names known now, for the row being drawn. */
  private namesOf(node: ContactNode): FactNames {
    const names: FactNames = {};
    for (const [fact, kind] of [['queue', 'queue'], ['agent', 'user']] as const) {
      const id = node.facts[fact];
      const known = id && idPattern.test(id) ? this.names?.peek(node, kind, id) : undefined;
      if (known !== undefined) names[fact] = known;
    }
    return names;
  }

  /** Starts the lookups of a row's queue and agent names not known yet (each once). */
  private lookUpNames(node: ContactNode): Promise<void>[] {
    const source = this.names;
    if (!source) return [];
    const out: Promise<void>[] = [];
    for (const [fact, kind] of [['queue', 'queue'], ['agent', 'user']] as const) {
      const id = node.facts[fact];
      if (!id || !idPattern.test(id) || source.peek(node, kind, id) !== undefined) continue;
      const key = JSON.stringify([node.ref.profile, node.ref.region, node.ref.instanceId, kind, id]);
      if (this.asked.has(key)) continue;
      this.asked.add(key);
      out.push(source.load(node, kind, id));
    }
    return out;
  }

  /** Names are asked for again after a refresh (the cache may have been cleared). */
  forgetAskedNames(): void {
    this.asked.clear();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.model.parent(node);
  }

  /** Dragging fields into an editor inserts their values (see explorerDrag.ts for why text/plain only). */
  handleDrag(source: readonly ExplorerNode[], dataTransfer: vscode.DataTransfer): void {
    const text = dragText(source);
    if (text !== undefined) dataTransfer.set(dragMimeType, new vscode.DataTransferItem(text));
  }
}
