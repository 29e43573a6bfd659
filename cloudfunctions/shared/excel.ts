/**
 * exceljs, loaded by the first call that needs it (an export, an import, the register's template): it is
 * most of the api's bundle, and loading it at start made every cold start of every route slower.
 */
export const loadExcel = async () => (await import('exceljs')).default
