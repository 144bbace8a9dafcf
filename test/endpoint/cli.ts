// `npm run endpoint -- [options]`: run the local Amazon Connect (and CloudWatch Logs) endpoint until Ctrl-C.
import { readFileSync } from 'node:fs';
import { validateFaultSpec, type FaultSpec } from './faults';
import { localAwsFiles, localProfile } from './localCredentials';
import { findRepoRoot } from './paths';
import { defaultBurst } from './rateLimit';
import { startEndpoint, type EndpointOptions } from './server';
import { createTestCertificate } from './tls';

const usage = `Usage: npm run endpoint -- [options]
  --port N            port on 127.0.0.1 (default 4566; 0 = any free port)
  --contacts DIR      serve DIR/<instanceId>/<contactId>.json exactly as stored (default: bundled samples, rebased to now)
  --rebase-times      shift the times of --contacts files too
  --tls-key FILE --tls-cert FILE   serve HTTPS
  --tls-self-signed   serve HTTPS with a fresh self-signed certificate for 127.0.0.1 (prints its path for --ca-bundle)
  --latency MS        delay every response
  --hang MS           hold every response MS before answering
  --throttle N        answer the next N requests with 429 ThrottlingException
  --fail500 N|always  answer with 500 InternalServiceException
  --reset N|always    close the connection without answering
  --malformed N|always   send broken JSON
  --truncated N|always   send half the body, then close
  --large-body BYTES  pad DescribeContact responses to about BYTES
  --throttle-rate P   answer a share P (0..1) of requests with ThrottlingException, drawn per request (seeded)
  --fail500-rate P    answer a share P (0..1) of requests with the 500
  --fault-seed N      the seed of those draws (default 1): a run repeats exactly
  --operation NAME    limit the faults to one operation (e.g. DescribeContact, FilterLogEvents)
  --rate N            throttle beyond N requests per second (per region and service: Connect and Logs apart), like the services
  --burst N           requests allowed at once before --rate applies (default: N of --rate, rounded up)
  --deny ACTION       answer AccessDeniedException for an IAM action (connect:DescribeUser, logs:FilterLogEvents); repeatable
  --quiet             don't log requests`;

function countOrAlways(value: string, flag: string): number | true {
  if (value === 'always' || value === 'true') return true;
  return nonNegative(value, flag);
}

function nonNegative(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number, got "${value}"`);
  return n;
}

function positive(value: string, flag: string): number {
  const n = nonNegative(value, flag);
  if (n === 0) throw new Error(`${flag} needs a number above 0, got "${value}"`);
  return n;
}

function deniable(action: string): string {
  if (!/^(connect|logs):[A-Za-z]+$/.test(action)) throw new Error(`--deny needs an action like connect:DescribeUser or logs:FilterLogEvents, got "${action}"`);
  return action;
}

let selfSignedCertFile: string | undefined;

export function parseArgs(argv: string[]): EndpointOptions {
  const opts: EndpointOptions = { port: 4566, quiet: false };
  const faults: FaultSpec = {};
  let tlsKey: string | undefined;
  let tlsCert: string | undefined;
  let selfSigned = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': opts.port = nonNegative(next(), flag); break;
      case '--contacts': opts.contactsDir = next(); break;
      case '--rebase-times': opts.rebaseTimes = true; break;
      case '--tls-key': tlsKey = next(); break;
      case '--tls-cert': tlsCert = next(); break;
      case '--tls-self-signed': selfSigned = true; break;
      case '--latency': faults.latencyMs = nonNegative(next(), flag); break;
      case '--hang': faults.hangMs = nonNegative(next(), flag); break;
      case '--throttle': faults.throttle = nonNegative(next(), flag); break;
      case '--fail500': faults.status500 = countOrAlways(next(), flag); break;
      case '--reset': faults.reset = countOrAlways(next(), flag); break;
      case '--malformed': faults.malformedJson = countOrAlways(next(), flag); break;
      case '--truncated': faults.truncated = countOrAlways(next(), flag); break;
      case '--large-body': faults.largeBodyBytes = nonNegative(next(), flag); break;
      case '--throttle-rate': faults.throttleRate = nonNegative(next(), flag); break;
      case '--fail500-rate': faults.status500Rate = nonNegative(next(), flag); break;
      case '--fault-seed': faults.seed = nonNegative(next(), flag); break;
      case '--operation': faults.operation = next(); break;
      case '--rate': opts.rate = positive(next(), flag); break;
      case '--burst': opts.burst = positive(next(), flag); break;
      case '--deny': opts.deny = [...(opts.deny ?? []), deniable(next())]; break;
      case '--quiet': opts.quiet = true; break;
      case '--help': case '-h': console.log(usage); process.exit(0); break;
      default: throw new Error(`Unknown option ${flag}\n${usage}`);
    }
  }
  if (tlsKey || tlsCert) {
    if (!tlsKey || !tlsCert) throw new Error('--tls-key and --tls-cert go together');
    opts.tls = { key: readFileSync(tlsKey), cert: readFileSync(tlsCert) };
  }
  if (selfSigned) {
    if (opts.tls) throw new Error('--tls-self-signed replaces --tls-key/--tls-cert');
    const certificate = createTestCertificate();
    opts.tls = { key: certificate.key, cert: certificate.cert };
    selfSignedCertFile = certificate.certFile;
    process.on('exit', () => certificate.dispose());
  }
  if (Object.keys(faults).length > 0) opts.faults = validateFaultSpec(faults);
  if (opts.burst !== undefined && opts.rate === undefined) throw new Error('--burst goes with --rate');
  if (opts.burst !== undefined && !Number.isInteger(opts.burst)) throw new Error(`--burst needs a whole number, got "${opts.burst}"`);
  return opts;
}

async function main(): Promise<void> {
  let opts: EndpointOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const endpoint = await startEndpoint(opts);
  const files = localAwsFiles(findRepoRoot());
  console.log(`Local Amazon Connect endpoint: ${endpoint.url}`);
  console.log(`  Credentials: profile "${localProfile}" (region us-east-1) in the test fixtures:`);
  console.log(`    export AWS_CONFIG_FILE=${files.configFile} AWS_SHARED_CREDENTIALS_FILE=${files.credentialsFile}`);
  console.log(`    aws connect list-instances --profile ${localProfile} --endpoint-url ${endpoint.url}`);
  console.log(`    aws logs describe-log-groups --profile ${localProfile} --endpoint-url ${endpoint.url}`);
  console.log(`  Control API: POST/DELETE ${endpoint.url}/__control/faults, GET/DELETE ${endpoint.url}/__control/requests`);
  if (selfSignedCertFile) console.log(`  Self-signed certificate (use as --ca-bundle): ${selfSignedCertFile}`);
  if (opts.faults) console.log(`  Faults: ${JSON.stringify(opts.faults)}`);
  if (opts.rate !== undefined) console.log(`  Rate limit: ${opts.rate} requests per second, burst ${opts.burst ?? defaultBurst(opts.rate)}`);
  console.log('  Ctrl-C stops it.');
  const stop = () => {
    void endpoint.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main();
