// Types of element.js (the package's "./element" entry): the <statement-viewer> custom element,
// its events, and the API it re-exports from api.js.
import type { Document, Entity } from './statement-viewer.js';

export * from './statement-viewer.js';

/** Panels the `panels` attribute can list. */
export type Panel = 'card' | 'legend' | 'index' | 'details';
export const PANELS: readonly Panel[];

export interface SvReadyDetail {
  /** The Document just rendered. */
  document: Document;
}

export interface SvEntityDetail {
  /** The entity whose highlight was activated (click, Enter or Space). */
  entity: Entity;
  /** Its index in `document.entities`. */
  index: number;
}

export interface SvErrorDetail {
  /** What went wrong, naming the attribute, option, kind or URL at fault. */
  message: string;
}

/** `<statement-viewer>`: a statement shown structured and highlighted, in a shadow root. */
export class StatementViewerElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The text shown; null (default) falls back to `src`, then to the element's text content. */
  text: string | null;
  /** URL of a text file on the page's own origin (attribute `src`). */
  src: string;
  /** Kinds shown, space or comma separated; '' = all (attribute `kinds`). An array is joined. */
  kinds: string;
  /** light | dark | auto (attribute `theme`). */
  theme: 'light' | 'dark' | 'auto';
  /** Show each highlight's kind inline (boolean attribute `labels`). */
  labels: boolean;
  /** Panels shown, space separated, of card, legend, index, details (attribute `panels`;
   *  default "card legend details"). An array is joined. */
  panels: string;
  /** The Document of the last render, or null. */
  readonly document: Document | null;

  addEventListener<K extends keyof StatementViewerEventMap>(
    type: K,
    listener: (this: StatementViewerElement, ev: StatementViewerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface StatementViewerEventMap extends HTMLElementEventMap {
  'sv-ready': CustomEvent<SvReadyDetail>;
  'sv-entity': CustomEvent<SvEntityDetail>;
  'sv-error': CustomEvent<SvErrorDetail>;
}

/** Removes markup indentation from text written inside the element. */
export function dedent(text: string): string;

declare global {
  interface HTMLElementTagNameMap {
    'statement-viewer': StatementViewerElement;
  }
  interface DocumentEventMap {
    'sv-ready': CustomEvent<SvReadyDetail>;
    'sv-entity': CustomEvent<SvEntityDetail>;
    'sv-error': CustomEvent<SvErrorDetail>;
  }
}
