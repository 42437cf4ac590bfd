/** Regression for the workbench: design matrices named as R names them, OLS with robust SEs, plain-words reading. */
export * from './csv';
export * from './data-table';
export * from './design-matrix';
export * from './distributions';
export * from './ols';
export * from './reading';
export * from './regression-json';
