// The Timeline's picture: time left to right from the contact's initiation, a contact lane (phase
// bars and milestones) and a lane per flow with each block as a mark coloured by kind, errors in
// the error colour. Zoom and pan with the wheel, a drag or the keyboard; it starts with the whole
// contact in view. Marks closer than a few pixels share one mark (the most telling of them: an
// error, then a Lambda call), so a chat that looped 5,000 times draws a few hundred elements.
// Everything is SVG built with createElementNS and textContent: log text never becomes markup.
import { formatTimestamp } from '../src/contact/format';
import { formatDurationMs } from '../src/contact/phases';
import type { TimeZoneChoice } from '../src/protocol/messages';
import { svgEl as svg } from './dom';
import { axisTicks, tickLabel, type ContactLane, type FlowLane, type TimelineMark, type TimelineModel } from '../src/timeline/timelineModel';

const labelWidth = 180;
const laneHeight = 24;
const groupHeight = 22;
const axisHeight = 22;
/** Marks within this many pixels share one. */
const bucketPx = 4;

function titled<T extends SVGElement>(node: T, text: string): T {
  const title = svg('title');
  title.textContent = text;
  node.append(title);
  return node;
}

/** Text with a hover title, the title beside it (in one group) so the text's own content is only its words. */
function titledText(attrs: Record<string, string | number>, className: string, words: string, hover: string): SVGGElement {
  const group = titled(svg('g'), hover);
  const text = svg('text', attrs, className);
  text.textContent = words;
  group.append(text);
  return group;
}

/** How telling a mark is: errors, then Lambda calls, then the rest. */
const weight = (m: TimelineMark): number => (m.isError ? 3 : m.lambda ? 2 : 1);

export interface PictureActions {
  /** A mark was clicked (or Enter on it): select its event in the table. */
  select(eventId: string): void;
  /** The text a mark's hover shows: its block, parameters and results. */
  describe(eventId: string): string;
  /** A lane group's heading was clicked (whole-chain mode): open that contact. */
  openContact(contactId: string): void;
}

export class TimelinePicture {
  readonly element: HTMLDivElement;
  private readonly svgEl: SVGSVGElement;
  private model: TimelineModel | undefined;
  private timeZone: TimeZoneChoice = 'local';
  /** The span in view, in ms from the axis origin. */
  private view = { t0: 0, t1: 1 };
  private width = 800;
  private selected: string | undefined;
  private drag: { x: number; t0: number; t1: number; moved: boolean } | undefined;

  constructor(private readonly actions: PictureActions) {
    this.element = document.createElement('div');
    this.element.className = 'timeline-picture';
    this.svgEl = svg('svg', {}, 'timeline-svg');
    this.svgEl.setAttribute('role', 'img');
    this.svgEl.setAttribute('tabindex', '0');
    this.element.append(this.svgEl);
    this.svgEl.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.svgEl.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.svgEl.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.svgEl.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.svgEl.addEventListener('keydown', (e) => this.onKeyDown(e));
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        const w = Math.max(320, Math.floor(this.element.clientWidth));
        if (w !== this.width && this.element.clientWidth > 0) {
          this.width = w;
          this.render();
        }
      }).observe(this.element);
    }
  }

  /** A new model: the whole contact in view (`keepView` keeps the zoom when the same contact fills in). */
  setModel(model: TimelineModel, keepView = false): void {
    const previous = this.model;
    this.model = model;
    if (!keepView || !previous) this.fit();
    else this.render();
  }

  setTimeZone(timeZone: TimeZoneChoice): void {
    this.timeZone = timeZone;
    this.render();
  }

  setSelected(eventId: string | undefined): void {
    this.selected = eventId;
    this.render();
  }

  /** The span in view (ms from the origin): tests and the zoom buttons read it. */
  get span(): { t0: number; t1: number } {
    return { ...this.view };
  }

  fit(): void {
    const axis = this.model?.axis;
    const start = Math.min(0, axis?.startT ?? 0);
    const end = Math.max(axis?.endT ?? 0, start + 1000);
    const pad = (end - start) * 0.02;
    this.view = { t0: start - pad, t1: end + pad };
    this.render();
  }

  /** Zoom by `factor` (<1 zooms in) around `at` (ms from the origin; the centre by default). */
  zoom(factor: number, at?: number): void {
    const { t0, t1 } = this.view;
    const centre = at ?? (t0 + t1) / 2;
    const span = Math.min(Math.max((t1 - t0) * factor, 200), 100 * 24 * 3600_000);
    const ratio = (centre - t0) / (t1 - t0 || 1);
    this.view = { t0: centre - span * ratio, t1: centre - span * ratio + span };
    this.render();
  }

  /** Pan by a fraction of the span in view (negative: earlier). */
  pan(fraction: number): void {
    const shift = (this.view.t1 - this.view.t0) * fraction;
    this.view = { t0: this.view.t0 + shift, t1: this.view.t1 + shift };
    this.render();
  }

  focus(): void {
    this.svgEl.focus();
  }

  private get plotWidth(): number {
    return Math.max(100, this.width - labelWidth - 8);
  }

  private x(t: number): number {
    return labelWidth + ((t - this.view.t0) / (this.view.t1 - this.view.t0 || 1)) * this.plotWidth;
  }

  private tAt(clientX: number): number {
    const box = this.svgEl.getBoundingClientRect();
    const px = clientX - box.left - labelWidth;
    return this.view.t0 + (px / this.plotWidth) * (this.view.t1 - this.view.t0);
  }

  private clock(t: number): string {
    const origin = this.model?.axis.originMs ?? 0;
    return formatTimestamp(new Date(origin + t).toISOString(), this.timeZone);
  }

  render(): void {
    const model = this.model;
    const root = this.svgEl;
    root.replaceChildren();
    if (!model) return;
    this.svgEl.setAttribute('aria-label', model.summary);
    const chain = model.groups.length > 1;
    let y = axisHeight;
    const body = svg('g', {}, 'lanes');
    const clipId = 'timeline-plot-clip';
    const rowsHeight = model.groups.reduce((h, g) => h + g.lanes.length * laneHeight + (chain ? groupHeight : 0), 0);
    const height = axisHeight + rowsHeight + 4;
    root.setAttribute('width', String(this.width));
    root.setAttribute('height', String(height));
    root.setAttribute('viewBox', `0 0 ${this.width} ${height}`);
    const defs = svg('defs');
    const clip = svg('clipPath', { id: clipId });
    clip.append(svg('rect', { x: labelWidth, y: 0, width: this.plotWidth, height }));
    defs.append(clip);
    root.append(defs);

    // Axis: ticks on whole steps over the span in view, the clock time on hover.
    const axis = svg('g', {}, 'axis');
    const ticks = axisTicks(this.view.t0, this.view.t1, Math.max(3, Math.floor(this.plotWidth / 90)));
    for (const tick of ticks) {
      const x = this.x(tick.t);
      axis.append(svg('line', { x1: x, x2: x, y1: axisHeight - 4, y2: height }, 'gridline'));
      axis.append(titledText({ x, y: axisHeight - 8, 'text-anchor': 'middle' }, 'tick-label', tick.label, this.clock(tick.t)));
    }
    root.append(axis);

    const plot = svg('g', { 'clip-path': `url(#${clipId})` }, 'plot');
    for (const group of model.groups) {
      if (chain) {
        const heading = titledText({ x: 4, y: y + 15 }, 'group-label', group.label, `Contact ${group.contactId}: open it`);
        heading.setAttribute('role', 'link');
        heading.addEventListener('click', () => this.actions.openContact(group.contactId));
        body.append(heading);
        body.append(svg('line', { x1: 0, x2: this.width, y1: y + 0.5, y2: y + 0.5 }, 'group-rule'));
        y += groupHeight;
      }
      for (const lane of group.lanes) {
        body.append(titledText({ x: 8, y: y + 16 }, `lane-label${lane.type === 'flow' && lane.errors ? ' has-errors' : ''}`, clipLabel(lane.label), lane.type === 'flow' ? `${lane.label}: ${lane.marks.length} block${lane.marks.length === 1 ? '' : 's'}${lane.errors ? `, ${lane.errors} error${lane.errors === 1 ? '' : 's'}` : ''}` : 'The contact: its phases and milestones'));
        body.append(svg('line', { x1: labelWidth, x2: this.width, y1: y + laneHeight - 0.5, y2: y + laneHeight - 0.5 }, 'lane-rule'));
        if (lane.type === 'contact') this.drawContactLane(plot, lane, y);
        else this.drawFlowLane(plot, lane, y);
        y += laneHeight;
      }
    }
    root.append(body, plot);
  }

  private drawContactLane(plot: SVGGElement, lane: ContactLane, y: number): void {
    for (const bar of lane.bars) {
      const x0 = this.x(bar.t0);
      const x1 = Math.max(x0 + 2, this.x(bar.t1));
      const rect = svg('rect', { x: x0, y: y + 5, width: x1 - x0, height: laneHeight - 10, rx: 2 }, `phase-rect phase-${bar.kind}${bar.ongoing ? ' ongoing' : ''}`);
      plot.append(titled(rect, `${bar.label}: ${bar.ongoing ? 'ongoing' : formatDurationMs(bar.durationMs)} (${tickLabel(bar.t0)} → ${tickLabel(bar.t1)})`));
    }
    for (const m of lane.milestones) {
      const x = this.x(m.t);
      const tick = svg('path', { d: `M${x} ${y + 3} l4 5 l-4 5 l-4 -5 z` }, 'milestone');
      plot.append(titled(tick, `${m.label} — ${tickLabel(m.t)}, ${formatTimestamp(m.timestamp, this.timeZone)}${m.detail ? ` (${m.detail})` : ''}`));
    }
  }

  private drawFlowLane(plot: SVGGElement, lane: FlowLane, y: number): void {
    // One ordinary mark per few pixels (the selected one wins); errors and Lambda calls are never
    // hidden: they are what a person looks for, and there are few of them.
    const buckets = new Map<number, { mark: TimelineMark; count: number; selected: boolean }>();
    const always: { mark: TimelineMark; count: number; selected: boolean }[] = [];
    for (const mark of lane.marks) {
      if (mark.t < this.view.t0 - 1 || mark.t > this.view.t1 + 1) continue;
      const isSelected = mark.eventId === this.selected;
      if (weight(mark) > 1) {
        always.push({ mark, count: 1, selected: isSelected });
        continue;
      }
      const key = Math.round(this.x(mark.t) / bucketPx);
      const b = buckets.get(key);
      if (!b) buckets.set(key, { mark, count: 1, selected: isSelected });
      else {
        b.count += 1;
        if (isSelected) b.mark = mark;
        b.selected ||= isSelected;
      }
    }
    const cy = y + laneHeight / 2;
    for (const { mark, count, selected } of [...buckets.values(), ...always]) {
      const x = this.x(mark.t);
      const cls = `mark kind-${mark.kind}${mark.isError ? ' error' : ''}${mark.lambda ? ` lambda lambda-${mark.lambda.outcome}` : ''}${selected ? ' selected' : ''}${count > 1 ? ' many' : ''}`;
      const shape = mark.lambda
        ? svg('rect', { x: x - 4, y: cy - 4, width: 8, height: 8, transform: `rotate(45 ${x} ${cy})` }, cls)
        : svg('circle', { cx: x, cy, r: count > 1 ? 5 : 4 }, cls);
      shape.dataset.eventId = mark.eventId;
      const more = count > 1 ? `\n(+${count - 1} more block${count === 2 ? '' : 's'} here: zoom in to see them)` : '';
      titled(shape, `${this.actions.describe(mark.eventId)}${more}`);
      shape.addEventListener('click', (e) => {
        e.stopPropagation();
        this.actions.select(mark.eventId);
      });
      plot.append(shape);
    }
  }

  private onWheel(e: WheelEvent): void {
    if (!this.model) return;
    e.preventDefault();
    // A horizontal wheel (or Shift) pans; a vertical one zooms around the pointer.
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) this.pan((e.deltaX || e.deltaY) / 1000);
    else this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.tAt(e.clientX));
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { x: e.clientX, t0: this.view.t0, t1: this.view.t1, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag) return;
    const dx = e.clientX - this.drag.x;
    // A click (on a mark, a heading) stays a click; only a real drag captures the pointer and pans.
    if (!this.drag.moved) {
      if (Math.abs(dx) < 4) return;
      this.drag.moved = true;
      this.svgEl.setPointerCapture?.(e.pointerId);
    }
    const shift = (dx / this.plotWidth) * (this.drag.t1 - this.drag.t0);
    this.view = { t0: this.drag.t0 - shift, t1: this.drag.t1 - shift };
    this.render();
  }

  private onPointerUp(e: PointerEvent): void {
    if (this.drag?.moved) this.svgEl.releasePointerCapture?.(e.pointerId);
    this.drag = undefined;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case '+':
      case '=':
        this.zoom(0.8);
        break;
      case '-':
      case '_':
        this.zoom(1.25);
        break;
      case 'ArrowLeft':
        this.pan(-0.1);
        break;
      case 'ArrowRight':
        this.pan(0.1);
        break;
      case '0':
      case 'Home':
        this.fit();
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}

function clipLabel(text: string): string {
  return text.length > 26 ? `${text.slice(0, 25)}…` : text;
}
