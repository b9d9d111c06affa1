/**
 * Makes sure the Neo4j server jars are in the runtime cache, resolving them once from Maven
 * Central through server/neo4j/pom.xml. A marker file records a complete copy, so a second
 * start needs no network and a half-finished download is redone.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SetupError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const POM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pom.xml');
export const NEO4J_VERSION = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(POM, 'utf8'))![1]!;

const JAVA_HINT =
  'Install Java 17 (Debian: apt-get install openjdk-17-jre-headless), or point Parley at a running Neo4j with NEO4J_URI, or use `docker compose up`.';
const MAVEN_HINT =
  'Install Maven 3.8+ (Debian: apt-get install maven) so Parley can fetch Neo4j once, or set NEO4J_URI, or use `docker compose up`.';

function runtimeLibDir(runtimeDir: string): string {
  return path.join(runtimeDir, NEO4J_VERSION, 'lib');
}

function markerFile(runtimeDir: string): string {
  return path.join(runtimeDir, NEO4J_VERSION, 'complete');
}

function javaMajorVersion(javaBin = 'java'): number | undefined {
  const probe = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function javaBinary(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

export function assertJava17(): string {
  const java = javaBinary();
  const major = javaMajorVersion(java);
  if (major === undefined) throw new SetupError(`Java was not found (${java}). ${JAVA_HINT}`);
  if (major !== 17 && major !== 21) {
    throw new SetupError(`Neo4j ${NEO4J_VERSION} needs Java 17 or 21, found Java ${major}. ${JAVA_HINT}`);
  }
  return java;
}

/** Resolves the runtime into the cache if it is not complete there yet; returns the lib folder. */
export async function ensureNeo4jRuntime(runtimeDir: string, logger: Logger): Promise<string> {
  const libDir = runtimeLibDir(runtimeDir);
  if (fs.existsSync(markerFile(runtimeDir))) return libDir;

  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).error) throw new SetupError(`Maven was not found. ${MAVEN_HINT}`);
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(libDir, { recursive: true });
  logger.info({ version: NEO4J_VERSION, libDir }, 'fetching Neo4j from Maven Central (first start only)');

  const started = Date.now();
  let artifacts = 0;
  const mvn = spawn(
    'mvn',
    ['-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`, '-DincludeScope=runtime'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  const progress = setInterval(() => {
    logger.info({ artifactsDownloaded: artifacts, seconds: Math.round((Date.now() - started) / 1000) }, 'still fetching Neo4j');
  }, 5_000);
  for (const stream of [mvn.stdout, mvn.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (line.includes('Downloaded from')) artifacts += 1;
      tail.push(line);
      if (tail.length > 30) tail.shift();
    });
  }
  const code = await new Promise<number | null>((resolve) => mvn.on('close', resolve));
  clearInterval(progress);
  if (code !== 0) {
    throw new SetupError(
      `Fetching Neo4j ${NEO4J_VERSION} with Maven failed (exit ${code}). Check access to Maven Central, or set NEO4J_URI, or use \`docker compose up\`.\n${tail.join('\n')}`,
    );
  }
  const jars = fs.readdirSync(libDir).filter((f) => f.endsWith('.jar'));
  if (!jars.some((j) => j.startsWith(`neo4j-${NEO4J_VERSION}`))) {
    throw new SetupError(`Maven finished but the Neo4j ${NEO4J_VERSION} jars are missing from ${libDir}.`);
  }
  fs.writeFileSync(markerFile(runtimeDir), `${jars.length} jars\n`);
  logger.info({ jars: jars.length, seconds: Math.round((Date.now() - started) / 1000) }, 'Neo4j runtime ready');
  return libDir;
}
