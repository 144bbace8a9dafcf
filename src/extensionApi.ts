// What `activate` returns. Other extensions get `describeContact` only; the extension-host tests
// also get `testing` (services, panels, …), and only when VS Code runs the extension in test mode,
// so nothing else can reach the extension's insides. The features are imported as types only.
import type { DescribeArgs, DescribeResult } from './describe/describeContact';
import type { Features } from './extension';

/** `instanceId` may be left out when `contactId` is a contact ARN. */
export interface DescribeContactArgs {
  instanceId?: string;
  contactId: string;
  profile?: string;
  region?: string;
}

/** `vscode.extensions.getExtension('connect-contact-tools.connect-contact-explorer').exports`. */
export interface ContactExplorerApi {
  /**
   * Looks the contact up and opens (or focuses) its panel. Resolves with the contact, or with
   * undefined when the lookup failed (the person is shown why); rejects when no contact ID is given.
   * Needs no `this`: callers may destructure it.
   */
  describeContact(this: void, args: DescribeContactArgs): Promise<DescribeResult | undefined>;
}

/**
 * What the extension-host tests read. Reading a member loads the features. `services` is the
 * contact cache, the lookup history and the context the tests inspect (Features.stores).
 */
export type TestHooks = Pick<Features, 'panels' | 'explorer' | 'shownErrors' | 'commands' | 'hoverCards'> & { services: Features['stores'] };

export type ExtensionApi = ContactExplorerApi & { testing?: TestHooks };

export interface ExtensionApiParts {
  /** `context.extensionMode === vscode.ExtensionMode.Test`. */
  testMode: boolean;
  /** Runs Describe Contact with arguments (the command). */
  describe(args: DescribeArgs): PromiseLike<DescribeResult | undefined>;
  /** The features, loaded on first use. */
  load(): Features;
}

export function buildExtensionApi(parts: ExtensionApiParts): ExtensionApi {
  const api: ExtensionApi = {
    describeContact: async (args) => parts.describe(describeContactArgs(args)),
  };
  if (parts.testMode) api.testing = testHooks(() => parts.load());
  return api;
}

/** Only the four known strings; without a contact ID the command would prompt, which a caller did not ask for. */
function describeContactArgs(raw: unknown): DescribeArgs {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof r.contactId !== 'string' || r.contactId.trim() === '') {
    throw new TypeError('describeContact needs {contactId, instanceId?, profile?, region?} with a contact ID or contact ARN.');
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { contactId: r.contactId, instanceId: text(r.instanceId), profile: text(r.profile), region: text(r.region) };
}

function testHooks(load: () => Features): TestHooks {
  return {
    get services() {
      return load().stores;
    },
    get panels() {
      return load().panels;
    },
    get explorer() {
      return load().explorer;
    },
    get shownErrors() {
      return load().shownErrors;
    },
    get commands() {
      return load().commands;
    },
    get hoverCards() {
      return load().hoverCards;
    },
  };
}
