// Entry point. Kept tiny: activation wires the VS Code layer; nothing here loads the AWS SDK.
import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Wired in the VS Code layer commit.
}

export function deactivate(): void {
  // Disposables are in context.subscriptions.
}
