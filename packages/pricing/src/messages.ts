/**
 * Every message the pricing package throws or asserts with, as a named constant (dinero.js
 * `core/checks/messages.ts` style). Tests match on these, so wording changes in one place.
 */
export const INVALID_AMOUNT = 'amount must be a finite number';
export const INVALID_PROBABILITY = 'a probability must be a number between 0 and 1';
export const INVALID_DURATION = 'a duration must be a finite number of hours, zero or more';
export const INVALID_MTBF =
  'mean time between failures must be a positive number of hours (Infinity = no failures)';
export const INVALID_RATE = 'a rate must be a finite number above zero';
export const INVALID_UTILIZATION = 'utilization must be above 0 and at most 1';
export const INVALID_SUBSIDY_SHARE = 'a subsidy share must be at least 0 and below 1';
export const INVALID_REPLICA_COUNT = 'the number of replicas needed must be a whole number of at least 1';
export const INVALID_GPU_TIER =
  'a GPU tier needs a name, memory above 0 and finite relative throughputs above 0';
export const DUPLICATE_GPU_TIER = 'the GPU tier table lists a GPU twice';
export const NON_FINITE_RESULT = 'an internal computation produced a value that is not a finite number';
export const EGRESS_TIERS_ORDER =
  'egress tiers must have increasing upper bounds and only the last may be open';

export const FORMULA_TOO_LONG = 'the formula is longer than 500 characters';
export const FORMULA_EMPTY = 'the formula is empty';
export const FORMULA_SYNTAX = 'the formula could not be read';
export const FORMULA_NODE_NOT_ALLOWED = 'the formula uses syntax that is not allowed';
export const FORMULA_FUNCTION_NOT_ALLOWED = 'the formula calls a function that is not allowed';
export const FORMULA_UNKNOWN_SYMBOL = 'the formula names a variable that is not allowed';
export const FORMULA_STRING = 'the formula contains text; only numbers are allowed';
export const FORMULA_TOO_COMPLEX = 'the formula is too complex (too many terms or too deeply nested)';
export const FORMULA_MISSING_VARIABLE = 'the formula was evaluated without a value for one of its variables';
export const FORMULA_FUNCTION_DISABLED = 'is disabled in gpufit formulas';
export const FORMULA_NOT_FINITE = 'the formula did not return a finite number';
export const FORMULA_NOT_TEXT = 'the formula must be text, e.g. "price * 0.9"';
export const FORMULA_BAD_VARIABLES = 'the allowed variables of a formula must be a list of names';
export const FORMULA_EVALUATION = 'the formula failed when evaluated';
export const FORMULA_OUT_OF_RANGE = 'the formula returned a value outside its range';
export const INVALID_MODEL_SIZE = 'a model size must be a finite number of billions of parameters above 0';
export const INVALID_THROUGHPUT_RATIO =
  'a throughput ratio needs a known class and band, two different GPUs, 0 < min ≤ ratio ≤ max (finite), at least one result and a source';
export const DUPLICATE_THROUGHPUT_RATIO =
  'the throughput ratio table lists a (class, band, GPU pair) twice (in either direction)';
export const INVALID_UNIT_THROUGHPUT =
  'a unit throughput row needs a known unit, band and scenario, a GPU, a finite rate above 0 and a source';
export const DUPLICATE_UNIT_THROUGHPUT =
  'the unit throughput table lists a (unit, band, GPU, scenario) twice';
export const INVALID_UNIT_COST_INPUT =
  'a unit cost needs a finite price of at least 0 and a finite rate and quote size above 0';
export const INVALID_HOSTED_API_PRICE =
  'a hosted API price row needs a provider, a model, finite input and output prices per 1M tokens of at least 0 and a source';
export const DUPLICATE_HOSTED_API_PRICE = 'the hosted API price table lists a (provider, model) twice';
export const AMBIGUOUS_HOSTED_API_ALIAS =
  'a hosted API model name or alias normalizes to the key of another model';
export const INVALID_HOSTED_API_TERM =
  'a hosted API term row needs a provider, a source, an as-of date and a quote, a condition unless it holds by default, and places exactly when it states serving regions';
export const DUPLICATE_HOSTED_API_TERM = 'the hosted API terms list a (provider, term) twice';
export const UNPRICED_HOSTED_API_TERM = 'a hosted API term names a provider with no hosted price row';
export const INVALID_HOSTED_API_TOKENS =
  'a hosted API cost needs finite token counts of at least 0 and finite prices per 1M tokens of at least 0';
