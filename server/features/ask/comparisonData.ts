/** Data access for comparison questions: the documents that hold points. Plain rows only. */
import { cypher } from '../../db/cypherFiles.ts';
import type { Database } from '../../db/database.ts';

export interface ComparedDocumentRow {
  id: string;
  label: string;
  names: string[];
  kind: string | null;
  date: string | null;
  author: string | null;
  authorLabel: string | null;
  /** The author's name and aliases. */
  authorNames: string[];
  /** The party the author rolls up to (itself for a party). */
  party: string | null;
}

/** Every document that holds points, oldest first. */
export function readComparableDocuments(db: Database): Promise<ComparedDocumentRow[]> {
  return db.read<ComparedDocumentRow>(cypher('ask/compared-documents'));
}
