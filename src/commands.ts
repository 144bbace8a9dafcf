// The one command table: every command id maps to its handler here and is registered in one loop.
import * as vscode from 'vscode';

export type CommandHandler = (...args: never[]) => unknown;
export type CommandTable = Record<string, CommandHandler>;

/** Every command the manifest declares: activation registers these, and the features' table must have a handler for each (smoke test). */
export function declaredCommandIds(packageJson: { contributes?: { commands?: { command: string }[] } }): string[] {
  return (packageJson.contributes?.commands ?? []).map((c) => c.command);
}

export function registerCommandTable(context: vscode.ExtensionContext, table: CommandTable): void {
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));
  }
}
