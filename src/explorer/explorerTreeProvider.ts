// The thin VS Code side of the explorer, behind ExplorerView (which VS Code holds from
// activation on): hands the model's nodes to the tree view, shows progress on the view
// while a node loads, and puts dragged fields on the data transfer.
import * as vscode from 'vscode';
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

export class ExplorerTreeProvider {
  private readonly asked = new Set<string>();
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rows drawn without a name they wait for, redrawn together when names come in. */
  private readonly waitingForNames = new Set<ContactNode>();
  /** Contact rows open in the tree: not redrawn for a name (that would redraw the fields under them). */
  private readonly expanded = new Set<string>();

  constructor(
    readonly model: ExplorerModel,
    private readonly timeZone: () => TimeZoneChoice,
    private readonly names?: ExplorerNames,
  ) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node, this.model, this.timeZone(), (n) => this.namesOf(n));
  }

  /** Names known now; the others are looked up in the background and the tree redrawn once. */
  private namesOf(node: ContactNode): FactNames {
    const names: FactNames = {};
    const source = this.names;
    if (!source) return names;
    for (const [fact, kind] of [['queue', 'queue'], ['agent', 'user']] as const) {
      const id = node.facts[fact];
      if (!id || !idPattern.test(id)) continue;
      const known = source.peek(node, kind, id);
      if (known !== undefined) {
        names[fact] = known;
        continue;
      }
      this.waitingForNames.add(node);
      const key = JSON.stringify([node.ref.profile, node.ref.region, node.ref.instanceId, kind, id]);
      if (this.asked.has(key)) continue;
      this.asked.add(key);
      void source.load(node, kind, id).then(() => this.scheduleRedraw());
    }
    return names;
  }

  /** Names came in: the rows that waited for one are drawn again, a batch at a time, each row alone. */
  private scheduleRedraw(): void {
    if (this.redrawTimer !== undefined) return;
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      const rows = [...this.waitingForNames].filter((n) => !this.expanded.has(n.id));
      for (const n of rows) this.waitingForNames.delete(n);
      this.model.redrawNodes(rows);
    }, 150);
  }

  /** The tree view tells which rows are open (VS Code's expand and collapse events). */
  setExpanded(node: ExplorerNode, expanded: boolean): void {
    if (node.kind !== 'contact') return;
    if (expanded) this.expanded.add(node.id);
    else this.expanded.delete(node.id);
  }

  /** Names are asked for again after a refresh (the cache may have been cleared). */
  forgetAskedNames(): void {
    this.asked.clear();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const loading = this.model.children(node);
    // Only calls that can reach the network show the view's progress bar.
    if (node && (node.kind === 'account' || node.kind === 'contact' || (node.kind === 'group' && node.group === 'recent'))) {
      void vscode.window.withProgress({ location: { viewId: contactsViewId } }, () => loading.catch(() => undefined));
    }
    return loading;
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
