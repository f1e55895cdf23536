/** Documents for the services layer: generate a document from a Case the caller has read. */
export * from './generate';
export { loadDocumentResources, TemplateError, type DocumentResources } from './resources';
