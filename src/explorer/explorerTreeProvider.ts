// The thin VS Code side of the explorer, behind ExplorerView (which VS Code holds from
// activation on): hands the model's nodes to the tree view, shows progress on the view
// while a node loads, and puts dragged fields on the data transfer.
import * as vscode from 'vscode';
import type { TimeZoneChoice } from '../contact/format';
import { contactsViewId } from '../manifestIds';
import { dragMimeType, dragText } from './explorerDrag';
import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode } from './explorerNodes';
import { toTreeItem } from './treeItemMapper';

export class ExplorerTreeProvider {
  constructor(
    readonly model: ExplorerModel,
    private readonly timeZone: () => TimeZoneChoice,
  ) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node, this.model, this.timeZone());
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
