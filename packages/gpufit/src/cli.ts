#!/usr/bin/env node
// The gpufit CLI. Each command's code is imported only when that command runs, so `--help` stays fast.
import {
  COMPLIANCE_REQUIREMENTS,
  MARKET_REGISTRY,
  MARKETS,
  PRICING_CATEGORIES,
  PRICING_CATEGORY_REGISTRY,
  REPORT_FORMAT_REGISTRY,
  REPORT_FORMATS,
} from '@gpufit/schema/registries';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, EXIT } from './cli/errors.js';
import { choiceList, formatList } from './cli/formatList.js';
import { SEED_RANGE, TRIALS_RANGE } from './cli/monteCarloLimits.js';
import { positiveDecimal, wholeNumberIn } from './cli/numericOptions.js';
import { paint } from './cli/terminal.js';
import { raiseTierUpBudget } from './cli/tierUpBudget.js';
import { OutputError, outputFailure } from './output/outputError.js';
import { VERSION } from './version.js';

// Before any command's code loads or a worker starts: V8 optimizes only code that stays hot (tierUpBudget.ts).
raiseTierUpBudget();

/** Threads for the Monte Carlo: this one and up to 1,023 workers. */
const THREADS_RANGE = [1, 1024] as const;

// Choices and help of --format, --market, --category and the --allow-* lists come from the registries of
// @gpufit/schema (test/cli-registries.test.ts).
const OFFER_MARKET_CHOICES: readonly string[] = [...MARKETS, 'cloud'];

const marketsHelp = MARKETS.map((m) => `${m} (${MARKET_REGISTRY[m].label})`).join(', ');
const categoriesHelp = PRICING_CATEGORIES.map((c) => `${c} (${PRICING_CATEGORY_REGISTRY[c].label})`).join(
  ', ',
);
const formatsHelp = REPORT_FORMATS.map((f) => `${f}: ${REPORT_FORMAT_REGISTRY[f].description}`).join('; ');

/** Placement, GPU-policy and freshness options shared by analyze, simulate and breakeven (docs/cli.md). */
function withRunPolicyOptions(command: Command): Command {
  return command
    .option(
      '--allow-category <list>',
      `only these pricing categories, comma-separated (narrows the scenario): ${categoriesHelp}`,
    )
    .option('--allow-market <list>', `only these markets, comma-separated: ${marketsHelp}`)
    .option('--allow-provider <list>', 'only these providers, e.g. aws,lambda,akash')
    .option('--exclude-provider <list>', 'never these providers, e.g. vast')
    .addOption(
      new Option('--gpu-policy <policy>', 'which GPUs may price a named gpuType (default measured)').choices([
        'exact',
        'measured',
        'any',
      ]),
    )
    .option('--analysis-date <date>', 'measure offer ages against this date, YYYY-MM-DD (default: today)')
    .option(
      '--max-offer-age <days>',
      'flag options priced from offers older than this (default 90)',
      wholeNumberIn('--max-offer-age', [1, 36_500]),
    );
}

function isoDate(name: string) {
  return (value: string): string => {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    if (!ok || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
      throw new InvalidArgumentError(`${name} must be a date written YYYY-MM-DD.`);
    return value;
  };
}

function example(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const program = new Command()
  .name('gpufit')
  .description(
    'Where should each AI workload run — hyperscaler, GPU cloud or DePIN — and what does it really cost?',
  )
  .version(VERSION, '-v, --version')
  .option(
    '--no-cache',
    'load offer catalogs without the catalog cache ($GPUFIT_CACHE_DIR, else $XDG_CACHE_HOME/gpufit or ~/.cache/gpufit)',
  )
  .hook('preAction', async (command) => {
    if (command.opts()['cache'] === false) (await import('./cli/inputs.js')).catalogCache.enabled = false;
  })
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (s, write) => write(paint(s, 'red')) })
  .addHelpText(
    'after',
    example([
      'gpufit analyze',
      'gpufit analyze workloads.csv --format md',
      'gpufit offers --gpu H100 --market depin',
    ]),
  );

withRunPolicyOptions(program.command('analyze'))
  .description('score, price and compare every workload; write a report (no arguments: the bundled example)')
  .argument('[workloads]', 'workloads file: CSV with the profile column names, or JSON')
  .option('--catalog <file>', 'offer catalog CSV (default: the bundled datasets/offers.csv)')
  .option(
    '--scenario <file>',
    'scenario JSON: horizon, subsidy schedules, incentive-token prices, Monte Carlo',
  )
  .addOption(
    new Option(
      '--format <list>',
      `report formats, comma-separated or repeated (several need --out); one text format without --out goes to stdout (${formatsHelp}; jsonl: streamed JSON Lines for \`gpufit merge\`, alone)`,
    ).argParser(formatList([...REPORT_FORMATS, 'jsonl'] as const)),
  )
  .option(
    '--out <dir>',
    'report folder, replaced whole by this run (default ./gpufit-report for the full set); must be new, empty or an earlier report; with --format jsonl, the file',
  )
  .option(
    '--shard <index/count>',
    'only shard INDEX (0-based) of COUNT of the rows, as JSON Lines for `gpufit merge`; INDEX may name an environment variable (JOB_COMPLETION_INDEX/100)',
  )
  .option(
    '--part <index/count>',
    'the workloads file is part INDEX (0-based) of COUNT files of one portfolio (JSON Lines for `gpufit merge`); INDEX may name an environment variable',
  )
  .option('--seed <n>', 'Monte Carlo seed (overrides the scenario)', wholeNumberIn('--seed', SEED_RANGE))
  .option(
    '--trials <n>',
    'Monte Carlo trials per workload (overrides the scenario)',
    wholeNumberIn('--trials', TRIALS_RANGE),
  )
  .option(
    '--threads <n>',
    'threads for the Monte Carlo: this one and n−1 workers (default: all cores)',
    wholeNumberIn('--threads', THREADS_RANGE),
  )
  .option('--strict', 'fail on the first bad input row (exit 2) instead of skipping and listing it')
  .option(
    '--stream',
    'analyze row by row with bounded memory (automatic for workloads CSVs over 32 MiB); writes json and csv',
  )
  .addHelpText(
    'after',
    example([
      'gpufit analyze                                  # bundled example → ./gpufit-report/',
      'gpufit analyze my-workloads.csv --format md > report.md',
      'gpufit analyze plan.csv --scenario subsidy-ends.json --out reports/',
      'gpufit analyze plan.json --format json --seed 7 --strict',
      'gpufit analyze plan.csv --format json,md --out reports/',
      'gpufit analyze two-million-rows.csv --out big/      # streamed: big/report.json, big/report.csv',
      'gpufit analyze plan.csv --shard 3/100 --format jsonl --analysis-date 2026-12-01 --out shard-3.jsonl',
    ]),
  )
  .action(async (workloads: string | undefined, opts) =>
    (await import('./commands/analyze.js')).runAnalyze(workloads, opts),
  );

program
  .command('offers')
  .description(
    'list the catalog as `sky show-gpus` does: per instance type its GPUs, on-demand and spot price side by side, cheapest first',
  )
  .option('--catalog <file>', 'offer catalog CSV (default: the bundled catalog)')
  .option(
    '--gpu <tier>',
    'GPU tier or a name as people write it: H100, "H100 80GB SXM5", "RTX 4090", a100-80gb',
  )
  .option(
    '--region <place>',
    'provider region (us-east-1), country (DE), bloc (EU, EEA, NA, LATAM, APAC, MEA) or continent (europe, north-america …)',
  )
  .addOption(
    new Option('--market <market>', `market: ${marketsHelp}, or cloud (every cloud-side market)`).choices(
      OFFER_MARKET_CHOICES,
    ),
  )
  .addOption(
    new Option('--category <category>', `pricing category: ${categoriesHelp}`).choices(PRICING_CATEGORIES),
  )
  .option(
    '--compliance <list>',
    `only offers that meet every one of these, comma-separated: ${COMPLIANCE_REQUIREMENTS.join(', ')}; by the catalog's certifications, as the analysis reads a workload's compliance (gdpr also inside the EEA on datacenter hosts)`,
    choiceList(COMPLIANCE_REQUIREMENTS, {
      what: 'a compliance requirement',
      example: 'hipaa,soc2',
      normalize: (v) => v.toLowerCase(),
    }),
  )
  .option(
    '--residency <list>',
    "only offers that can keep data in one of these ISO countries or blocs (EU, EEA, NA …), comma-separated, as the analysis reads a workload's residency: a known country inside one of them, never a community host's unverified word, nor a catalog row that lists every region of its provider",
  )
  .option(
    '--multi-node',
    "only offers a multi-node job can span: instances on an InfiniBand-class fabric (the catalog's interconnect infiniband), as the analysis requires of a job of several nodes that needs one",
  )
  .option('--max-price <usd>', 'highest list price per GPU-hour', positiveDecimal('--max-price'))
  .option(
    '--max-age <days>',
    'leave out offers whose as-of is more than DAYS before today',
    wholeNumberIn('--max-age', [0, 36_500]),
  )
  .option('--today <date>', 'the date --max-age counts from, YYYY-MM-DD (default: today)', isoDate('--today'))
  .option('--all-regions', 'a row per region (default: the cheapest region of each instance type)')
  .addOption(
    new Option('--group-by <field>', 'show the cheapest row of each group').choices([
      'gpu',
      'market',
      'provider',
    ]),
  )
  .option('--limit <n>', 'rows to show', wholeNumberIn('--limit', [1, 1_000_000]), 20)
  .option('--json', 'print JSON instead of a table')
  .addHelpText(
    'after',
    example([
      'gpufit offers --gpu H100 --region europe',
      'gpufit offers --gpu "A100 80GB" --all-regions --region US',
      'gpufit offers --market depin --group-by gpu',
      'gpufit offers --gpu H100 --compliance hipaa,soc2',
      'gpufit offers --gpu H100 --residency EU --compliance gdpr',
      'gpufit offers --gpu H100 --multi-node --all-regions',
      'gpufit offers --catalog offers.csv --max-age 30',
      'gpufit offers --gpu 4090 --max-price 0.5 --json',
    ]),
  )
  .action(async (opts) => (await import('./commands/offers.js')).runOffers(opts));

withRunPolicyOptions(program.command('simulate'))
  .description('Monte Carlo P10/P50/P90 spend and P(DePIN cheaper) for each workload')
  .argument('[workloads]', 'workloads file (default: the bundled example)')
  .option('--catalog <file>', 'offer catalog CSV')
  .option('--scenario <file>', 'scenario JSON')
  .option('--workload <id>', 'only this workload')
  .option('--seed <n>', 'seed', wholeNumberIn('--seed', SEED_RANGE))
  .option('--trials <n>', 'trials', wholeNumberIn('--trials', TRIALS_RANGE))
  .option(
    '--threads <n>',
    'threads: this one and n−1 workers (default: all cores)',
    wholeNumberIn('--threads', THREADS_RANGE),
  )
  .option('--strict', 'fail on the first bad input row (exit 2)')
  .option('--json', 'print JSON')
  .addHelpText(
    'after',
    example(['gpufit simulate --trials 100000 --seed 7', 'gpufit simulate plan.csv --workload chat --json']),
  )
  .action(async (workloads: string | undefined, opts) =>
    (await import('./commands/simulate.js')).runSimulate(workloads, opts),
  );

withRunPolicyOptions(program.command('breakeven'))
  .description(
    'where DePIN and cloud cost the same: subsidy share, DePIN price, interruptions, egress, utilization',
  )
  .argument('[workloads]', 'workloads file (default: the bundled example)')
  .option('--catalog <file>', 'offer catalog CSV')
  .option('--scenario <file>', 'scenario JSON')
  .option('--workload <id>', 'only this workload')
  .option('--json', 'print JSON')
  .addHelpText(
    'after',
    example(['gpufit breakeven', 'gpufit breakeven plan.csv --workload batch-embed --json']),
  )
  .action(async (workloads: string | undefined, opts) =>
    (await import('./commands/breakeven.js')).runBreakeven(workloads, opts),
  );

program
  .command('whatif')
  .description(
    'open the what-if page (whatif.html) of a report folder or of a workloads file, or serve it on 127.0.0.1',
  )
  .argument(
    '[target]',
    'a report folder with whatif.html, or a workloads file to analyze (default: ./gpufit-report, else the bundled example)',
  )
  .option(
    '--catalog <file>',
    'offer catalog CSV, for a workloads file (default: the bundled datasets/offers.csv)',
  )
  .option('--scenario <file>', 'scenario JSON, for a workloads file')
  .option(
    '--seed <n>',
    'Monte Carlo seed of the page’s fan (overrides the scenario)',
    wholeNumberIn('--seed', SEED_RANGE),
  )
  .option(
    '--trials <n>',
    'Monte Carlo trials of the page’s fan (overrides the scenario)',
    wholeNumberIn('--trials', TRIALS_RANGE),
  )
  .option('--analysis-date <date>', 'measure offer ages against this date, YYYY-MM-DD (default: today)')
  .option('--serve', 'serve the page on 127.0.0.1 (only the page; Ctrl-C stops) instead of opening the file')
  .option(
    '--port <n>',
    'port for --serve (default 8787; 0: any free port)',
    wholeNumberIn('--port', [0, 65_535]),
  )
  .option('--no-open', 'print the page’s file:// URL without starting a browser')
  .addHelpText(
    'after',
    example([
      'gpufit whatif                         # ./gpufit-report/whatif.html, else the bundled example',
      'gpufit whatif reports/',
      'gpufit whatif plan.csv --scenario subsidy-ends.json',
      'gpufit whatif --serve --port 8080',
    ]),
  )
  .action(async (target: string | undefined, opts) =>
    (await import('./commands/whatif.js')).runWhatifCommand(target, opts),
  );

program
  .command('diff')
  .description('compare two analyses: two result JSON files, or two scenario files run on the same workloads')
  .argument('<a>', 'result JSON (from analyze --format json) or scenario JSON')
  .argument('<b>', 'result JSON or scenario JSON')
  .option('--workloads <file>', 'workloads to run two scenarios on (default: the bundled example)')
  .option('--catalog <file>', 'offer catalog CSV')
  .option('--json', 'print JSON')
  .option(
    '--trials <n>',
    'Monte Carlo trials of each plan’s P10/P50/P90 band (overrides the scenarios)',
    wholeNumberIn('--trials', TRIALS_RANGE),
  )
  .option('--no-band', 'leave the Monte Carlo out: no P10/P50/P90 rows (faster)')
  .addHelpText(
    'after',
    example([
      'gpufit diff before.json after.json',
      'gpufit diff base-scenario.json subsidy-ends.json --workloads plan.csv',
    ]),
  )
  .action(async (a: string, b: string, opts) => (await import('./commands/diff.js')).runDiff(a, b, opts));

const importCmd = program
  .command('import')
  .description('convert a public price catalog or API response into gpufit offers (offers.csv)');

/** The options every importer shares. */
function importOptions(cmd: Command, what: string): Command {
  return cmd
    .option(
      '--as-of <date>',
      `date the ${what} was read (YYYY-MM-DD), recorded as each offer’s asOf (default: today, said on stderr)`,
    )
    .option('--source <text>', 'provenance to record on every offer (default: names the file)')
    .option('--out <file>', 'write the offers CSV here instead of stdout')
    .option('--strict', 'stop at the first malformed record (exit 2) instead of skipping and listing it')
    .option('--json', 'print the import report (accounting, rejections) as JSON on stdout; needs --out');
}

importOptions(
  importCmd
    .command('skypilot')
    .description("read SkyPilot's public catalog format (vms.csv) into an offers CSV")
    .argument('<vms.csv>', 'a SkyPilot catalog file (catalogs/v*/<cloud>/vms.csv)')
    .requiredOption('--cloud <name>', 'the catalog cloud: aws, gcp, lambda, runpod, vast, nebius …'),
  'catalog',
)
  .addHelpText(
    'after',
    example([
      'gpufit import skypilot vms.csv --cloud lambda --as-of 2026-11-24 --out lambda-offers.csv',
      'gpufit import skypilot aws/vms.csv --cloud aws --out aws-offers.csv   # spot: median over zones',
    ]),
  )
  .action(async (file: string, opts) =>
    (await import('./commands/importOffers.js')).runImport('skypilot', file, opts),
  );

importOptions(
  importCmd
    .command('vast')
    .description('read a Vast.ai offer search (JSON) into offers: one row per bucket at the median price')
    .argument('<offers.json>', 'the search response {"offers": [...]} or `vastai search offers --raw` output')
    .addOption(
      new Option('--region-by <level>', 'bucket hosts by country or by continent')
        .choices(['country', 'continent'])
        .default('country'),
    ),
  'search',
)
  .addHelpText(
    'after',
    example([
      "vastai search offers 'gpu_name=RTX_4090' --raw > offers.json",
      'gpufit import vast offers.json --as-of 2026-12-01 --out vast-offers.csv',
      'gpufit import vast offers.json --region-by continent --out vast-offers.csv',
    ]),
  )
  .action(async (file: string, opts) =>
    (await import('./commands/importOffers.js')).runImport('vast', file, opts),
  );

importOptions(
  importCmd
    .command('akash')
    .description('read the Akash Console API GPU price list (JSON) into offers: one row per GPU model')
    .argument('<prices.json>', 'the response of GET https://console-api.akash.network/v1/gpu-prices'),
  'price list',
)
  .addHelpText(
    'after',
    example([
      'curl -s https://console-api.akash.network/v1/gpu-prices > akash.json',
      'gpufit import akash akash.json --as-of 2026-12-01 --out akash-offers.csv',
    ]),
  )
  .action(async (file: string, opts) =>
    (await import('./commands/importOffers.js')).runImport('akash', file, opts),
  );

const catalogCmd = program.command('catalog').description('work with offer catalogs (offers.csv)');
catalogCmd
  .command('merge')
  .description('merge offer catalogs: one offer per id, the newest as-of kept, every replacement reported')
  .argument(
    '<catalogs...>',
    'offer catalog CSVs, oldest intent first: on equal as-of days the later file wins',
  )
  .option('--bundled', 'start from the bundled catalog (datasets/offers.csv), as if it were the first file')
  .option('--out <file>', 'write the merged catalog here instead of stdout')
  .option('--strict', 'stop at the first bad row of any file (exit 2) instead of skipping and listing it')
  .option('--json', 'print the merge report (files, accounting, replacements) as JSON on stdout; needs --out')
  .addHelpText(
    'after',
    example([
      'gpufit catalog merge --bundled vast-offers.csv akash-offers.csv --out offers.csv',
      'gpufit catalog merge old.csv new.csv --out offers.csv --json > merge-report.json',
      'gpufit analyze plan.csv --catalog offers.csv',
    ]),
  )
  .action(async (files: string[], opts) =>
    (await import('./commands/catalogMerge.js')).runCatalogMerge(files, opts),
  );

program
  .command('merge')
  .description(
    'merge the JSON Lines shards of one sharded analysis into one report (docs/scaling.md); not `catalog merge`',
  )
  .argument('<shards...>', 'every shard file of the run: gpufit analyze --shard INDEX/COUNT --format jsonl')
  .option(
    '--out <dir>',
    'report folder for report.json, report.csv and report.md, replaced whole (default ./gpufit-report)',
  )
  .option(
    '--format <list>',
    'which of json, csv, md to write, comma-separated (default all; md alone: the totals, fastest)',
  )
  .addHelpText(
    'after',
    example([
      'gpufit analyze plan.csv --shard 0/2 --analysis-date 2026-12-01 --out shard-0.jsonl',
      'gpufit analyze plan.csv --shard 1/2 --analysis-date 2026-12-01 --out shard-1.jsonl',
      'gpufit merge shard-*.jsonl --out merged/',
    ]),
  )
  .action(async (files: string[], opts) => (await import('./commands/merge.js')).runMerge(files, opts));

program
  .command('validate')
  .description('check a workloads, offers or scenario file and list every problem with file, row and column')
  .argument('<file>', 'the file to check')
  .addOption(
    new Option('--as <kind>', 'what the file is (default: guessed from its columns)').choices([
      'workloads',
      'offers',
      'scenario',
    ]),
  )
  .option('--strict', 'stop at the first problem')
  .option(
    '--catalog <file>',
    'the catalog whose providers and tokens a scenario may name (default: the bundled catalog)',
  )
  .option('--json', 'print the accounting and problems as JSON')
  .addHelpText(
    'after',
    example([
      'gpufit validate my-workloads.csv',
      'gpufit validate catalog.csv --as offers --json',
      'gpufit validate scenario.json --catalog my-offers.csv',
    ]),
  )
  .action(async (file: string, opts) => (await import('./commands/validate.js')).runValidate(file, opts));

// A reader that stops early (`gpufit offers | head`) closes the pipe: that is the end of the output, not an error.
// Any other failure to write stdout (`> /dev/full`: ENOSPC) is the environment's: exit 1 with the reason.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`${paint('error:', 'red')} ${outputFailure('stdout', error).message}\n`);
  process.exit(EXIT.failure);
});
// Nothing can be said on a stderr that cannot be written; the exit code still tells.
process.stderr.on('error', () => {});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; any usage error (unknown option, bad value) is bad input.
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
    process.exitCode = done ? EXIT.ok : EXIT.badInput;
  } else if (error instanceof CliError || error instanceof OutputError) {
    process.stderr.write(`${paint('error:', 'red')} ${error.message}\n`);
    if (error instanceof CliError && error.hint) process.stderr.write(`${error.hint}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(
      `${paint('internal error:', 'red')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.stderr.write('This is a bug in gpufit; please report it with the command you ran.\n');
    process.exitCode = EXIT.failure;
  }
}
