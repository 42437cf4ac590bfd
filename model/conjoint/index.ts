/** Conjoint analysis: study documents, designs, response import, estimation, importances, WTP, simulation. */
export * from './choice-import';
export * from './choice-sets';
export * from './coding';
export * from './dense-matrix';
export * from './importance';
export * from './mnl';
export * from './ratings-estimation';
export * from './ratings-import';
export * from './response-attributes';
export * from './study';
