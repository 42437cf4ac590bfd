// Stand-in for xlsx 0.20.2 from cdn.sheetjs.com (unreachable offline): the registry's 0.18.5 ESM build.
import * as XLSX from 'xlsx-registry/xlsx.mjs';
export * from 'xlsx-registry/xlsx.mjs';
export default XLSX;
