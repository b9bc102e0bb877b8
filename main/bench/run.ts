// `npm run bench`: speed figures as ratios against a baseline measured in the same run, goals beside them.
// Not part of `npm test`: tests never assert wall-clock times.
import { runCliStartupBench } from './cliStartup.bench';
import { runErrorParsingBench } from './errorParsing.bench';
import { runProfilesBench } from './profiles.bench';
import { runRunnerBench } from './runner.bench';
import { runSigningBench } from './signing.bench';
import { runStoreOpenBench } from './storeOpen.bench';
import { runTransportBench } from './transport.bench';
import { runCollectionUiBench } from './uiCollection.bench';
import { runResponseUiBench } from './uiResponse.bench';
import { runStartupUiBench } from './uiStartup.bench';
import type { BenchRow } from './benchRow';

function printRows(title: string, rows: BenchRow[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    const value = row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(3);
    console.log(`  ${row.pass ? 'ok  ' : 'MISS'} ${row.name.padEnd(58)} ${`${value} ${row.unit}`.padStart(14)}   goal ${row.goal}`);
  }
}

// `npm run bench -- cli signing` runs only the sections whose titles contain one of the words (any case).
function selected(title: string, words: string[]): boolean {
  return words.length === 0 || words.some((word) => title.toLowerCase().includes(word.toLowerCase()));
}

async function main(): Promise<void> {
  console.log(`RoleCall bench on Node ${process.version}, ${process.platform}/${process.arch}`);
  const words = process.argv.slice(2);
  const all: BenchRow[] = [];
  for (const [title, run] of [
    ['Signing', runSigningBench],
    ['Transport', runTransportBench],
    ['CLI start-up', runCliStartupBench],
    ['Profiles', runProfilesBench],
    ['Collection runner', runRunnerBench],
    ['Hostile responses', runErrorParsingBench],
    ['Response viewer (UI, Chromium)', runResponseUiBench],
    ['Collections: store open (main)', runStoreOpenBench],
    ['Collections (UI, Chromium)', runCollectionUiBench],
    ['Start-up (UI, Chromium)', runStartupUiBench],
  ] as const) {
    if (!selected(title, words)) continue;
    const rows = await run();
    printRows(title, rows);
    all.push(...rows);
  }
  const missed = all.filter((r) => !r.pass).length;
  console.log(`\n${all.length - missed} of ${all.length} figures within their goals.`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
