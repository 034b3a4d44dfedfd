export interface StoredFileTable {
  id: string;
  organization_id: string;
  uploaded_by: string;
  filename: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: string;
}

/** Organizations other than the owner that may download a file (granted when it is attached to a shared record). */
export interface FileGrantTable {
  file_id: string;
  organization_id: string;
}

declare module '../db/schema.js' {
  interface Database {
    files: StoredFileTable;
    file_grants: FileGrantTable;
  }
}
