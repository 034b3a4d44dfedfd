export { storeFile, grantFileAccess, findReadableFile, contentDisposition, sanitizeFilename } from './files.service.js';
export { localBlobStore, type BlobStore } from './blob-store.js';
export { detectFileType, DEFAULT_ALLOWED, type AllowedFileType } from './file-type.js';
export { presentFile } from './routes/file.routes.js';
