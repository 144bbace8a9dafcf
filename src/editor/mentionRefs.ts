// Which contact a mention in a document is: the instance from its ARN or the document, else the
// instance last used in the active profile and region (what Describe Contact's first step offers);
// the profile is always the active one, as for any other lookup.
import * as vscode from 'vscode';
import type { AccountResolver } from '../account/accountResolver';
import { isInputError, parseContactInput, parseInstanceInput } from '../aws/ids';
import type { AccountTarget, ContactRef } from '../aws/types';
import type { MentionTarget } from '../contact/contactMentions';

export type ResolvedMention = { ok: true; ref: ContactRef } | { ok: false; message: string };

export class MentionRefs {
  constructor(
    private readonly accounts: AccountResolver,
    /** The instance of the newest lookup in this profile and region, if any. */
    private readonly lastInstance: (account: AccountTarget) => string | undefined,
  ) {}

  async resolve(target: MentionTarget & { profile?: string }): Promise<ResolvedMention> {
    const contact = parseContactInput(target.contactId);
    if (isInputError(contact)) return { ok: false, message: contact.message };
    const active = await this.accounts.active();
    const profile = target.profile ?? active.profile;
    const region = target.region ?? (profile === active.profile ? active.region : (await this.accounts.regionFor(profile)).region);
    if (!region) return { ok: false, message: active.regionProblem ?? vscode.l10n.t('No AWS region is set: run Amazon Connect: Select Region.') };
    const instanceId = target.instanceId ?? this.lastInstance({ profile, region });
    if (!instanceId) {
      return {
        ok: false,
        message: vscode.l10n.t(
          'Which instance? This text names none (no instance ARN or InstanceId), and nothing was looked up yet in {0} · {1}. Describe a contact once to pick the instance, or add the instance ARN to the text.',
          profile,
          region,
        ),
      };
    }
    const instance = parseInstanceInput(instanceId);
    if (isInputError(instance)) return { ok: false, message: instance.message };
    return { ok: true, ref: { profile, region, instanceId: instance.instanceId, contactId: contact.contactId } };
  }
}
