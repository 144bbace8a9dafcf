// Which settings scope a picker writes to: the one that supplies the current value, so a
// workspace value cannot silently override what the person just picked. Pure: no `vscode`.

/** What `WorkspaceConfiguration.inspect()` reports, trimmed to the scopes these settings have. */
export interface InspectedSetting {
  globalValue?: unknown;
  workspaceValue?: unknown;
}

export interface ScopeChoice {
  scope: 'user' | 'workspace';
  /** Said to the person when the pick goes anywhere but their user settings. */
  note?: string;
}

export function scopeForPick(key: string, inspected: InspectedSetting | undefined): ScopeChoice {
  if (inspected?.workspaceValue !== undefined) {
    return {
      scope: 'workspace',
      note: `Saved in this workspace's settings: they set ${key}, which overrides your user settings here.`,
    };
  }
  return { scope: 'user' };
}
