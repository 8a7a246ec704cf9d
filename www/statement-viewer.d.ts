// Types of the statement-viewer JavaScript API (api.js, the package's main entry) and of the
// Document it returns. The Document types mirror src/model.rs field for field (tests/e2e/
// embed.test.mjs checks it): an Option is `T | null` (always present), a Vec is an array.
// Offsets (start, end) are UTF-16 code units: text.slice(start, end) is the covered text.

/** The twelve entity kinds. */
export type EntityKind =
  | 'person' | 'role' | 'country' | 'nationality' | 'place' | 'organization'
  | 'mission' | 'document' | 'event' | 'date' | 'number' | 'term';

/** Kinds of structural block. */
export type BlockKind =
  | 'header' | 'note' | 'salutation' | 'paragraph' | 'closing' | 'speaker'
  | 'procedural' | 'heading' | 'cover' | 'furniture' | 'metadata';

/** Everything found in one input text. */
export interface Document {
  /** Metadata of a meeting record, read from its cover page (verbatim records only). */
  meeting: Meeting | null;
  /** The statements (speeches, or turns of a verbatim record), in text order. */
  statements: Statement[];
  /** Blocks that belong to no statement: cover page, front matter, page furniture. */
  blocks: Block[];
  /** Entities in text order; never nested or overlapping. */
  entities: Entity[];
}

/** The metadata of a meeting, from a verbatim record's cover page. */
export interface Meeting {
  /** Document symbol, e.g. `S/PV.8701`. */
  symbol: string | null;
  /** The body, e.g. `Security Council`. */
  body: string | null;
  /** Meeting number, e.g. `8701`. */
  number: string | null;
  /** ISO date, e.g. `2020-01-13`. */
  date: string | null;
  /** Time as written, e.g. `10 a.m.`. */
  time: string | null;
  place: string | null;
  /** The presiding officer, as the cover page names them. */
  president: Speaker | null;
  /** Member states listed on the cover page. */
  members: string[];
  /** Agenda items, one string each. */
  agenda: string[];
}

/** One statement: a speech, or one speaker's turn in a verbatim record. */
export interface Statement {
  start: number;
  end: number;
  speaker: Speaker;
  /** The body addressed, e.g. `Security Council`. */
  body: string | null;
  /** The meeting as the header names it, e.g. `Security Council Open Debate`. */
  meeting: string | null;
  topic: string | null;
  place: string | null;
  /** ISO 8601 date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY`). */
  date: string | null;
  /** Language the statement was delivered in, when the text says so. */
  language: string | null;
  /** Notes such as `Check against delivery`. */
  notes: string[];
  blocks: Block[];
}

/** Who speaks. */
export interface Speaker {
  /** The name without honorific or office, e.g. `Koro Bessho`. */
  name: string | null;
  /** `H.E.`, `Mr.`, `Ms.` … */
  honorific: string | null;
  /** The main office, e.g. `Permanent Representative`. */
  role: string | null;
  /** Every office the header gives. */
  roles: string[];
  /** Canonical name of the country represented, e.g. `Japan`. */
  country: string | null;
  /** ISO 3166-1 alpha-3 code of that country, e.g. `JPN`. */
  country_code: string | null;
}

/** A structural block of the text: a line or a run of lines. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** 1-based number of a paragraph within its statement. */
  number: number | null;
  /** Sentence spans inside a paragraph (empty for other kinds). */
  sentences: Sentence[];
  /** Offsets of line-end hyphens that only split a word across a line wrap. */
  soft_hyphens: number[];
}

/** A sentence inside a paragraph. */
export interface Sentence {
  start: number;
  end: number;
}

/** A recognised entity. */
export interface Entity {
  kind: EntityKind;
  start: number;
  end: number;
  /** The covered text, exactly as in the input. */
  text: string;
  /** The canonical name (`Sudan` for `the Sudan`, the full name for an acronym). */
  canonical: string;
  /** ISO alpha-3 for countries and nationalities; the acronym for organizations, missions and
   *  terms; the symbol for documents; the ISO value for dates. */
  code: string | null;
  /** What an acronym stands for. */
  expansion: string | null;
  /** The official document's address (`https://undocs.org/…`), for documents. */
  link: string | null;
}

/** Options of annotate(); any other field is an error that names it. */
export interface Options {
  /** Only these kinds are reported (all when absent or null). */
  kinds?: EntityKind[] | null;
  /** Recognise entities (default true). */
  entities?: boolean;
  /** Split paragraphs into sentences (default true). */
  sentences?: boolean;
}

/** The twelve kinds, in legend order. */
export const KINDS: readonly EntityKind[];
/** Display labels of the kinds: `{ person: 'Person', … }`. */
export const KIND_LABELS: Readonly<Record<EntityKind, string>>;

/**
 * Loads and instantiates the WebAssembly module once per page (from ./pkg/ beside api.js unless
 * `source` says otherwise on the first call). Every other function awaits it.
 */
export function ready(source?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** The crate version, e.g. `"0.1.0"`. */
export function version(): Promise<string>;

/** The Document of `text`. Rejects with an Error naming an unknown option or kind. */
export function annotate(text: string, options?: Options): Promise<Document>;

/** The highlighted document as an HTML fragment (text escaped by the core's renderer). */
export function renderHtml(text: string, options?: Options): Promise<string>;

/**
 * Replaces the content of `element` with the statement cards and the highlighted text
 * (`<div class="sv-text">` with `<mark data-kind>` highlights); resolves with the Document.
 */
export function render(element: Element, text: string, options?: Options): Promise<Document>;

/** The cards of a document (meeting cover; the statement when there is exactly one). */
export function renderCards(doc: Document, opts?: { heading?: number; compact?: boolean }): HTMLElement[];

/** Whether the core found anything to put on a statement's card. */
export function hasCardContent(statement: Statement): boolean;
