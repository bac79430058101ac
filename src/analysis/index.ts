/** Public API of the analysis engine (no UI, no DuckDB: plain arrays in, results out). */
export * from './types';
export { runAnalysis, runAnalysisAsync, analysisSteps } from './run-analysis';
export {
  defaultAnalysisParams,
  validateParams,
  PARAM_SOURCES,
  RULE_TABLES,
  RULE_TABLE_HAINAN_2019,
  RULE_TABLE_YULIN,
  ALTERNATIVE_RADIUS_M,
  DEFAULT_AS_OF_DATE,
} from './params';
export { computeNeighbourPairs, NeighbourPairBuilder, nearestAcceptedM, type NeighbourPairs, type RefineDistance } from './neighbour-pairs';
export { computeCoverage } from './coverage';
export { computeTwoStep, splitDemand, type TwoStepResult } from './two-step-fca';
export { analyseCommunities, applyRuleTable, problemOfStatus, PROBLEM_KEY, PROBLEM_ORDER } from './communities';
export { indicatorFigures, sumIndicatorInputs } from './indicators';
export { toJsonReport, JSON_REPORT_FORMAT, JSON_REPORT_VERSION, type JsonReport } from './report-json';
export { AnalysisAbortError, isAbortError } from './abort';
export { haversineM, gaussianWeight, equirectangularM, EARTH_RADIUS_M } from './geo';
export { ragOf } from './status';
