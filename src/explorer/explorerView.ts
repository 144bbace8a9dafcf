// The sidebar view's provider and drag controller as VS Code sees them from activation on:
// they forward to the explorer (ExplorerTreeProvider), created when the view first asks for
// nodes, so a window that never shows the view never builds it.
import * as vscode from 'vscode';
import { dragMimeType } from './explorerDrag';
import type { ExplorerNode } from './explorerNodes';
import type { ExplorerTreeProvider } from './explorerTreeProvider';

export class ExplorerView implements vscode.TreeDataProvider<ExplorerNode>, vscode.TreeDragAndDropController<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly dragMimeTypes = [dragMimeType];
  readonly dropMimeTypes: string[] = [];
  private provider: ExplorerTreeProvider | undefined;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly load: () => ExplorerTreeProvider) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return this.real().getTreeItem(node);
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return this.real().getChildren(node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.real().getParent(node);
  }

  handleDrag(source: readonly ExplorerNode[], dataTransfer: vscode.DataTransfer): void {
    this.real().handleDrag(source, dataTransfer);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }

  private real(): ExplorerTreeProvider {
    if (!this.provider) {
      this.provider = this.load();
      this.subscription = this.provider.model.onDidChange((node) => this.changed.fire(node));
    }
    return this.provider;
  }
}
