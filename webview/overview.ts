// The Overview view: the contact's story at a glance, from the contact itself and the story the
// host sends as its parts arrive (names, attributes, chain, evaluations, references). Every
// section has its place from the start ("Loading…") and is redrawn in place only when what it
// shows changes; the keyboard stays on its control and what the person is reading stays where
// it is on screen (the page is re-anchored after each update).
import type { JsonObject } from '../src/contact/contactDocument';
import type { ContactStory } from '../src/contact/story';
import { isWebUrl, type TimeZoneChoice } from '../src/protocol/messages';
import { AttributesSection } from './attributesList';
import { fillChain } from './chainPicture';
import { customEl, el, icon } from './dom';
import { fillAttention, fillOrigin } from './overviewHeadline';
import { fillNames } from './overviewNames';
import { SectionFrame, emptyLine, missingBySection, missingNotes, type OverviewActions, type OverviewInput } from './overviewParts';
import { fillPhases } from './phasesTable';
import { fillEvaluations, fillRecordings, fillReferences } from './storyLists';

interface ContactShown {
  contact: JsonObject;
  contactId: string;
  instanceId: string;
  version: number;
}

interface Anchor {
  focused: Element | undefined;
  focusedTop: number;
  section: Element | undefined;
  sectionTop: number;
}

export class OverviewView {
  /** The scrolling area; goes in the Overview tabpanel. */
  readonly element: HTMLDivElement;
  private readonly consoleButton: HTMLElement;
  private readonly attention = new SectionFrame('attention', 'Needs attention', 'warning');
  private readonly origin = new SectionFrame('origin', 'Where it came from and went', 'git-compare');
  private readonly names = new SectionFrame('names', 'Who and where', 'person');
  private readonly phases = new SectionFrame('phases', 'How long each phase took', 'watch');
  private readonly attributes = new AttributesSection();
  private readonly chain = new SectionFrame('chain', 'Linked contacts', 'type-hierarchy-sub');
  private readonly evaluations = new SectionFrame('evaluations', 'Evaluations', 'checklist');
  private readonly recordings = new SectionFrame('recordings', 'Recordings', 'record');
  private readonly references = new SectionFrame('references', 'References', 'references');
  private readonly other = new SectionFrame('other', 'What could not be loaded', 'circle-slash');
  private shown: ContactShown | undefined;
  private story: ContactStory | undefined;
  private timeZone: TimeZoneChoice = 'local';
  private consoleUrl: string | undefined;
  private visible = false;
  private dirty = true;
  private versions = 0;

  constructor(private readonly actions: OverviewActions) {
    this.element = el('div', 'overview-scroll');
    this.element.tabIndex = -1;
    const content = el('div', 'overview');
    const top = el('div', 'overview-top');
    this.consoleButton = customEl('vscode-button', 'console-button');
    this.consoleButton.setAttribute('appearance', 'secondary');
    this.consoleButton.append(Object.assign(icon('link-external'), { slot: 'start' }), 'Open in the Connect console');
    this.consoleButton.hidden = true;
    this.consoleButton.addEventListener('click', () => {
      if (this.consoleUrl && isWebUrl(this.consoleUrl)) this.actions.openExternal(this.consoleUrl);
    });
    top.append(this.attention.element, this.consoleButton);
    this.attention.element.hidden = true;
    content.append(
      top,
      this.origin.element,
      this.names.element,
      this.phases.element,
      this.attributes.element,
      this.chain.element,
      this.evaluations.element,
      this.recordings.element,
      this.references.element,
      this.other.element,
    );
    this.other.element.hidden = true;
    this.element.append(content);
  }

  /** Once in the page. */
  connected(): void {
    this.attributes.connected();
  }

  /** A contact to show: a new document; the story stays only if it is the same contact. */
  setContact(contact: JsonObject, ref: { contactId: string; instanceId: string }, timeZone: TimeZoneChoice, keepStory: boolean): void {
    this.shown = { contact, contactId: ref.contactId, instanceId: ref.instanceId, version: ++this.versions };
    this.timeZone = timeZone;
    if (!keepStory) this.story = undefined;
    this.changed();
  }

  setStory(story: ContactStory | undefined): void {
    this.story = story;
    this.changed();
  }

  setTimeZone(timeZone: TimeZoneChoice): void {
    if (timeZone === this.timeZone) return;
    this.timeZone = timeZone;
    this.changed();
  }

  /** The Overview is on screen (or not): it draws only then, and catches up when shown. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.dirty) this.update();
  }

  focus(): void {
    this.element.focus({ preventScroll: true });
  }

  focusAttributesFilter(): void {
    this.attributes.focusFilter();
  }

  private changed(): void {
    this.dirty = true;
    if (this.visible) this.update();
  }

  private update(): void {
    const shown = this.shown;
    if (!shown) return;
    this.dirty = false;
    const story = this.story;
    const input: OverviewInput = {
      contact: shown.contact,
      contactVersion: shown.version,
      contactId: shown.contactId,
      instanceId: shown.instanceId,
      story,
      timeZone: this.timeZone,
      missing: missingBySection(story),
      actions: this.actions,
    };
    const anchor = this.anchor();
    const v = shown.version;
    const tz = this.timeZone;
    const names = JSON.stringify(story?.names ?? {});
    const done = story?.complete ?? false;
    const missing = (id: Parameters<typeof input.missing.get>[0]) => JSON.stringify(input.missing.get(id) ?? []);

    this.attention.render(String(v), (body) => guard(body, () => fillAttention(body, shown.contact, this.actions)));
    this.attention.element.hidden = this.attention.bodyElement.childElementCount === 0;
    this.origin.render(`${v}\u0000${names}`, (body) => guard(body, () => fillOrigin(body, shown.contact, story?.names ?? {})));
    this.names.render(`${v}\u0000${names}\u0000${JSON.stringify(story?.instance ?? null)}\u0000${done}\u0000${missing('names')}`, (body) =>
      guard(body, () => fillNames(body, input)),
    );
    this.phases.render(`${v}\u0000${tz}`, (body) => guard(body, () => fillPhases(body, shown.contact, tz, this.actions)));
    this.attributes.update(input);
    this.chain.render(`${v}\u0000${JSON.stringify(story?.chain ?? null)}\u0000${names}\u0000${tz}\u0000${done}\u0000${missing('chain')}`, (body) =>
      guard(body, () => fillChain(body, input)),
    );
    this.evaluations.render(`${JSON.stringify(story?.evaluations ?? null)}\u0000${tz}\u0000${done}\u0000${missing('evaluations')}`, (body) =>
      guard(body, () => fillEvaluations(body, input)),
    );
    this.recordings.render(`${v}`, (body) => guard(body, () => fillRecordings(body, input)));
    this.references.render(`${JSON.stringify(story?.references ?? null)}\u0000${done}\u0000${missing('references')}`, (body) =>
      guard(body, () => fillReferences(body, input)),
    );
    const other = input.missing.get('other') ?? [];
    this.other.render(missing('other'), (body) => body.append(...missingNotes(other)));
    this.other.element.hidden = other.length === 0;

    this.consoleUrl = story?.consoleUrl && isWebUrl(story.consoleUrl) ? story.consoleUrl : undefined;
    this.consoleButton.hidden = this.consoleUrl === undefined;
    this.consoleButton.title = this.consoleUrl ? `Open this contact in the Amazon Connect console: ${this.consoleUrl}` : '';
    this.restore(anchor);
  }

  /** What the person is looking at: the focused control if it is in view, else the first section in view. */
  private anchor(): Anchor | undefined {
    const view = this.element.getBoundingClientRect();
    if (view.height === 0) return undefined;
    const anchor: Anchor = { focused: undefined, focusedTop: 0, section: undefined, sectionTop: 0 };
    const active = document.activeElement;
    if (active && active !== this.element && this.element.contains(active)) {
      const r = active.getBoundingClientRect();
      if (r.bottom > view.top && r.top < view.bottom) {
        anchor.focused = active;
        anchor.focusedTop = r.top;
      }
    }
    for (const section of this.element.querySelectorAll('.overview-section, .overview-top')) {
      const r = section.getBoundingClientRect();
      if (r.height > 0 && r.bottom > view.top) {
        anchor.section = section;
        anchor.sectionTop = r.top;
        break;
      }
    }
    return anchor;
  }

  /** Scrolls so that the anchor is where it was before the update. */
  private restore(anchor: Anchor | undefined): void {
    if (!anchor) return;
    let target: Element | undefined;
    let before = 0;
    if (anchor.focused) {
      // A redrawn control's replacement has the keyboard now.
      const now = anchor.focused.isConnected ? anchor.focused : document.activeElement;
      if (now && now !== this.element && this.element.contains(now)) {
        target = now;
        before = anchor.focusedTop;
      }
    }
    if (!target && anchor.section?.isConnected) {
      target = anchor.section;
      before = anchor.sectionTop;
    }
    if (!target) return;
    const delta = target.getBoundingClientRect().top - before;
    if (Math.abs(delta) >= 1) this.element.scrollTop += delta;
  }
}

/** One section failing to draw must not take the others with it. */
function guard(body: HTMLElement, fill: () => void): void {
  try {
    fill();
  } catch (error) {
    body.replaceChildren(emptyLine('This part could not be shown.'));
    console.warn('Overview section failed', error);
  }
}
