import fc from 'fast-check';

// Property tests draw from a fixed seed so a CI run is repeatable; set FC_SEED to another number (or to
// `random`) to explore further locally. A failure prints its seed and path, which reproduce it.
const seed = process.env['FC_SEED'];
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20_261_124 : Number(seed) });
