/** Types of peers-adapter.mjs (plain JavaScript, imported by the peers harness without a loader). */
import type { Dataset } from '../src/data/schema.ts';

export type GenericEvent = { id: string; date: string; title: string; summary: string; quote: { text: string; source: string; url: string } };
export declare const ZOOM_SURFACE: string;
export declare function convertGeneric(events: GenericEvent[]): Dataset;
declare const adapter: { name: string; serveDir: string; dataPath: string; convert: typeof convertGeneric };
export default adapter;
